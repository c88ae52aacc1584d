package main

// The `batch` subcommand: runs many subcommand calls in one process, so a
// caller with thousands of inputs (the differential fuzzer) pays the process
// start once. Each stdin line is a JSON object
//
//	{"cmd": "dockerfile2llb", "args": ["-f", "-", ...], "stdin": "FROM scratch\n"}
//
// and gets exactly one stdout line: what the subcommand prints (its JSON
// line; a multi-line JSON result such as lint's result.json is compacted to
// one line), or {"oracleError": "..."} when the subcommand itself fails or
// panics. Output lines are in input order.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type batchRequest struct {
	Cmd   string   `json:"cmd"`
	Args  []string `json:"args"`
	Stdin string   `json:"stdin"`
}

func runBatchItem(req batchRequest) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	sc, ok := subcommands[req.Cmd]
	if !ok || req.Cmd == "batch" {
		return nil, fmt.Errorf("unknown subcommand %q", req.Cmd)
	}
	var buf bytes.Buffer
	if err := sc.run(req.Args, strings.NewReader(req.Stdin), &buf); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func cmdBatch(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("batch takes no flags (requests come on stdin)")
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1024*1024), 256*1024*1024)
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var req batchRequest
		out, err := []byte(nil), json.Unmarshal(line, &req)
		if err == nil {
			out, err = runBatchItem(req)
		}
		if err == nil && bytes.ContainsRune(out, '\n') {
			// An indented result.json (lint, outline, targets): compacted to one line.
			var c bytes.Buffer
			if err = json.Compact(&c, out); err == nil {
				out = c.Bytes()
			}
		}
		if err != nil {
			out, _ = json.Marshal(struct {
				OracleError string `json:"oracleError"`
			}{err.Error()})
		}
		if _, err := w.Write(append(out, '\n')); err != nil {
			return err
		}
	}
	return sc.Err()
}
