# the last second of year 9999 still marshals
# parity: --build-arg SOURCE_DATE_EPOCH=253402300799
FROM busybox
RUN true
