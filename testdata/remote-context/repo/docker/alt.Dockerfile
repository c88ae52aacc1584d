FROM busybox AS base
WORKDIR /w
COPY top.txt app/hello.txt ./
FROM base
LABEL alt=yes
