FROM ubuntu:22.04
RUN useradd -m app
USER app
WORKDIR /home/app/work
COPY --chown=app . .
