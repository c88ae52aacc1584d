MAINTAINER someone
from base as Lower
ENV A=1 \

  B=2
