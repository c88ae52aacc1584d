# parity: --build-arg REV=abc123
FROM alpine:3.19
ARG REV=unknown
LABEL revision=$REV "quoted key"="quoted value"
