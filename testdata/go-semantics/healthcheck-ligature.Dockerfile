# HEALTHCHECK type with a ligature (U+FB01): Go keeps it
FROM busybox
HEALTHCHECK ﬁ true
