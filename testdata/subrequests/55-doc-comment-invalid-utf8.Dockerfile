# ÿ an argument whose name is a byte that is no UTF-8
ARG ÿ=1
# Aÿ described, but the key reads A with U+FFFD
ARG Aÿ=2
# B a description holding ÿ, a byte that is no UTF-8
ARG B=3
# stage described with þ in it
FROM alpine:3.19 AS stage
RUN echo $A $B
