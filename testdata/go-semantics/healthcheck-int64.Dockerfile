# HEALTHCHECK durations are int64 nanoseconds: beyond 2^53 every digit counts
FROM busybox
HEALTHCHECK --interval=2562047h47m16.854775807s --timeout=2562047h47m16.854775806s --start-period=1000000h0m0.000000001s --start-interval=1ms CMD true
