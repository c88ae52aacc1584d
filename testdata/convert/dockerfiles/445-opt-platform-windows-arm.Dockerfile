# parity: --platform windows/arm
FROM scratch
ARG TARGETPLATFORM TARGETVARIANT
LABEL tp="$TARGETPLATFORM" tv="$TARGETVARIANT"
RUN echo hi
