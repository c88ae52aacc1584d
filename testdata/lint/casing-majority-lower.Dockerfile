from alpine:3.19
run true
RUN false
copy . .
