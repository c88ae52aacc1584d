# parity: --opt context:base=local:basedir
# A stage replaced by a local context has a zero image config; the target built on it
# gets its OS from containerd's Normalize (the frontend's own), its architecture stays empty.
FROM alpine:3.19 AS base
RUN echo replaced

FROM base
RUN echo done
