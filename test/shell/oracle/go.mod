module github.com/dockerfile-llb/shelloracle

go 1.26.3

require github.com/moby/buildkit v0.32.2

require github.com/pkg/errors v0.9.1 // indirect
