# a SOURCE_DATE_EPOCH whose year is past 9999: Go keeps the time but cannot marshal the image config
# parity: --build-arg SOURCE_DATE_EPOCH=253402300800
FROM busybox
RUN true
