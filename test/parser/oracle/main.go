// Reads base64-encoded Dockerfiles, one per line, parses each with the
// upstream parser and prints one JSON object per input.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type hd struct {
	Name    string `json:"name"`
	Content string `json:"content"`
	Expand  bool   `json:"expand"`
	Chomp   bool   `json:"chomp"`
	FD      uint   `json:"fd"`
}

type node struct {
	Value    string   `json:"value"`
	Original string   `json:"original"`
	Flags    []string `json:"flags"`
	Args     []string `json:"args"`
	JSON     bool     `json:"json"`
	Heredocs []hd     `json:"heredocs"`
	Sub      *node    `json:"sub,omitempty"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Prev     []string `json:"prev"`
}

type warn struct {
	Short  string `json:"short"`
	Detail string `json:"detail"`
	URL    string `json:"url"`
	Line   int    `json:"line"`
}

type out struct {
	OK       bool    `json:"ok"`
	Dump     string  `json:"dump,omitempty"`
	Escape   string  `json:"escape,omitempty"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Children []node  `json:"children,omitempty"`
	Warnings []warn  `json:"warnings,omitempty"`
	Error    string  `json:"error,omitempty"`
	Locs     [][]int `json:"locs,omitempty"`
}

func conv(n *parser.Node) node {
	r := node{Value: n.Value, Original: n.Original, Flags: n.Flags, Start: n.StartLine, End: n.EndLine, Prev: n.PrevComment, JSON: n.Attributes["json"], Args: []string{}}
	if r.Flags == nil {
		r.Flags = []string{}
	}
	if r.Prev == nil {
		r.Prev = []string{}
	}
	for _, h := range n.Heredocs {
		r.Heredocs = append(r.Heredocs, hd{h.Name, h.Content, h.Expand, h.Chomp, h.FileDescriptor})
	}
	if r.Heredocs == nil {
		r.Heredocs = []hd{}
	}
	for x := n.Next; x != nil; x = x.Next {
		if len(x.Children) > 0 {
			s := conv(x.Children[0])
			r.Sub = &s
			continue
		}
		r.Args = append(r.Args, x.Value)
	}
	return r
}

// bench parses one file repeatedly and prints the median time in ms.
func bench(file string, n int) {
	src, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	for i := 0; i < 20; i++ { // warm-up
		if _, err := parser.Parse(bytes.NewReader(src)); err != nil {
			panic(err)
		}
	}
	times := make([]float64, n)
	for i := range times {
		t := time.Now()
		if _, err := parser.Parse(bytes.NewReader(src)); err != nil {
			panic(err)
		}
		times[i] = float64(time.Since(t).Microseconds()) / 1000
	}
	sort.Float64s(times)
	fmt.Printf("%.3f\n", times[n/2])
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "-bench" {
		n, _ := strconv.Atoi(os.Args[3])
		bench(os.Args[2], n)
		return
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	enc := json.NewEncoder(os.Stdout)
	for in.Scan() {
		src, err := base64.StdEncoding.DecodeString(in.Text())
		if err != nil {
			panic(err)
		}
		res, err := parser.Parse(bytes.NewReader(src))
		var o out
		if err != nil {
			o.Error = err.Error()
			var le *parser.LocationError
			if errors.As(err, &le) {
				for _, loc := range le.Locations {
					if len(loc) > 0 {
						o.Locs = append(o.Locs, []int{loc[0].Start.Line, loc[len(loc)-1].End.Line})
					}
				}
			}
		} else {
			o.OK = true
			o.Dump = res.AST.Dump()
			o.Escape = string(res.EscapeToken)
			o.Start, o.End = res.AST.StartLine, res.AST.EndLine
			for _, c := range res.AST.Children {
				o.Children = append(o.Children, conv(c))
			}
			for _, w := range res.Warnings {
				o.Warnings = append(o.Warnings, warn{w.Short, string(w.Detail[0]), w.URL, w.Location.Start.Line})
			}
		}
		if err := enc.Encode(o); err != nil {
			panic(err)
		}
	}
}
