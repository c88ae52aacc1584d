FROM busybox
RUN --device=name=a.com/b=c,name=d.com/e=f true
