FROM alpine
RUN <<EOF
  body with trailing blanks   
	and a tab

EOF
RUN <<-EOT bash
	chomped   
	EOT
COPY <<A <<B /dst/
first
A
second  
B
RUN cat <<X   >  /out
  kept   
X
