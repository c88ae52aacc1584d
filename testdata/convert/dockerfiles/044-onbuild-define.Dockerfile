FROM alpine:3.19
ONBUILD RUN echo triggered
ONBUILD COPY . /app
