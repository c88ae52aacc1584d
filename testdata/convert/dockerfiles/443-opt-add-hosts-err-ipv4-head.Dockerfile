# parity: --opt add-hosts=h=1.2.3.4::
# An IPv4 part before `::`: net.ParseIP refuses it.
FROM alpine:3.19
RUN cat /etc/hosts
