FROM golang:1.22
WORKDIR src
