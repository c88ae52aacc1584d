# syntax=docker/dockerfile:1-labs
ARG GPU=nvidia.com/gpu=all
FROM busybox
# GPU the device class to ask for
ARG GPU
RUN --device=name=vendor1.com/device=foo --device=required=false,vendor.com/x=y true
RUN --device=$GPU,required=true --mount=type=secret,id=tok nvidia-smi
RUN --device "vendor.com/class=one" --device=vendor.com/class=two,required=0 echo two
