# syntax=docker/dockerfile:1
# check=skip=all
FROM alpine:3.19 AS Bad
