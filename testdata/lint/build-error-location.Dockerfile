FROM alpine:3.19 AS Bad
MAINTAINER x
COPY --from=later /a /b
FROM alpine:3.19 AS later
COPY --from=Bad /a /b
# lint-args: --target later
