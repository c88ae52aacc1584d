FROM alpine:3.19
RUN true
run false
COPY . .
