# escape=`
ARG WIN=windows/amd64
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS a
WORKDIR C:relative\dir
WORKDIR sub
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS b
WORKDIR C:\abs
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS c
WORKDIR \abs\dir
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS d
WORKDIR c:/abs/dir
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS e
WORKDIR .\rel
FROM --platform=$WIN golang:1.22-windowsservercore-ltsc2022 AS f
WORKDIR src
FROM --platform=$WIN scratch AS g
WORKDIR \
WORKDIR rel
