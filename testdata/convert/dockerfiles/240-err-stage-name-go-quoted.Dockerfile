# The base name in "failed to parse stage name" is Go-quoted (%q): a backslash is doubled.
FROM alpine\\x
RUN true
