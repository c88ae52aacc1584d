FROM alpine:3.19
COPY src/*.go ./
COPY ["dir with space/", "/dst/"]
