FROM alpine
CMD ["echo", "a b", "c\"d"]
ENTRYPOINT ["/bin/sh", "-c"]
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN ["echo", "\u0041"]
COPY ["a b", "/dst/"]
VOLUME ["/data", "/cache"]
HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]
CMD [ "not", json ]
RUN [ "continued", \
      "json" ]
