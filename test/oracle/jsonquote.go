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
