# parity: --opt context:tools=nope:thing
FROM alpine:3.19
COPY --from=tools /a /a
