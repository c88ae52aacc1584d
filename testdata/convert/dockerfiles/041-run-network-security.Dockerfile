FROM alpine:3.19
RUN --network=none echo offline
RUN --network=host echo host
RUN --network=default echo default
RUN --security=insecure echo insecure
RUN --security=sandbox echo sandbox
