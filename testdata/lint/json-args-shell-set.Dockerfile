FROM alpine:3.19
SHELL ["/bin/bash", "-c"]
CMD echo hello
