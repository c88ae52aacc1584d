# HEALTHCHECK upper-cases its type with strings.ToUpper: Go keeps sharp s
FROM busybox
HEALTHCHECK ß
