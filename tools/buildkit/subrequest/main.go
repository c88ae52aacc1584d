// subrequest runs one frontend subrequest (the `requestid` frontend option)
// the way buildctl does, with each -frontend image in turn within one session
// (so the Dockerfile's local source, session id included, is the same for
// all), and prints one JSON line per frontend: the result's metadata, each
// value base64 (buildctl itself prints only result.txt), or the error and
// the Dockerfile locations it carries. `-frontend dockerfile.v0` asks the
// daemon's built-in frontend (which forwards to a # syntax= image). For
// the e2e tests in test/gateway/subrequests.test.ts. `-input-local NAME=LOCAL`
// passes the frontend an input NAME that is the local source LOCAL (as buildx
// passes a git context's state as the `dockerfile` input).
//
//	subrequest -addr ADDR -local context=DIR -local dockerfile=DIR -frontend IMAGE... -opt requestid=frontend.outline ...
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/moby/buildkit/client"
	"github.com/moby/buildkit/client/llb"
	gateway "github.com/moby/buildkit/frontend/gateway/client"
	"github.com/moby/buildkit/solver/errdefs"
	"github.com/moby/buildkit/solver/pb"
	"github.com/tonistiigi/fsutil"
)

type kvList map[string]string

func (l kvList) String() string { return fmt.Sprint(map[string]string(l)) }
func (l kvList) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("expected KEY=VALUE, got %q", v)
	}
	l[k] = val
	return nil
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type answer struct {
	Metadata map[string][]byte `json:"metadata,omitempty"`
	Error    string            `json:"error,omitempty"`
	// Sources are the error's errdefs.Source details (what a client shows as
	// a Dockerfile excerpt), innermost first.
	Sources []source `json:"sources,omitempty"`
}

type source struct {
	Filename string `json:"filename"`
	// Lines holds [start, end] of each range.
	Lines [][2]int32 `json:"lines"`
}

func sources(err error) []source {
	var out []source
	for _, s := range errdefs.Sources(err) {
		src := source{Filename: s.GetInfo().GetFilename(), Lines: [][2]int32{}}
		for _, r := range s.GetRanges() {
			src.Lines = append(src.Lines, [2]int32{r.GetStart().GetLine(), r.GetEnd().GetLine()})
		}
		out = append(out, src)
	}
	return out
}

func main() {
	addr := flag.String("addr", os.Getenv("BUILDKIT_HOST"), "buildkitd address")
	opts := kvList{}
	locals := kvList{}
	flag.Var(opts, "opt", "frontend option KEY=VALUE (repeatable)")
	flag.Var(locals, "local", "local directory NAME=DIR (repeatable)")
	inputLocals := kvList{}
	flag.Var(inputLocals, "input-local", "frontend input NAME=LOCAL: the local source LOCAL (repeatable)")
	var frontends listFlag
	flag.Var(&frontends, "frontend", "frontend image (repeatable)")
	flag.Parse()
	if err := run(*addr, frontends, opts, locals, inputLocals); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}

func run(addr string, frontends []string, opts, locals, inputLocals kvList) error {
	ctx := context.Background()
	c, err := client.New(ctx, addr)
	if err != nil {
		return err
	}
	defer c.Close()
	mounts := map[string]fsutil.FS{}
	for name, dir := range locals {
		fs, err := fsutil.NewFS(dir)
		if err != nil {
			return err
		}
		mounts[name] = fs
	}
	if _, ok := opts["frontend.caps"]; !ok {
		opts["frontend.caps"] = "moby.buildkit.frontend.subrequests"
	}
	answers := make([]answer, len(frontends))
	_, err = c.Build(ctx, client.SolveOpt{LocalMounts: mounts}, "subrequest", func(ctx context.Context, gc gateway.Client) (*gateway.Result, error) {
		var inputs map[string]*pb.Definition
		for name, local := range inputLocals {
			def, err := llb.Local(local, llb.SessionID(gc.BuildOpts().SessionID), llb.SharedKeyHint(local)).Marshal(ctx)
			if err != nil {
				return nil, err
			}
			if inputs == nil {
				inputs = map[string]*pb.Definition{}
			}
			inputs[name] = def.ToPB()
		}
		for i, f := range frontends {
			o := map[string]string{}
			for k, v := range opts {
				o[k] = v
			}
			req := gateway.SolveRequest{Frontend: "gateway.v0", FrontendOpt: o, FrontendInputs: inputs}
			if f == "dockerfile.v0" {
				// The daemon's built-in frontend (which forwards to a # syntax= image).
				req.Frontend = f
			} else {
				o["source"] = f
			}
			res, err := gc.Solve(ctx, req)
			if err != nil {
				answers[i].Error = err.Error()
				answers[i].Sources = sources(err)
				continue
			}
			answers[i].Metadata = res.Metadata
		}
		return gateway.NewResult(), nil
	}, nil)
	if err != nil {
		return err
	}
	var out []byte
	for _, a := range answers {
		dt, err := json.Marshal(a)
		if err != nil {
			return err
		}
		out = append(append(out, dt...), '\n')
	}
	_, err = os.Stdout.Write(out)
	return err
}
