# A stage name that is no valid reference fails the named-context lookup, even without contexts.
FROM alpine:3.19 AS a..b
RUN true
FROM a..b
