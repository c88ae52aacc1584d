FROM alpine:3.19
ADD https://example.com/files/tool.tar.gz /tmp/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x
ADD https://example.com/ /root-file
