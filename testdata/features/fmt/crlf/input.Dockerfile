from alpine
run echo a \
    b   


cmd [ "sh" ]
