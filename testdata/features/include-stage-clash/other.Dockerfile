FROM busybox:latest AS tools
RUN echo tools

FROM busybox:latest AS build
