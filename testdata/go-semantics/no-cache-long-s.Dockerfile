# no-cache filter names compared with strings.EqualFold
# parity: --opt no-cache=ſ0
FROM busybox AS s0
RUN echo a

FROM busybox
COPY --from=s0 /etc/hostname /h
RUN echo b
