# syntax=docker/dockerfile:1

# build compiles the program
FROM golang:1.22 AS build
WORKDIR /src
RUN go build -o /out/app .

# release is the final, minimal image
FROM scratch AS release
COPY --from=build /out/app /app
