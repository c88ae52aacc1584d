# parity: --opt hostname=myhost
FROM alpine:3.19
RUN hostname
FROM scratch
COPY --from=0 /etc/hostname /
