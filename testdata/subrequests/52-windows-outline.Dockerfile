# escape=`
# Windows build for the tool.
ARG WIN=windows/amd64
# Version of Go to use.
ARG GO_VERSION=1.22

# build compiles the binary.
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS build
# Output directory.
ARG OUT=C:\out
WORKDIR C:\src
COPY . .
RUN --mount=type=secret,id=token,target=C:\secrets\token `
    --mount=type=ssh,id=repo,target=C:\ssh\agent dir $env:OUT
RUN --mount=type=secret,id=npmrc,required=true,env=NPMRC dir

# release is the final image.
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS release
COPY --from=build C:\out\tool.exe C:\tools\
WORKDIR \tools
