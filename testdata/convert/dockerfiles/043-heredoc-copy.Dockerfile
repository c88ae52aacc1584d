FROM alpine:3.19
ARG NAME=world
COPY <<EOF /hello.txt
hello ${NAME}
EOF
COPY <<"EOF" /raw.txt
raw ${NAME}
EOF
COPY <<-EOF /tabs.txt
	indented
	EOF
