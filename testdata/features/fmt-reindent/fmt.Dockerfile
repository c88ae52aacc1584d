FROM alpine
RUN apk add \
    curl \
    git \
    jq && \
    echo "a quoted \
      value keeps its blanks" && \
echo no indent stays unindented
