# parity: --opt add-hosts=Foo.Local=10.0.0.1,bar=::FFFF:1.2.3.4,baz=2001:0DB8:0:0:1:0:0:0001,q=::
FROM alpine:3.19
RUN cat /etc/hosts
