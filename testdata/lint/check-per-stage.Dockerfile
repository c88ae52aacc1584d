# check=skip=JSONArgsRecommended
FROM alpine:3.19 AS a
CMD echo a
# check=skip=UndefinedArgInFrom
FROM alpine:${NOPE:-3.19} AS b
ENV X=$Y
