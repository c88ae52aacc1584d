FROM alpine:3.19
RUN <<EOT
echo line one
echo line two
EOT
RUN <<EOT
#!/bin/sh
echo from script
EOT
RUN <<A cat && <<B cat
first
A
second
B
