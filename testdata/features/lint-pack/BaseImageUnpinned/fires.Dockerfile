ARG BASE=ubuntu
FROM ${BASE}
FROM alpine:latest
FROM --platform=linux/amd64 docker.io/library/busybox AS tools
