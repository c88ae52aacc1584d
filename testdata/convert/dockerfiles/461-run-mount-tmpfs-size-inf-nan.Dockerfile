FROM alpine:3.19
# inf and nan before a space and a suffix: ParseFloat reads them.
RUN --mount="type=tmpfs,target=/t,size=inf k" true
RUN --mount="type=tmpfs,target=/u,size=NaN b" true
RUN --mount="type=tmpfs,target=/v,size=+Infinity " true
