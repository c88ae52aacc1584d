FROM alpine:3.19
WORKDIR /work
COPY a.txt .
COPY b.txt sub/
COPY c.txt ./d.txt
