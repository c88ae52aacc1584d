FROM alpine:3.19
RUNN echo typo
