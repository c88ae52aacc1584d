# escape=`
from mcr.microsoft.com/windows/servercore
run   powershell -Command `
    # a comment`
    Write-Host hi
copy  C:\a  C:\b
