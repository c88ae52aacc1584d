FROM debian:bookworm
# check=skip=PackageVersionUnpinned
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
