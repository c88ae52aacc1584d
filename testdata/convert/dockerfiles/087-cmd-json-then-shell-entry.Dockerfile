FROM alpine:3.19
CMD ["--help"]
ENTRYPOINT /entry.sh
