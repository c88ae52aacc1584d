# check=experimental=all

# bad description
ARG A=1 B=2
FROM alpine:3.19
