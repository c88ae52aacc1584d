# --target is found with strings.EqualFold, and its suggestion compares strings.ToLower forms: U+0130 lower-cases to i there
# parity: --target İmg
FROM busybox AS img
RUN true

FROM busybox AS other
