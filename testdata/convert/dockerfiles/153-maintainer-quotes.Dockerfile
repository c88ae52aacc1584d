FROM scratch
MAINTAINER "Some One" <someone@example.com>
LABEL a="with \"escaped\" quotes" b='single'
