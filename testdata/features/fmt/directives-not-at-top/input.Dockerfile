

# check=skip=all
from alpine
