# parity: --build-arg A=from-cli --build-arg B=also
FROM alpine:3.19
ARG A=default
ARG B
RUN echo $A $B
