FROM alpine:3.19
# moby/sys/signal names RTMAX-14 to RTMAX-1, not RTMAX-15.
STOPSIGNAL RTMAX-15
