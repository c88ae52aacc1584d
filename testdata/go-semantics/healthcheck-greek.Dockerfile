# HEALTHCHECK type with alpha and ypogegrammeni (U+1FB3): one rune upper case in Go
FROM busybox
HEALTHCHECK ᾳ
