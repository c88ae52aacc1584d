# An expansion that fails (${X:?}) still reports the undefined variables it looked up, then fails.
FROM alpine:3.19
ENV A=${TARGETPLATFORM:?} B=${UNDEFINED_B}
