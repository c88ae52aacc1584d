# check=skip=StageNameCasing trailing words
FROM alpine:3.19 AS Bad
