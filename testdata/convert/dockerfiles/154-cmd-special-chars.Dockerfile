FROM alpine:3.19
CMD ["echo", "tab\there", "quote\"q", "unicodé"]
ENTRYPOINT ["/bin/sh", "-c", "exec \"$@\"", "--"]
