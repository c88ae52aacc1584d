FROM alpine:3.19
WORKDIR /src
RUN make
RUN echo cd /not/a/command
