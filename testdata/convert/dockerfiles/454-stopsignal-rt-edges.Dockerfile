FROM alpine:3.19
# The last real-time signal names upstream knows.
STOPSIGNAL RTMAX-14
STOPSIGNAL RTMIN+15
