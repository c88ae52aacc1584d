# escape=`
# Copyright the authors.
# (nothing to build here yet)

