FROM alpine:3.19
RUN <<EOF1 sh && <<EOF2 sh
echo one
EOF1
echo two
EOF2
