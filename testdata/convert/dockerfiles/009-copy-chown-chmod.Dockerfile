FROM alpine:3.19
COPY --chown=1000:1000 a.txt /a.txt
COPY --chown=app:app --chmod=0755 run.sh /usr/local/bin/run.sh
COPY --chmod=u+x,g-w tool /bin/tool
