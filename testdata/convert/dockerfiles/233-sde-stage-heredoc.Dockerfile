# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM scratch AS src
ADD <<EOT /hello
hello
EOT

FROM alpine:3.19
RUN true
