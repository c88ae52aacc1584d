# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
WORKDIR C:\app
COPY <<EOT config.txt
hello
EOT
COPY <<a.cmd <<b.cmd C:\scripts\
echo a
a.cmd
echo b
b.cmd
RUN <<EOT
echo from heredoc
EOT
