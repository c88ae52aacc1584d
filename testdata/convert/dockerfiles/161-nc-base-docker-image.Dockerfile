# parity: --opt context:alpine:3.19=docker-image://ghcr.io/example/tool:1.0
# A named context named like a FROM base replaces the image.
FROM alpine:3.19
RUN echo hello > /hello
WORKDIR sub
CMD ["sh"]
