ARG IMAGE
FROM $IMAGE
RUN true
# lint-args: --build-arg IMAGE=alpine:3.19
