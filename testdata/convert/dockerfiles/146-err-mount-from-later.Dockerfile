FROM alpine:3.19 AS a
RUN --mount=from=b,target=/b ls

FROM alpine:3.19 AS b
FROM a
