# escape=`
FROM busybox:latest
WORKDIR C:\go
COPY a.txt C:\Program` Files\Go
COPY a.txt D:\x
COPY D:\y .\
RUN --mount=type=cache,target=C:\cache ls
