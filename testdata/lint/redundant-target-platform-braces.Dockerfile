FROM --platform=${TARGETPLATFORM} alpine:3.19
RUN true
