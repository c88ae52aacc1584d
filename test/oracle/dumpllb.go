package main

// dump-llb: the same output as `buildctl debug dump-llb` in v0.32.2 (JSON
// mode): one JSON object per op, in Definition order, each holding the
// decoded op, its digest and its metadata.

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/solver/pb"
	digest "github.com/opencontainers/go-digest"
)

// dumpedOp has the field names and order buildctl prints.
type dumpedOp struct {
	Op         *pb.Op
	Digest     digest.Digest
	OpMetadata *pb.OpMetadata
}

func cmdDumpLLB(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("dump-llb reads the Definition from stdin and takes no arguments")
	}
	def, err := llb.ReadFrom(stdin)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	for _, dt := range def.Def {
		op := &pb.Op{}
		if err := op.UnmarshalVT(dt); err != nil {
			return fmt.Errorf("failed to parse op: %w", err)
		}
		dgst := digest.FromBytes(dt)
		md := def.Metadata[dgst]
		if err := enc.Encode(dumpedOp{Op: op, Digest: dgst, OpMetadata: md.ToPB()}); err != nil {
			return err
		}
	}
	return nil
}
