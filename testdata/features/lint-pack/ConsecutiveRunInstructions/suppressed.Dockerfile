FROM alpine:3.19
RUN echo one
# check=skip=ConsecutiveRunInstructions
RUN echo two
