# Instruction keywords are lower-cased as Go does: WORKDİR (U+0130) is WORKDIR, whose casing checks use Go's ToLower and ToUpper
FROM busybox
WORKDİR /x
workdİr /y
RUN true
