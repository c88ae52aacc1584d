FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
 && apt-get -y install --no-install-recommends \
      git=1:2.39.5-0+deb12u1 \
 && rm -rf /var/lib/apt/lists/*
