# parity: --opt context:src=local:srcdir --opt sharedkey:localdir:src=abc123 --opt local-sessionid:srcdir=other-session --opt context:assets=local:assets --dockerignore testdata/convert/dockerignore/basic
# local: contexts: session, shared key, .dockerignore excludes, follow paths from what stages use.
FROM alpine:3.19
COPY --from=src /go.mod /go.sum /build/
COPY --from=src /cmd/ /build/cmd/
RUN --mount=from=assets,source=/img,target=/img ls /img
COPY app.txt /app.txt
