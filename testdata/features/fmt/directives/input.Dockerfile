# syntax=docker/dockerfile:1   
# check=skip=JSONArgsRecommended


# escape=`
FROM alpine
cmd echo hi
