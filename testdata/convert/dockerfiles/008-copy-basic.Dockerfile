FROM alpine:3.19
COPY . /src
COPY package.json yarn.lock /app/
COPY *.txt /docs/
