FROM alpine:3.19
ADD --chown=10:20 --chmod=600 secret.txt /secret.txt
ADD --link local.tar /untar/
