# --target with a long s is the stage s0 to strings.EqualFold
# parity: --target ſ0
FROM busybox AS s0
RUN true

FROM busybox AS other
