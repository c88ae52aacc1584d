# parity: --opt context:base=local:basedir --opt context:gen=local:gendir
# A stage replaced by a local context (no image config) and a base replaced by one.
FROM alpine:3.19 AS gen
RUN generate

FROM gen AS use
RUN ls /

FROM base
COPY --from=use /x /x
COPY --from=gen /out/ /out/
RUN echo done
