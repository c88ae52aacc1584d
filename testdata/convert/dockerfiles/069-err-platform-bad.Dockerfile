FROM --platform=linux/amd64/v2/extra alpine:3.19
