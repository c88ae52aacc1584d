FROM alpine:3.19 AS a
RUN touch /a

FROM a AS b
RUN touch /b

FROM b
RUN ls /
