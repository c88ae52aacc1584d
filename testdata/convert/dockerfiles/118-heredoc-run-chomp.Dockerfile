FROM alpine:3.19
RUN <<-EOT
	echo tabbed
	EOT
