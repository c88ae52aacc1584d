# parity: --opt context:alpine:3.19=oci-layout://store2@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
FROM alpine:3.19
ENV A=1
