FROM alpine:3.19
RUN echo one
# a comment between them
RUN echo two
