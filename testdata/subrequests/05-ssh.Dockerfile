FROM alpine:3.19
RUN --mount=type=ssh git clone git@github.com:org/repo.git
RUN --mount=type=ssh,id=deploy,required=true ls
RUN --mount=type=ssh,id=other,target=/ssh.sock ls
