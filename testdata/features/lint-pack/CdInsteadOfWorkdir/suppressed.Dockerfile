FROM alpine:3.19
# check=skip=CdInsteadOfWorkdir
RUN cd /src && make
