# parity: --opt cgroup-parent=/my/parent.slice
FROM alpine:3.19
RUN true
RUN --network=host echo x
