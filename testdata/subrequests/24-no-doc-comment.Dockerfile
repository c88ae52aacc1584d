# this comment is not a doc comment for the stage
FROM alpine:3.19 AS nodoc
# not_the_arg comment that does not name the arg
ARG DOCLESS=1

# separated comment

ARG AFTER_BLANK=2
