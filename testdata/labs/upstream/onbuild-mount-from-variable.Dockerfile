FROM busybox AS b
# A base stage's ONBUILD trigger with a variable in a mount's from=: upstream refuses it as the trigger runs (labs too).
ONBUILD RUN --mount=from=$X,target=/a true
FROM b
