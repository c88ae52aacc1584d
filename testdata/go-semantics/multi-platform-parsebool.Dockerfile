# BUILDKIT_MULTI_PLATFORM is read by strconv.ParseBool: TRUE and t are true
# parity: --build-arg BUILDKIT_MULTI_PLATFORM=t
FROM busybox
RUN true
