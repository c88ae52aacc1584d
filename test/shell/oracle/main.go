// Shell oracle: runs BuildKit v0.32.2's own shell.Lex over JSON-lines cases
// on stdin and prints upstream's answers as JSON lines on stdout. Used only
// to regenerate test/shell/testdata/oracle-cases.jsonl; not part of CI.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"

	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

type input struct {
	Word              string   `json:"word"`
	Env               []string `json:"env"`
	Escape            string   `json:"escape"`
	Split             bool     `json:"split"`
	RawQuotes         bool     `json:"rawQuotes,omitempty"`
	RawEscapes        bool     `json:"rawEscapes,omitempty"`
	SkipUnsetEnv      bool     `json:"skipUnsetEnv,omitempty"`
	SkipProcessQuotes bool     `json:"skipProcessQuotes,omitempty"`
	EchoEnv           bool     `json:"echoEnv,omitempty"`
}

// output repeats the case, with its env only when asked (echoEnv).
type output struct {
	Env               []string `json:"env,omitempty"`
	Word              string   `json:"word"`
	Escape            string   `json:"escape"`
	Split             bool     `json:"split"`
	RawQuotes         bool     `json:"rawQuotes,omitempty"`
	RawEscapes        bool     `json:"rawEscapes,omitempty"`
	SkipUnsetEnv      bool     `json:"skipUnsetEnv,omitempty"`
	SkipProcessQuotes bool     `json:"skipProcessQuotes,omitempty"`
	Result            *string  `json:"result,omitempty"`
	Words             []string `json:"words,omitempty"`
	Matched           []string `json:"matched,omitempty"`
	Unmatched         []string `json:"unmatched,omitempty"`
	Error             *string  `json:"error,omitempty"`
}

func keys(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for in.Scan() {
		var c input
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			panic(err)
		}
		lex := shell.NewLex([]rune(c.Escape)[0])
		lex.RawQuotes = c.RawQuotes
		lex.RawEscapes = c.RawEscapes
		lex.SkipUnsetEnv = c.SkipUnsetEnv
		lex.SkipProcessQuotes = c.SkipProcessQuotes
		out := output{Word: c.Word, Escape: c.Escape, Split: c.Split, RawQuotes: c.RawQuotes,
			RawEscapes: c.RawEscapes, SkipUnsetEnv: c.SkipUnsetEnv, SkipProcessQuotes: c.SkipProcessQuotes}
		if c.EchoEnv {
			out.Env = c.Env
		}
		env := shell.EnvsFromSlice(c.Env)
		if c.Split {
			words, err := lex.ProcessWords(c.Word, env)
			if err != nil {
				msg := err.Error()
				out.Error = &msg
			} else {
				out.Words = append([]string{}, words...)
			}
		} else {
			res, err := lex.ProcessWordWithMatches(c.Word, env)
			if err != nil {
				msg := err.Error()
				out.Error = &msg
			} else {
				r := res.Result
				out.Result = &r
				out.Words = append([]string{}, res.Words...)
				out.Matched = keys(res.Matched)
				out.Unmatched = keys(res.Unmatched)
			}
		}
		if err := enc.Encode(out); err != nil {
			panic(err)
		}
	}
}
