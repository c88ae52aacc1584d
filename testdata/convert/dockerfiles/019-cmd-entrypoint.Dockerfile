FROM alpine:3.19
CMD echo shell form
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["exec", "form"]
