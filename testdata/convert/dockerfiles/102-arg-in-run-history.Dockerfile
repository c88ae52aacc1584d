FROM alpine:3.19
ARG A=1
ARG B=2
ARG A=3
RUN echo $A $B
