# A failing --platform expansion: upstream names the (empty) result in its message.
ARG X
FROM --platform=${X:?oops} alpine:3.19
RUN true
