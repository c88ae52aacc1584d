# COPY --from with a dotted capital I (U+0130): Go lower-cases it to i
FROM busybox AS i0
RUN echo hi > /a

FROM busybox
COPY --from=İ0 /a /b
