FROM alpine:3.19
COPY --from=5 /x /x
