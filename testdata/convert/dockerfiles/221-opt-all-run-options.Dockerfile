# parity: --opt ulimit=nofile=10 --opt cgroup-parent=cg --opt memory=1000000 --opt shm-size=1024 --opt add-hosts=h=1.1.1.1 --opt hostname=hh --opt force-network-mode=none
FROM alpine:3.19
RUN --mount=type=secret,id=s --mount=type=ssh true
