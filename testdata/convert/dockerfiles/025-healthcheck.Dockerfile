FROM alpine:3.19
HEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --retries=3 CMD wget -q -O- http://localhost/ || exit 1
