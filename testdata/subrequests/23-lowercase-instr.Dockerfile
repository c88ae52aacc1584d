# mixed case keywords
from alpine:3.19 as Mixed
# lower an arg
arg lower=1
run --mount=type=secret,id=lowsecret ls
