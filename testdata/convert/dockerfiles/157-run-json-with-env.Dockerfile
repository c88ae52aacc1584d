FROM alpine:3.19
ENV GREETING=hi
RUN ["sh", "-c", "echo $GREETING"]
