# parity: --opt ulimit=nofile=1024:2048,nproc=3,core=-1
FROM alpine:3.19 AS build
RUN echo build > /out
FROM alpine:3.19
COPY --from=build /out /out
RUN --network=none cat /out
