FROM alpine:3.19
COPY --parents **/*.json /cfg/
COPY --parents ./a/./b/*.txt /out/
