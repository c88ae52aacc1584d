# alpha first
FROM alpine:3.19 AS alpha

# beta second
FROM alpha AS beta

FROM beta

# gamma last and default
FROM scratch AS gamma
