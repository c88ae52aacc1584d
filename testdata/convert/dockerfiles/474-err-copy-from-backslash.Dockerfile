FROM alpine:3.19 AS busybox
FROM alpine:3.19
# A backslash but no variable: expanding the word changes it, so upstream refuses it (its labs build too).
COPY --from=busy\\box /x /x
