# escape=`
# parity: --platform windows/amd64
FROM scratch
WORKDIR app
COPY a.txt C:\a.txt
ENV PATH=C:\bin
RUN a
