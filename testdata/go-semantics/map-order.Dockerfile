# image config maps are written in Go order: integer-like label keys, and U+FFFF before an emoji
FROM scratch
LABEL 10=a 9=b z=c ￿=d 😀=e
EXPOSE 9000 80
VOLUME /9 /10
