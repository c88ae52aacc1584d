FROM alpine:3.19
# A git URL with no host and no path: url.String() writes git:, which llb.Git reads as a host.
ADD git:// /x
