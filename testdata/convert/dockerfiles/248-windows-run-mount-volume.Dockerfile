# parity: --platform windows/amd64
FROM scratch
RUN dir
RUN --mount=type=cache,target=C:\cache dir C:\cache
RUN --mount=type=cache,target=cache2 echo rel
VOLUME C:\data /logs
SHELL ["powershell", "-Command"]
RUN Get-ChildItem
ENV TOOL_HOME=C:\tools
USER ContainerUser
CMD ["cmd", "/c", "echo", "hi"]
ENTRYPOINT echo start
