FROM alpine:3.19
ENV A=1
ENV A=2 B=$A
ENV PATH=/opt/bin:$PATH
RUN echo $A $B
