# escape=`
ARG WIN=windows/amd64
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022
COPY secret.txt C:\
COPY .\secret.txt C:\app\
COPY node_modules\pkg C:\pkg
COPY node_modules/pkg C:\pkg
ADD src/x.tmp C:\src\
