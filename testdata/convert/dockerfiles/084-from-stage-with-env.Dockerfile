FROM alpine:3.19 AS base
ENV APP=/app
WORKDIR $APP

FROM base
RUN pwd
COPY . .
