# FROM ... AS compares "as" with strings.EqualFold: a long s (U+017F) is an s
FROM busybox aſ s0
RUN echo hi > /a

FROM busybox
COPY --from=s0 /a /b
