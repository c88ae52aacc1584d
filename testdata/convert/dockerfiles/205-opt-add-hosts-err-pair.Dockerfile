# parity: --opt add-hosts=Just.Name
FROM alpine:3.19
RUN true
