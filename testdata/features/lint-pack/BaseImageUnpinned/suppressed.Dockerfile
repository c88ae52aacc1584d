# check=skip=BaseImageUnpinned
FROM ubuntu
