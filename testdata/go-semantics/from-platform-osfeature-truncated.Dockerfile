# FROM --platform with a percent-escaped OS feature that is a truncated UTF-8 sequence: Go keeps the bytes and cannot marshal the LLB
FROM --platform=linux(+%e2%82)/amd64 busybox
RUN true
