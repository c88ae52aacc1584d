# strconv.Quote escapes what Go's tables do not know as printable: U+10D40 (Unicode 16) in a bad --chmod
FROM busybox
COPY --chmod=7𐵀 a /
