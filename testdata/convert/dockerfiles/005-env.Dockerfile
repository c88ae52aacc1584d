FROM alpine:3.19
ENV FOO=bar BAZ="qux quux"
ENV LEGACY value with spaces
RUN echo $FOO $BAZ
