FROM alpine:3.19
# A hexadecimal size beyond float64.
RUN --mount=type=tmpfs,target=/t,size=0x1p2000 true
