# a HEALTHCHECK duration beyond int64 is an error
FROM busybox
HEALTHCHECK --start-period=2562047h47m16.854775808s CMD true
