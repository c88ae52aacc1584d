# A failing ENV expansion: the error, and (in a build) the UndefinedVar warning before it.
FROM alpine:3.19
ENV X=${TARGETPLATFORM:?} Y=${NOPE:-d}
