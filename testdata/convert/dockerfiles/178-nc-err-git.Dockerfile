# parity: --opt context:repo=git:nothing
FROM alpine:3.19
COPY --from=repo / /src
