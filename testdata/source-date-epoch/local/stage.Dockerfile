FROM scratch AS src
ARG URL
ADD ${URL} /

FROM busybox
ARG SOURCE_DATE_EPOCH
WORKDIR /app
COPY --from=src / /from-src
RUN echo "epoch=$SOURCE_DATE_EPOCH" > /epoch.txt
