// inprocessbuild runs upstream's Dockerfile frontend (BuildKit v0.32.2's
// builder.Build) inside the client process, through BuildKit's Go client
// (client.Build: the gateway API over the client's own connection), which is
// what `dockerfile-llb build` does with ours. bench/build.ts times it beside
// ours: the same build with Go's client and upstream's frontend, neither of
// them Node.js.
//
//	inprocessbuild unix:///path/to/buildkitd.sock CONTEXT_DIR
//	inprocessbuild unix:///path/to/buildkitd.sock
//
// The Dockerfile is CONTEXT_DIR/Dockerfile; progress is read and dropped.
// Without a context directory it is the Go client floor: it connects, calls
// ListWorkers once and exits, the least a Go client process does; the build's
// time beyond it is the daemon's own work for the build (and upstream's
// frontend, a few milliseconds), which any client waits for.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/moby/buildkit/client"
	"github.com/moby/buildkit/frontend/dockerfile/builder"
	"github.com/moby/buildkit/util/appcontext"
	"github.com/tonistiigi/fsutil"
	"golang.org/x/sync/errgroup"
)

func main() {
	if len(os.Args) != 2 && len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: inprocessbuild ADDRESS [CONTEXT_DIR]")
		os.Exit(2)
	}
	run := floor
	if len(os.Args) == 3 {
		run = func(ctx context.Context, addr string) error { return build(ctx, addr, os.Args[2]) }
	}
	if err := run(appcontext.Context(), os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "inprocessbuild: %v\n", err)
		os.Exit(1)
	}
}

func floor(ctx context.Context, addr string) error {
	c, err := client.New(ctx, addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ListWorkers(ctx)
	return err
}

func build(ctx context.Context, addr, dir string) error {
	c, err := client.New(ctx, addr)
	if err != nil {
		return err
	}
	defer c.Close()
	fs, err := fsutil.NewFS(dir)
	if err != nil {
		return err
	}
	opt := client.SolveOpt{
		LocalMounts: map[string]fsutil.FS{"context": fs, "dockerfile": fs},
	}
	ch := make(chan *client.SolveStatus)
	eg, ctx := errgroup.WithContext(ctx)
	eg.Go(func() error {
		_, err := c.Build(ctx, opt, "", builder.Build, ch)
		return err
	})
	eg.Go(func() error {
		for range ch {
		}
		return nil
	})
	return eg.Wait()
}
