FROM alpine:3.19 AS base
LABEL stage=base

FROM base
LABEL stage=final extra="x y"
