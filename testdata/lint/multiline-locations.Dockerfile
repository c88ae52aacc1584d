FROM alpine:3.19 AS Multi
ENV A=1 \
    B=$UNDEF
EXPOSE 80/TCP \
  90
FROM alpine:3.19
COPY --from=Multi \
   /a /b
CMD echo \
  hi
