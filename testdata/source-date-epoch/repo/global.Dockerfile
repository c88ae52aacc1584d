ARG SOURCE_DATE_EPOCH=context
FROM busybox
ARG SOURCE_DATE_EPOCH
WORKDIR /app
COPY . /src
RUN echo "epoch=$SOURCE_DATE_EPOCH" > /epoch.txt
