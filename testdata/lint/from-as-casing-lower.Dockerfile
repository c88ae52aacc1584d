from alpine:3.19 AS base
run true
