FROM alpine:3.19 AS base
RUN --mount=type=secret,id=npmrc,required=true cat /run/secrets/npmrc
RUN --mount=type=secret,id=aws,target=/root/.aws/credentials ls
RUN --mount=type=secret,target=/etc/token ls
RUN --mount=type=secret,id=GITHUB_TOKEN,env=GITHUB_TOKEN echo ok
RUN --mount=type=secret,source=src_secret,target=/x ls
