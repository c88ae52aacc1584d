# the build arg httpſ_proxy is http_proxy to strings.EqualFold
# parity: --build-arg httpſ_proxy=http://proxy.example:3128
FROM busybox
RUN true
