FROM alpine:3.19 as build
from alpine:3.19 AS final
FROM  --platform=linux/amd64  alpine:3.19  as  other
