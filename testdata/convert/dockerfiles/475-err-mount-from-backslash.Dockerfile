FROM alpine:3.19 AS busybox
FROM alpine:3.19
# A backslash but no variable: the word is taken as written, which names no stage and no image (labs too).
RUN --mount=from=busy\\box,target=/x ls
