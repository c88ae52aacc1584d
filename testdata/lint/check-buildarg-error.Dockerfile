FROM alpine:3.19
ENV A b
# lint-args: --build-arg BUILDKIT_DOCKERFILE_CHECK=error=true
