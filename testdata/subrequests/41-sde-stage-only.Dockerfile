FROM alpine:3.19
# SOURCE_DATE_EPOCH only in the stage
ARG SOURCE_DATE_EPOCH
ARG DERIVED=x${SOURCE_DATE_EPOCH}y
RUN --mount=type=secret,id=s true
