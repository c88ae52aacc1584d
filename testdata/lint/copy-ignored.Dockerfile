FROM alpine:3.19
COPY secret.txt /
ADD node_modules/pkg /pkg
COPY src/ /src/
