FROM alpine:3.19
HEALTHCHECK --interval=5m --timeout=3s CMD curl -f http://localhost/ || exit 1
CMD ["serve"]
