FROM alpine:${TAG}
RUN true
# lint-args: --build-arg TAG=3.19
