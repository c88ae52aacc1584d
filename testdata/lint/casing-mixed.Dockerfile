FROM alpine:3.19
Run true
COPY . .
