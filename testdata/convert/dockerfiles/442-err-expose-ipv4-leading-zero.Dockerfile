FROM alpine:3.19
# An IPv4 address with a leading zero: refused by net.ParseIP.
EXPOSE 010.1.1.1:8080:80
