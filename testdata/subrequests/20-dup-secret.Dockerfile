FROM alpine:3.19 AS one
RUN --mount=type=secret,id=shared ls
RUN --mount=type=secret,id=shared,required ls

FROM one AS two
RUN --mount=type=secret,id=shared,required ls
RUN --mount=type=secret,id=own ls
