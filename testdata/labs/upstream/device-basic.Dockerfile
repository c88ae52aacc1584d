FROM busybox AS base
RUN --device=vendor1.com/device=foo,required \
    --device=vendor2.com/device=bar \
    env | sort | tee /foo.env
FROM scratch
COPY --from=base /foo.env /
