FROM alpine:3.19
# Addresses net.ParseIP reads: IPv4, IPv6 with an IPv4 tail, IPv4-mapped, a trailing ::.
EXPOSE 127.0.0.1:8080:80 [::1.2.3.4]:8081:81 [::ffff:10.1.1.1]:8082:82/udp [1:2:3:4:5:6:7::]:8083:83
