FROM debian:bookworm AS deb
# P uses PATH
ARG P=$PATH:/extra
# EMPTY is empty
ARG EMPTY=
RUN echo $P
