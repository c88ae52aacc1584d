FROM alpine:3.19
# A Kelvin sign as the unit of a tmpfs size (bytes that are not ASCII in a mount value).
RUN --mount=type=tmpfs,target=/t,size=1K true
