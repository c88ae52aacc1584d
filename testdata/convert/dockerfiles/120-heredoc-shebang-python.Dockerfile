FROM alpine:3.19
RUN <<EOT
#!/usr/bin/env python3
print("hi")
EOT
