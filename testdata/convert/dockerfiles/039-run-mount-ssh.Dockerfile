FROM alpine:3.19
RUN --mount=type=ssh ssh-add -l
RUN --mount=type=ssh,id=github,target=/ssh.sock,required=true,mode=0666 ls -l /ssh.sock
