FROM debian:bookworm
ARG FLAVOR
