# groesse stage with ümlauts
FROM alpine:3.19 AS groesse
# NAME_UNICODE Ünïcödé description ✓
ARG NAME_UNICODE=värde
RUN --mount=type=secret,id=sécret ls
