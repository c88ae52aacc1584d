package main

import (
	"encoding/json"
	"io"
)

// cmdJSONQuote reads JSON lines, each a string, and prints for each the text
// json.Marshal gives it: how upstream's encoder quotes a string in every JSON
// it writes (image configs, dump-llb, subrequest answers).
func cmdJSONQuote(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(s string) any {
		b, err := json.Marshal(s)
		if err != nil {
			return err.Error()
		}
		return string(b)
	})
}

// cmdJSONIndent reads JSON lines, each a string holding JSON text, and prints
// for each json.MarshalIndent(map{"k": RawMessage(text)}, "", "  "): how
// buildx writes a raw exporter response value into a metadata file.
func cmdJSONIndent(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(s string) any {
		b, err := json.MarshalIndent(map[string]json.RawMessage{"k": json.RawMessage(s)}, "", "  ")
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	})
}
