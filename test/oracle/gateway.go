package main

// A stand-in for the BuildKit gateway that upstream's Dockerfile frontend
// talks to. Running builder.Build (the real frontend entry point) against it
// exercises exactly the code path a daemon would, but offline:
//   - build options, session id, caps and workers are fixed and explicit;
//   - Solve requests for local sources are answered from in-memory files (the
//     Dockerfile and an optional .dockerignore);
//   - any other Solve request is the build itself: its Definition is recorded;
//   - image config lookups are answered from an image-metadata table;
//   - warnings are recorded.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/containerd/platforms"
	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/gateway/client"
	gwpb "github.com/moby/buildkit/frontend/gateway/pb"
	"github.com/moby/buildkit/solver/pb"
	"github.com/moby/buildkit/util/apicaps"
	digest "github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
	"github.com/pkg/errors"
	fstypes "github.com/tonistiigi/fsutil/types"
)

// oracleBuildPlatform is the platform of the only worker the fake gateway reports.
var oracleBuildPlatform = ocispecs.Platform{OS: "linux", Architecture: "amd64"}

// imageMetadataEntry is one value of the --image-metadata table.
type imageMetadataEntry struct {
	// Ref optionally replaces the ref the resolver answers with (default: the ref asked for).
	Ref    string          `json:"ref,omitempty"`
	Digest digest.Digest   `json:"digest"`
	Config json.RawMessage `json:"config"`
}

// loadImageMetadata reads the --image-metadata file: a JSON object whose keys
// are refs exactly as the resolver is asked for them (for example
// "docker.io/library/alpine:3.19"), optionally suffixed "@os/arch" or
// "@os/arch/variant" for a platform-specific entry.
//
// One process of `oracle batch` reads the same file for thousands of
// requests: the decoded table is kept per path and reused while the file's
// size and modification time stay the same (the gateway only reads it).
func loadImageMetadata(path string) (map[string]imageMetadataEntry, error) {
	out := map[string]imageMetadataEntry{}
	if path == "" {
		return out, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	metadataCache.Lock()
	defer metadataCache.Unlock()
	if c, ok := metadataCache.byPath[path]; ok && c.size == st.Size() && c.mtime.Equal(st.ModTime()) {
		return c.table, nil
	}
	dt, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(dt, &out); err != nil {
		return nil, errors.Wrapf(err, "parsing %s", path)
	}
	if int64(len(dt)) == st.Size() {
		metadataCache.byPath[path] = cachedMetadata{size: st.Size(), mtime: st.ModTime(), table: out}
	}
	return out, nil
}

type cachedMetadata struct {
	size  int64
	mtime time.Time
	table map[string]imageMetadataEntry
}

var metadataCache = struct {
	sync.Mutex
	byPath map[string]cachedMetadata
}{byPath: map[string]cachedMetadata{}}

// recordedWarning is one call of the gateway's Warn.
type recordedWarning struct {
	Level   int
	Message string
	Detail  [][]byte
	URL     string
	Ranges  []*pb.Range
	Source  *pb.SourceInfo
}

// forwardRequest is a Solve that asked for another frontend (a `# syntax` forward).
type forwardRequest struct {
	Frontend    string            `json:"frontend"`
	FrontendOpt map[string]string `json:"frontendOpt"`
}

type fakeGateway struct {
	opts      map[string]string
	sessionID string
	files     map[string][]byte // what local sources contain
	images    map[string]imageMetadataEntry

	mu         sync.Mutex
	warnings   []recordedWarning
	unresolved []string
	forwarded  []forwardRequest
}

var _ client.Client = &fakeGateway{}

// allCaps is every LLB and gateway capability, listed once per process (the
// lists are sorted on each call of All, and the frontend only reads them).
var allCaps = sync.OnceValue(func() struct{ llb, gateway apicaps.CapSet } {
	return struct{ llb, gateway apicaps.CapSet }{pb.Caps.CapSet(pb.Caps.All()), gwpb.Caps.CapSet(gwpb.Caps.All())}
})

func (g *fakeGateway) BuildOpts() client.BuildOpts {
	return client.BuildOpts{
		Opts:      g.opts,
		SessionID: g.sessionID,
		Workers: []client.WorkerInfo{{
			ID:        "oracle-worker",
			Platforms: []ocispecs.Platform{oracleBuildPlatform},
		}},
		Product: "buildkit-oracle",
		LLBCaps: allCaps().llb,
		Caps:    allCaps().gateway,
	}
}

func (g *fakeGateway) Solve(ctx context.Context, req client.SolveRequest) (*client.Result, error) {
	if req.Frontend != "" {
		g.mu.Lock()
		g.forwarded = append(g.forwarded, forwardRequest{Frontend: req.Frontend, FrontendOpt: req.FrontendOpt})
		g.mu.Unlock()
		res := client.NewResult()
		res.SetRef(&fakeRef{})
		return res, nil
	}
	if req.Definition == nil {
		return client.NewResult(), nil
	}
	if isSingleLocalSource(req.Definition) {
		res := client.NewResult()
		res.SetRef(&fakeRef{files: g.files})
		return res, nil
	}
	res := client.NewResult()
	res.SetRef(&fakeRef{def: req.Definition})
	return res, nil
}

// isSingleLocalSource reports whether a Definition is just one local:// source
// (how the frontend reads the Dockerfile and .dockerignore).
func isSingleLocalSource(def *pb.Definition) bool {
	if len(def.Def) != 2 {
		return false
	}
	var op pb.Op
	if err := op.UnmarshalVT(def.Def[0]); err != nil {
		return false
	}
	src := op.GetSource()
	return src != nil && strings.HasPrefix(src.Identifier, "local://")
}

func (g *fakeGateway) lookupImage(ref string, p *ocispecs.Platform) (imageMetadataEntry, error) {
	var tried []string
	if p != nil {
		k := ref + "@" + platforms.Format(platforms.Normalize(*p))
		if e, ok := g.images[k]; ok {
			return e, nil
		}
		tried = append(tried, k)
	}
	if e, ok := g.images[ref]; ok {
		return e, nil
	}
	tried = append(tried, ref)
	g.mu.Lock()
	g.unresolved = append(g.unresolved, tried[0])
	g.mu.Unlock()
	return imageMetadataEntry{}, errors.Errorf("oracle: no image metadata for %s (looked up %s)", ref, strings.Join(tried, ", "))
}

func (g *fakeGateway) ResolveImageConfig(ctx context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	var p *ocispecs.Platform
	if opt.ImageOpt != nil {
		p = opt.ImageOpt.Platform
	}
	e, err := g.lookupImage(ref, p)
	if err != nil {
		return "", "", nil, err
	}
	outRef := ref
	if e.Ref != "" {
		outRef = e.Ref
	}
	return outRef, e.Digest, []byte(e.Config), nil
}

func (g *fakeGateway) ResolveSourceMetadata(ctx context.Context, op *pb.SourceOp, opt sourceresolver.Opt) (*sourceresolver.MetaResponse, error) {
	if ref, ok := strings.CutPrefix(op.Identifier, "docker-image://"); ok {
		var p *ocispecs.Platform
		if opt.ImageOpt != nil {
			p = opt.ImageOpt.Platform
		}
		e, err := g.lookupImage(ref, p)
		if err != nil {
			return nil, err
		}
		return &sourceresolver.MetaResponse{
			Op:    op,
			Image: &sourceresolver.ResolveImageResponse{Digest: e.Digest, Config: []byte(e.Config)},
		}, nil
	}
	return nil, errors.Errorf("oracle: resolving source metadata for %s is not supported", op.Identifier)
}

func (g *fakeGateway) Inputs(ctx context.Context) (map[string]llb.State, error) {
	return map[string]llb.State{}, nil
}

func (g *fakeGateway) NewContainer(ctx context.Context, req client.NewContainerRequest) (client.Container, error) {
	return nil, errors.New("oracle: containers are not supported")
}

func (g *fakeGateway) Warn(ctx context.Context, dgst digest.Digest, msg string, opts client.WarnOpts) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.warnings = append(g.warnings, recordedWarning{
		Level:   opts.Level,
		Message: msg,
		Detail:  opts.Detail,
		URL:     opts.URL,
		Ranges:  opts.Range,
		Source:  opts.SourceInfo,
	})
	return nil
}

