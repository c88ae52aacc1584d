# parity: --platform arm,Linux/AARCH64,x86_64
# The platform option as the frontend reads it: each platform parsed and
# normalized (arm is linux/arm/v7, aarch64 is arm64), so TARGETPLATFORM and
# TARGETVARIANT name the normalized platform.
FROM scratch
ARG TARGETPLATFORM TARGETOS TARGETARCH TARGETVARIANT
LABEL tp="$TARGETPLATFORM" tv="$TARGETVARIANT"
RUN echo $TARGETPLATFORM
