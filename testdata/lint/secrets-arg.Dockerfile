FROM alpine:3.19
ARG GITHUB_TOKEN
ARG api_key=x
