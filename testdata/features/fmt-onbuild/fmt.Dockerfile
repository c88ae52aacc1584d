FROM alpine
ONBUILD run   echo   "the wrapped instruction is stored in the image as written"
ONBUILD copy  a  b
