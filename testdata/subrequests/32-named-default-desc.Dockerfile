FROM alpine:3.19 AS dev

# prod the production target
FROM alpine:3.19 AS prod
