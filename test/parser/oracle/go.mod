module dockerfile-llb/parser-oracle

go 1.24

require github.com/moby/buildkit v0.32.2
