FROM debian:bookworm AS build
RUN apt-get update && apt-get install --no-install-recommends -y gcc=4:12.2.0-3
FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install --no-install-recommends -y jq=1.6-2.1
