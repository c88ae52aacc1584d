package main

import (
	"io"

	"github.com/moby/buildkit/solver/pb"
	"github.com/moby/buildkit/util/apicaps"
	apicapspb "github.com/moby/buildkit/util/apicaps/pb"
)

// capErrorCase is one question of cap-error: a capability ID, the
// capabilities a daemon reported and the product name the frontend runs
// under (BUILDKIT_EXPORTEDPRODUCT).
type capErrorCase struct {
	ID       string              `json:"id"`
	Reported []*apicapspb.APICap `json:"reported"`
	Product  string              `json:"product"`
}

// cmdCapError answers each JSON line {id, reported, product} with what the
// Go gateway client's LLB capability check says of that ID (grpcclient keeps
// pb.Caps.CapSet(Ping's LLBCaps) and refuses a Definition needing a cap its
// Supports refuses): {"error": CapError's text} or {"error": null}. The
// line {"declared": true} asks instead for every ID solver/pb declares.
func cmdCapError(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(c struct {
		capErrorCase
		Declared bool `json:"declared"`
	}) any {
		if c.Declared {
			var ids []string
			for _, cp := range pb.Caps.All() {
				ids = append(ids, cp.ID)
			}
			return map[string]any{"declared": ids}
		}
		apicaps.ExportedProduct = c.Product
		set := pb.Caps.CapSet(c.Reported)
		if err := set.Supports(apicaps.CapID(c.ID)); err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"error": nil}
	})
}
