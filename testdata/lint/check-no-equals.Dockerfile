# check=skip
FROM alpine:3.19
