# a Go map key "__proto__" is a key like any other (a JavaScript object would take it for its prototype)
# parity: --build-arg __proto__=b --build-arg constructor=c --opt label:__proto__=l
FROM busybox
ARG __proto__=d
ARG constructor
ENV __proto__=e
LABEL __proto__=x toString=y
VOLUME __proto__
EXPOSE 80
RUN echo $__proto__ $constructor
