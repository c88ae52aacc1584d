# int64 options beyond 2^53: ulimit, shm-size, memory
# parity: --opt ulimit=nofile=9007199254740993:9223372036854775807 --opt shm-size=9007199254740993 --opt memory=9007199254740993 --opt memory-swap=9007199254740995 --opt cpu-period=9007199254740993 --opt cpu-quota=9007199254740993
FROM busybox
RUN true
