# parity: --platform windows/amd64
FROM scratch
WORKDIR C:\app
COPY a.txt C:\Program Files\Go\
COPY b.txt rel\dir\
COPY c.txt .
COPY d.txt \abs\file.txt
COPY C:\src\e.txt sub\..\f\ /dst/
COPY --parents a/./b.txt /p/
COPY <<EOF C:\conf\x.ini
[x]
EOF
ADD https://example.com/tool.zip C:\tools\
