# ADD of a URL whose last path element %-escapes a truncated UTF-8 sequence: the bytes stay, and the LLB cannot be marshalled
FROM busybox
ADD http://example.com/d/%e2%82 /x/
