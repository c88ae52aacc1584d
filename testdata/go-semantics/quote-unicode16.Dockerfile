# strconv.Quote escapes what Go's tables do not know as printable: U+1C89 (Unicode 16) in an invalid stage name
FROM busybox AS aᲉ
