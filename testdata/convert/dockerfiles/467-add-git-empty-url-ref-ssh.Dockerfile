FROM alpine:3.19
# The same with a ref, and over ssh.
ADD git://#main /x
ADD ssh:// /y
