# escape=`
FROM busybox:latest
WORKDIR C:\abs
FROM busybox:latest
WORKDIR \abs
