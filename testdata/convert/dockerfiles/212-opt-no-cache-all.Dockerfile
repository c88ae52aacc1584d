# parity: --opt no-cache=
FROM alpine:3.19 AS build
RUN echo a
FROM alpine:3.19
COPY --from=build /etc/passwd /p
RUN echo b
