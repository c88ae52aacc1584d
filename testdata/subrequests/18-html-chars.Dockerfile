# web serves <html> & "quotes"
FROM alpine:3.19 AS web
# URL a <url> & more
ARG URL=http://example.com/?a=1&b=<2>
ARG QUOTED="with \"quotes\" inside"
ARG TABBED=a\tb
