# STOPSIGNAL numbers are strconv.Atoi ints: one beyond int64 is no number, and no signal name
FROM busybox
STOPSIGNAL 99999999999999999999
