# COPY --from with the Kelvin sign (U+212A), whose lower case is k
FROM busybox AS k0
RUN echo hi > /a

FROM busybox
COPY --from=K0 /a /b
