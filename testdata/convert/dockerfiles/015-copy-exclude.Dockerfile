FROM alpine:3.19
COPY --exclude=*.md --exclude=tmp/ . /app/
ADD --exclude=*.log logs /logs
