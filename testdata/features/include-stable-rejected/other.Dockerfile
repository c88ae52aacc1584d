RUN echo never
