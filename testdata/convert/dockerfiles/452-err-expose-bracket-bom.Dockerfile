FROM alpine:3.19
# A byte-order mark after the bracket (a fuzzer's find).
EXPOSE [::1.2.3.4]﻿:8081:81
