FROM alpine:3.19 AS Builder
RUN echo hi > /x

FROM alpine:3.19
COPY --from=builder /x /x
