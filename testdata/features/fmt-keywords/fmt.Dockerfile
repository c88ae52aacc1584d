FROM alpine:3.19 AS build
RUN echo hello
WORKDIR /app
COPY . .
FROM build AS final
CMD echo done
