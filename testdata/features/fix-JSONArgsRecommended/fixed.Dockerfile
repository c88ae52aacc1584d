FROM alpine:3.19
CMD ["nginx", "-g", "daemon-off"]
ENTRYPOINT /usr/local/bin/app --port=8080
CMD echo $HOME
CMD ["sh"]
CMD echo a && echo b
CMD   echo "quoted"
