# spread is declared over lines
FROM \
  alpine:3.19 \
  AS spread
RUN --mount=type=secret,id=x \
    ls
