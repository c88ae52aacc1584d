FROM debian:bookworm
# check=skip=AptGetListsNotRemoved
RUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u8
