FROM alpine:3.19
COPY --parents ./x/a.txt ./y/*.txt /out/
COPY --parents src/./pkg/file.go /work/
