package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/moby/patternmatcher"
)

type ignoreRequest struct {
	Patterns []string `json:"patterns"`
	Paths    []string `json:"paths"`
}

type ignoreAnswer struct {
	// Error is patternmatcher.New's error; then there are no matches.
	Error   string   `json:"error,omitempty"`
	Matches []bool   `json:"matches,omitempty"`
	Errors  []string `json:"errors,omitempty"`
}

// cmdIgnoreMatch answers JSON lines {patterns, paths} with what
// patternmatcher (.dockerignore matching) says: New's error, or for each
// path MatchesOrParentMatches' result and error.
func cmdIgnoreMatch(args []string, stdin io.Reader, stdout io.Writer) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	for sc.Scan() {
		var req ignoreRequest
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			return fmt.Errorf("oracle: ignore-match request: %w", err)
		}
		var ans ignoreAnswer
		pm, err := patternmatcher.New(req.Patterns)
		if err != nil {
			ans.Error = err.Error()
		} else {
			for _, p := range req.Paths {
				ok, err := pm.MatchesOrParentMatches(p)
				ans.Matches = append(ans.Matches, ok)
				msg := ""
				if err != nil {
					msg = err.Error()
				}
				ans.Errors = append(ans.Errors, msg)
			}
		}
		if err := enc.Encode(ans); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return w.Flush()
}