// fakeRef is a solved result: either a local source (files) or a build (def).
type fakeRef struct {
	files map[string][]byte
	def   *pb.Definition
}

var _ client.Reference = &fakeRef{}

func (r *fakeRef) ToState() (llb.State, error) {
	if r.def == nil {
		return llb.Scratch(), nil
	}
	op, err := llb.NewDefinitionOp(r.def)
	if err != nil {
		return llb.State{}, err
	}
	return llb.NewState(op), nil
}

func (r *fakeRef) Evaluate(ctx context.Context) error { return nil }

func (r *fakeRef) ReadFile(ctx context.Context, req client.ReadRequest) ([]byte, error) {
	if dt, ok := r.files[req.Filename]; ok {
		if req.Range != nil {
			end := min(req.Range.Offset+req.Range.Length, len(dt))
			start := min(req.Range.Offset, end)
			return dt[start:end], nil
		}
		return dt, nil
	}
	return nil, fmt.Errorf("open %s: no such file or directory", req.Filename)
}

func (r *fakeRef) StatFile(ctx context.Context, req client.StatRequest) (*fstypes.Stat, error) {
	if dt, ok := r.files[req.Path]; ok {
		return &fstypes.Stat{Path: req.Path, Mode: 0644, Size: int64(len(dt))}, nil
	}
	return nil, fmt.Errorf("stat %s: no such file or directory", req.Path)
}

func (r *fakeRef) ReadDir(ctx context.Context, req client.ReadDirRequest) ([]*fstypes.Stat, error) {
	return nil, nil
}
