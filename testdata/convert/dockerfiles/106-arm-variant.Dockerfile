# parity: --platform linux/arm/v7
FROM scratch
COPY x /x
