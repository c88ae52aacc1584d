# nothing here
RUN echo one
INCLUDE steps/two.Dockerfile
