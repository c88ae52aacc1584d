// clientfloor is the least a Go BuildKit client process does: start, connect
// with BuildKit's Go client, call ListWorkers once, exit. bench/build.ts
// times it beside bench/floor/client-floor.cjs (the same for Node.js): the
// Go in-process build's time beyond this floor is the daemon's own work for
// such a build (and upstream's frontend, a few milliseconds), which any
// client must wait for.
//
//	clientfloor unix:///path/to/buildkitd.sock
package main

import (
	"fmt"
	"os"

	"github.com/moby/buildkit/client"
	"github.com/moby/buildkit/util/appcontext"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: clientfloor ADDRESS")
		os.Exit(2)
	}
	ctx := appcontext.Context()
	c, err := client.New(ctx, os.Args[1])
	if err == nil {
		defer c.Close()
		_, err = c.ListWorkers(ctx)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "clientfloor: %v\n", err)
		os.Exit(1)
	}
}
