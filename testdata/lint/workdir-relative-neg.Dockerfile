FROM alpine:3.19
WORKDIR /app
WORKDIR sub
