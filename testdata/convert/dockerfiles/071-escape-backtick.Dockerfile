# escape=`
FROM alpine:3.19
RUN echo one `
    two
COPY a.txt `
     /a.txt
