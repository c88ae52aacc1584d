FROM alpine:3.19
SHELL ["/bin/bash", "-c"]
ENTRYPOINT echo hi
