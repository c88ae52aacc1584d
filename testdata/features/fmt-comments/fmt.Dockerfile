# comments are kept byte for byte (but trailing blanks)
FROM alpine
# above RUN
RUN apk add \
    # a comment between continuation lines: BuildKit drops it, so do other formatters
    curl \
  #no space after the hash
    git \

    jq
   # an indented comment: the parser keeps "# ..." as its text, so the indentation stays
ARG VERSION=1
#
# after an empty comment
ENV A=b
