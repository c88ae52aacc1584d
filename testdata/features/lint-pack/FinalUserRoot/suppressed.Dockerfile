FROM alpine:3.19
# check=skip=FinalUserRoot
USER 0:0
