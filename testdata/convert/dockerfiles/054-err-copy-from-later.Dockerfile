# parity: --target first
FROM alpine:3.19 AS first
COPY --from=second /x /x

FROM alpine:3.19 AS second
RUN true
