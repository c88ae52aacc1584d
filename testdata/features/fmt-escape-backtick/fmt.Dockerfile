# escape=`
FROM mcr.microsoft.com/windows/servercore
RUN powershell -Command `
    # a comment`
    Write-Host hi
COPY C:\a C:\b
