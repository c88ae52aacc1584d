// floorfrontend is the least a Go gateway frontend can do: BuildKit's own
// gateway client connects over stdin/stdout and Pings (grpcclient), and the
// build function returns an empty result at once. bench/e2e.ts times cached
// builds through it (in a FROM scratch image, like upstream's frontend) to
// see how much of a build is the daemon's and the Go process's fixed cost.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/moby/buildkit/frontend/gateway/client"
	"github.com/moby/buildkit/frontend/gateway/grpcclient"
	"github.com/moby/buildkit/util/appcontext"
)

func main() {
	build := func(ctx context.Context, c client.Client) (*client.Result, error) {
		return client.NewResult(), nil
	}
	if err := grpcclient.RunFromEnvironment(appcontext.Context(), build); err != nil {
		fmt.Fprintf(os.Stderr, "floorfrontend: %v\n", err)
		os.Exit(1)
	}
}
