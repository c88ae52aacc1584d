FROM --platform=$BUILDPLATFROM alpine:3.19
RUN true
# lint-args: --build-arg X=1
