# A failing ARG default still reports its undefined variables first.
FROM alpine:3.19
ARG A=${UNDEF:?oops}
