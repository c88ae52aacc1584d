FROM alpine:3.19 AS a
RUN true
FROM alpine:3.19
COPY --from=a secret.txt /
