FROM alpine:3.19
RUN --network=bridge echo hi
