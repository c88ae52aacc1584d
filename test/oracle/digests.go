package main

import (
	"io"
	"regexp"

	"github.com/distribution/reference"
	digest "github.com/opencontainers/go-digest"
)

var anchoredDigest = regexp.MustCompile(`^` + reference.DigestRegexp.String() + `$`)

// cmdDigests reads JSON lines, each a string, and prints for each what
// upstream's digest checks answer: the whole string has distribution's digest
// shape (reference parsing), the shape is somewhere in it (buildx's reading
// of an oci-layout context), and go-digest's Validate error ("" when valid).
func cmdDigests(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(s string) any {
		validate := ""
		if err := digest.Digest(s).Validate(); err != nil {
			validate = err.Error()
		}
		return map[string]any{
			"shape":    anchoredDigest.MatchString(s),
			"contains": reference.DigestRegexp.MatchString(s),
			"validate": validate,
		}
	})
}
