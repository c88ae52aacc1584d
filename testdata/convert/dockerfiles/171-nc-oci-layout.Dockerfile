# parity: --opt context:base=oci-layout://mystore@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc --opt context:layout=oci-layout://localhost:5000/store@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
FROM base
RUN echo from layout
COPY --from=layout / /layout
