package main

import (
	"bufio"
	"encoding/json"
	"io"
)

// eachJSONLine reads stdin as JSON lines, each decoded into an In, and
// writes f's answer to each as one JSON line: the shape of the subcommands
// that answer many small questions in one process (go-sort, parse-ip).
func eachJSONLine[In any](stdin io.Reader, stdout io.Writer, f func(In) any) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	for sc.Scan() {
		var in In
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			return err
		}
		if err := enc.Encode(f(in)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return w.Flush()
}
