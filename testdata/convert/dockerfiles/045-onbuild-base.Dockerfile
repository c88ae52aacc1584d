FROM example/onbuild:1
RUN echo after triggers
