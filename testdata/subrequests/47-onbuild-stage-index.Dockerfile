FROM alpine:3.19
ONBUILD RUN --mount=type=secret,id=idx_secret,required=true true
ONBUILD ARG IDXARG

FROM stage-0 AS notbase
ARG X=1

FROM alpine:3.19 AS copier
COPY --from=0 /a /b
ARG Y=1
