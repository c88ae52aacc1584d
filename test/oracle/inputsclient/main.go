// Command inputsclient passes a gateway input to a Dockerfile frontend image,
// as upstream's testNamedInputContext (frontend/dockerfile/
// dockerfile_namedcontext_test.go) does: a build client whose build function
// first builds DIR/Dockerfile through the frontend, then solves the frontend
// again with DIR2/Dockerfile (dockerfilekey dockerfile2), the first result as
// FrontendInputs["base"], `context:base=input:base` and, unless MODE is
// "no-metadata", `input-metadata:base` holding the first build's image config.
// MODE "missing" names an input that is not there; "raw:TEXT" passes TEXT as
// `input-metadata:base`, as it is. The result is pushed as REF.
//
// Usage: inputsclient ADDR FRONTEND DIR DIR2 REF MODE
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/moby/buildkit/client"
	"github.com/moby/buildkit/frontend/dockerui"
	gateway "github.com/moby/buildkit/frontend/gateway/client"
	"github.com/moby/buildkit/solver/pb"
	"github.com/pkg/errors"
	"github.com/tonistiigi/fsutil"
)

func main() {
	if len(os.Args) != 7 {
		fmt.Fprintln(os.Stderr, "usage: inputsclient ADDR FRONTEND DIR DIR2 REF MODE")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3], os.Args[4], os.Args[5], os.Args[6]); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}

func run(addr, frontend, dir, dir2, ref, mode string) error {
	ctx := context.Background()
	c, err := client.New(ctx, addr)
	if err != nil {
		return err
	}
	defer c.Close()
	fs, err := fsutil.NewFS(dir)
	if err != nil {
		return err
	}
	fs2, err := fsutil.NewFS(dir2)
	if err != nil {
		return err
	}
	solve := func(ctx context.Context, gc gateway.Client, opts map[string]string, inputs map[string]*pb.Definition) (*gateway.Result, error) {
		fo := map[string]string{"source": frontend}
		for k, v := range opts {
			fo[k] = v
		}
		return gc.Solve(ctx, gateway.SolveRequest{Frontend: "gateway.v0", FrontendOpt: fo, FrontendInputs: inputs})
	}
	b := func(ctx context.Context, gc gateway.Client) (*gateway.Result, error) {
		res, err := solve(ctx, gc, nil, nil)
		if err != nil {
			return nil, err
		}
		r, err := res.SingleRef()
		if err != nil {
			return nil, err
		}
		st, err := r.ToState()
		if err != nil {
			return nil, err
		}
		def, err := st.Marshal(ctx)
		if err != nil {
			return nil, err
		}
		dt, ok := res.Metadata["containerimage.config"]
		if !ok {
			return nil, errors.Errorf("no containerimage.config in metadata")
		}
		md, err := json.Marshal(map[string][]byte{"containerimage.config": dt})
		if err != nil {
			return nil, err
		}
		opts := map[string]string{
			"dockerfilekey": dockerui.DefaultLocalNameDockerfile + "2",
			"context:base":  "input:base",
		}
		switch {
		case mode == "metadata":
			opts["input-metadata:base"] = string(md)
		case mode == "no-metadata":
		case mode == "missing":
			opts["context:base"] = "input:other"
		case strings.HasPrefix(mode, "raw:"):
			opts["input-metadata:base"] = strings.TrimPrefix(mode, "raw:")
		default:
			return nil, errors.Errorf("unknown mode %q", mode)
		}
		return solve(ctx, gc, opts, map[string]*pb.Definition{"base": def.ToPB()})
	}
	_, err = c.Build(ctx, client.SolveOpt{
		LocalMounts: map[string]fsutil.FS{
			dockerui.DefaultLocalNameContext:          fs,
			dockerui.DefaultLocalNameDockerfile:       fs,
			dockerui.DefaultLocalNameDockerfile + "2": fs2,
		},
		Exports: []client.ExportEntry{{Type: client.ExporterImage, Attrs: map[string]string{"name": ref, "push": "true"}}},
	}, "", b, nil)
	return err
}
