# ADD of a URL whose path %-escapes a byte that is no UTF-8: Go keeps it in the file name, which the LLB marshal then refuses
FROM busybox
ADD http://example.com/a%ff /x/
