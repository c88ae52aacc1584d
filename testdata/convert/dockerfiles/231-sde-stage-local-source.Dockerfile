# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM scratch AS src
ADD file.txt /file.txt

FROM alpine:3.19
RUN true
