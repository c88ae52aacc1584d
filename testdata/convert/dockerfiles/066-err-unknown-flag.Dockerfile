FROM alpine:3.19
COPY --form=build /a /a
