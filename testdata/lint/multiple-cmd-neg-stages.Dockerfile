FROM alpine:3.19 AS a
CMD ["a"]
FROM a
CMD ["b"]
