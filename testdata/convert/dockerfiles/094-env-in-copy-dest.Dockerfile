FROM alpine:3.19
ENV DEST=/opt/app
COPY . $DEST/
COPY ["a b.txt", "$DEST/c.txt"]
