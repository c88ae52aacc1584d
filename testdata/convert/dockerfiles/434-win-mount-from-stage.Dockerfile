# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS tools
WORKDIR C:\tools
COPY a.txt .
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\build
RUN --mount=type=bind,from=tools,source=C:\tools,target=C:\t dir C:\t
RUN --mount=type=bind,from=tools,source=/tools,target=t dir t
RUN --mount=type=cache,target=C:\cache,sharing=locked,uid=1000 dir
COPY --from=tools C:\tools\a.txt C:\tools\..\b.txt .\
COPY --from=0 /tools/ C:\build\tools\.
