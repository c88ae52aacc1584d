FROM alpine:3.19
RUN <<EOF
echo $X
EOF
COPY <<EOF /f
$Y
EOF
