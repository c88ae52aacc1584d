FROM --platform=$BUILDPLATFORM golang:1.22 AS build
RUN --mount=type=cache,target=/root/.cache --network=none go build ./...
COPY --from=build --chmod=755 /out/app /usr/local/bin/app
RUN --mount="type=secret,id=a b" cat /run/secrets/a\ b
RUN --mount=type=cache,target=/a \
    --mount=type=cache,target=/b \
    make
COPY --link a b /dst/
