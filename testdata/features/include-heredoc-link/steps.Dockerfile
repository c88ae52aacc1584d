RUN <<EOT
set -e
mkdir -p /app
echo ready > /app/state
EOT
COPY --link --chmod=755 <<EOT /app/run.sh
#!/bin/sh
cat /app/state
EOT
COPY --link app.txt /app/
