# A base name whose expansion fails still reports the undeclared ARGs it looked up.
ARG VERSION=3.19
FROM alpine:${VERSON:?missing}
