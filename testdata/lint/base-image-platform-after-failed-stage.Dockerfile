# A stage whose base image name is no valid reference does not stop the others
# from resolving and reporting their checks (upstream resolves them all, then fails).
FROM alpine:3.19 AS b
ONBUILD ENV A b
FROM Base
RUN true

FROM --platform=linux/arm64 alpine
RUN true
