ARG secret_token=abc
FROM alpine:3.19 as Base
MAINTAINER me
ENV key value
WORKDIR rel
CMD run me
CMD run again
EXPOSE 80/TCP
FROM base AS final
COPY --from=Base $MISSING /x
