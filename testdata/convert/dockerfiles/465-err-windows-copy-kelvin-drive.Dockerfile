# parity: --platform windows/amd64
FROM scratch
# A Kelvin sign (three bytes) before the colon as a COPY destination.
COPY a K:
