# RUN --mount keys and values are lower-cased with strings.ToLower: U+0130 is i
FROM busybox
RUN --mount=type=cache,target=/c,İd=shared-id true
RUN --mount=type=bİnd,target=/m,sharing=prİvate true
