RUN echo b

INCLUDE ./a.Dockerfile
