ARG P=
FROM --platform=$P alpine:3.19
