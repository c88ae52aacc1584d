package main

import (
	"encoding/base64"
	"io"
	_ "unsafe" // go:linkname

	_ "github.com/moby/buildkit/frontend/dockerui"
)

// dockeruiIsArchive is dockerui's own isArchive (unexported): whether the first
// bytes of an HTTP(S) build context are an archive (a compression magic, or
// a first header archive/tar's Reader.Next accepts).
//
//go:linkname dockeruiIsArchive github.com/moby/buildkit/frontend/dockerui.isArchive
func dockeruiIsArchive(header []byte) bool

// cmdIsArchive reads JSON lines, each the base64 of the bytes an HTTP context
// starts with (upstream reads at most 1024), and prints dockerui's answer.
func cmdIsArchive(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(s string) any {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return err.Error()
		}
		return dockeruiIsArchive(b)
	})
}
