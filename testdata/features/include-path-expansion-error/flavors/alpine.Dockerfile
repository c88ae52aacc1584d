RUN echo alpine
