FROM alpine:3.19
COPY --chmod=999 a /a
