# dep is copied from by the image trigger
FROM alpine:3.19 AS dep
# DEP_ARG for dep
ARG DEP_ARG=d

# app is on an image with ONBUILD triggers
FROM example.com/onbuild:1 AS app
# APP_ARG for app
ARG APP_ARG=a
RUN echo $IMG_ARG
