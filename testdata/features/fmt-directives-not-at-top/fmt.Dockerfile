
# check=skip=all
FROM alpine
