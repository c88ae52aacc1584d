# tmpfs sizes are go-units' float64 turned into int64 as amd64 does it: beyond int64 (or at 2^63-1, rounded up) -2^63, and then no size cap
FROM busybox
RUN --mount=type=tmpfs,target=/t,size=9223372036854775807 true
RUN --mount=type=tmpfs,target=/t,size=99999999999999999999 true
RUN --mount=type=tmpfs,target=/t,size=9007199254740993 true
RUN --mount=type=tmpfs,target=/t,size=1.5m true
RUN --mount=type=tmpfs,target=/t,size=8191p true
