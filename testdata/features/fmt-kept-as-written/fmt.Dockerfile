FROM alpine
RU\
N echo the keyword runs on into the next line
RUN\
  echo keyword alone then a continuation
foo unknown   instruction
