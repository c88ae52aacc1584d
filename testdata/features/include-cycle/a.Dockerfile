RUN echo a
INCLUDE b.Dockerfile
