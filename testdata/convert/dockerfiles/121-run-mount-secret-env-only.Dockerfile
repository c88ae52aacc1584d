FROM alpine:3.19
ENV TOKEN=visible
RUN --mount=type=secret,id=t,env=TOKEN echo $TOKEN
