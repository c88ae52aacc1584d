# parity: --platform linux/
FROM scratch
RUN echo hi
