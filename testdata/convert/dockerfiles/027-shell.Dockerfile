FROM alpine:3.19
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN echo with custom shell
CMD echo cmd shell
