# ARG and ENV keys checked for secrets as (?i) folds: long s, Kelvin sign
FROM busybox
ARG ſecret=1
ARG my_Key=2
ENV AUTH_x=1
ENV pub_Key_public=1 ſome_paſſword=1
RUN true
