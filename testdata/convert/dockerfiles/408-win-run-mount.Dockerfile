# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\build
RUN --mount=type=cache,target=C:\cache dir
RUN --mount=type=cache,target=cache\go dir
RUN --mount=type=cache,target=/abs/cache,id=shared dir
RUN --mount=type=bind,source=src,target=/src dir
RUN --mount=type=bind,source=src\sub,target=C:\src dir
RUN --mount=type=tmpfs,target=tmp dir
RUN --mount=type=secret,id=tok,target=C:\secrets\tok dir
RUN --mount=type=secret,id=tok2,env=TOK dir
