# no stages here
ARG ONLY=1
