# "__proto__" keys without build options
FROM busybox AS proto
RUN echo hi > /hi

FROM scratch
ARG __proto__=d
LABEL __proto__=x
VOLUME __proto__ /constructor
COPY --from=proto /hi /
