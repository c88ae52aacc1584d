FROM alpine:3.19 AS build
from alpine:3.19 as final
FROM  --platform=linux/amd64  alpine:3.19  AS  other
