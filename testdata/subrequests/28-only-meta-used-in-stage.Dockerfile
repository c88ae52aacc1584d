# M1 first meta
ARG M1=one
# M2 second meta, not redeclared
ARG M2=two
FROM alpine:3.19
ARG M1
RUN echo $M1
