FROM alpine:3.19
CMD ["nginx", "-g", "daemon-off"]
CMD exec nginx -g daemon-off
CMD echo $HOME
CMD ["sh"]
CMD echo a && echo b
CMD   echo "quoted"

FROM alpine:3.19 AS entry
ENTRYPOINT ["/usr/local/bin/app", "--port=8080"]
