package main

import (
	"encoding/json"
	"io"
)

// cmdBytesMap reads JSON lines, each a string holding JSON text, and prints
// for each what json.Unmarshal makes of that text as a map[string][]byte
// (dockerui reads `input-metadata:NAME` so): {"error": ...}, or {"value": the
// map}, its []byte values base64 (null for nil), its keys sorted.
func cmdBytesMap(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(text string) any {
		m := map[string][]byte{}
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			return map[string]string{"error": err.Error()}
		}
		return map[string]any{"value": m}
	})
}
