FROM alpine:3.19 AS parent
ONBUILD ARG X=1
ONBUILD RUN echo $X

FROM parent
RUN echo child
