FROM alpine:3.19
WORKDIR /src
RUN --mount=type=bind,source=.,target=ctx ls ctx
RUN --mount=type=cache,target=.cache ls
