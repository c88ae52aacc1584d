FROM alpine:3.19 AS golang
RUN touch /fake

FROM alpine:3.19
COPY --from=golang /fake /fake
