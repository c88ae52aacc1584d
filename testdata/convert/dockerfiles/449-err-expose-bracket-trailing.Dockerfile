FROM alpine:3.19
# A character after the bracket: net.SplitHostPort finds no port right after it.
EXPOSE [::1]x:8080:80
