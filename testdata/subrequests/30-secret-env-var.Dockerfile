FROM alpine:3.19
# SECRET_ID chooses the secret
ARG SECRET_ID=dynamic
RUN --mount=type=secret,id=$SECRET_ID ls
ENV SSH_ID=fromenv
RUN --mount=type=ssh,id=${SSH_ID} ls
