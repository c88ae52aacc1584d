FROM alpine:3.19
USER $UID
LABEL version=$VER
