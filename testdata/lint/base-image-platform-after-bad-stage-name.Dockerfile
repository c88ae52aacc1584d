# A stage whose name is no valid reference fails; the other stages are still
# resolved first and report their checks.
FROM alpine\\x
RUN true

FROM --platform=linux/386 debian:bookworm AS b
RUN true
