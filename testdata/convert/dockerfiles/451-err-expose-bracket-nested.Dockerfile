FROM alpine:3.19
# A second opening bracket inside the brackets.
EXPOSE [::[1]:8080:80
