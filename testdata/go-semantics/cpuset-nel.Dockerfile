# parity: --opt cpusetcpus=0,1
# cpuset elements are trimmed by strings.TrimSpace, which takes U+0085 (NEL) as space and JavaScript trim() does not
FROM busybox
RUN true
