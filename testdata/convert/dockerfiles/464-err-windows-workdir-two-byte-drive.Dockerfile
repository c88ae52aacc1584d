# parity: --platform windows/amd64
FROM scratch
# A letter of two bytes before the colon: no bare drive for Go, which counts bytes.
WORKDIR é:
