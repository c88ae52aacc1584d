FROM alpine:3.19
RUN --mount=type=secret,id=npmrc cat /run/secrets/npmrc
RUN --mount=type=secret,id=tok,target=/etc/tok,required=true,mode=0440,uid=1 cat /etc/tok
RUN --mount=type=secret,id=API_KEY,env=API_KEY echo $API_KEY
