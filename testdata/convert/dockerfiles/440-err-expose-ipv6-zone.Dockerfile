FROM alpine:3.19
# An IPv6 zone: net.ParseIP refuses it (Node.js isIP accepts it).
EXPOSE [fe80::1%eth0]:8080:80
