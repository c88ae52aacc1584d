FROM alpine:3.19
RUN echo one
WORKDIR /app
RUN echo two
RUN --mount=type=cache,target=/root/.cache echo three
RUN ["echo", "four"]
