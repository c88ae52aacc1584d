FROM alpine:3.19
ADD --checksum=md5:abc https://example.com/x /x
