FROM alpine:3.19
COPY --link a.txt /a.txt
COPY --link --chmod=0644 b.txt /b.txt
RUN cat /a.txt
