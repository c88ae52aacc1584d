# check=experimental=all
# ÿ a description whose word is a byte that is no UTF-8
ARG ÿ
# Aÿ the same inside a key
ARG B Aÿ=1
FROM alpine:3.19
# Aâ‚ a truncated sequence
ARG Aâ‚=1
