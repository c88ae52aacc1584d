# syntax=docker/dockerfile:1   
# check=skip=JSONArgsRecommended

# escape=`
FROM alpine
CMD echo hi
