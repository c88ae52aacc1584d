# parity: --platform linux/amd64,i686
FROM scratch
RUN echo hi
