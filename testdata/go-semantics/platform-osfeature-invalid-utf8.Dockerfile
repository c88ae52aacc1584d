# parity: --platform linux(+%ff)/amd64
# A percent-escaped OS feature that is no UTF-8 stays bytes in Go (url.PathUnescape), so the LLB cannot be marshalled
FROM busybox
RUN true
