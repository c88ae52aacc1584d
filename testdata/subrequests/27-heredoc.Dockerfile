FROM alpine:3.19
# HD heredoc arg
ARG HD=value
RUN --mount=type=secret,id=hdsecret <<EOT
echo $HD
EOT
COPY <<EOF2 /file
contents
EOF2
