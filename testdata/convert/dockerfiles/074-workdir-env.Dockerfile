FROM alpine:3.19
ENV DIR=/srv/app
WORKDIR $DIR
WORKDIR ${DIR}/sub
COPY . .
