FROM alpine:3.19
ENV A=1 \
    B=2 \
    C="three four"
RUN env
