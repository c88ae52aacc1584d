# add-hosts fields are lower-cased with strings.ToLower
# parity: --opt add-hosts=hostİ=10.0.0.1
FROM busybox
RUN true
