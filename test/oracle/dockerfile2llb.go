package main

// Subcommands that run upstream's Dockerfile frontend (builder.Build) against
// the fake gateway in gateway.go:
//
//	dockerfile2llb  convert: prints {def, image, baseImage, warnings, error, ...}
//	lint            the `--call check` subrequest: prints upstream's lint result JSON
//	outline         the `--call outline` subrequest: prints its result JSON
//	targets         the `--call targets` subrequest: prints its result JSON
//
// Shared flags:
//
//	-f FILE|-              the Dockerfile (default "Dockerfile"; "-" reads stdin)
//	--target NAME          frontend opt target
//	--build-arg K=V        frontend opt build-arg:K (repeatable)
//	--platform P[,P...]    frontend opt platform; without it the target platform
//	                       is implicit (the build platform, linux/amd64)
//	--opt K=V              any other frontend opt (repeatable), e.g. filename=...
//	--image-metadata FILE  image configs the resolver answers with (see gateway.go)
//	--dockerignore FILE    contents of the build context's .dockerignore
//	--session-id ID        session id the gateway reports (default "oracle-session")
//	--forward-syntax       honour a `# syntax=` line / BUILDKIT_SYNTAX (record the
//	                       forward instead of converting); by default the oracle
//	                       acts as the frontend such a line forwards to
//
// With ORACLE_TIMING set in the environment, dockerfile2llb also prints
// "oracle-timing: builder.Build N ns, maxrss K KiB" to stderr (the
// conversion's duration and the process's peak RSS so far).
//
// The build platform is always linux/amd64 (the single worker). Errors that
// upstream reports for the input are printed as data with exit status 0.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/moby/buildkit/exporter/containerimage/exptypes"
	"github.com/moby/buildkit/frontend/dockerfile/builder"
	"github.com/moby/buildkit/frontend/gateway/client"
	"github.com/moby/buildkit/solver/errdefs"
	"github.com/moby/buildkit/solver/pb"
	"google.golang.org/protobuf/proto"
)

type repeatedFlag []string

func (r *repeatedFlag) String() string     { return strings.Join(*r, ",") }
func (r *repeatedFlag) Set(v string) error { *r = append(*r, v); return nil }

type frontendFlags struct {
	file          string
	target        string
	buildArgs     repeatedFlag
	platform      string
	opts          repeatedFlag
	imageMetadata string
	dockerignore  string
	sessionID     string
	forwardSyntax bool
}

func parseFrontendFlags(name string, args []string) (*frontendFlags, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	f := &frontendFlags{}
	fs.StringVar(&f.file, "f", "Dockerfile", "Dockerfile path, or - for stdin")
	fs.StringVar(&f.target, "target", "", "target stage")
	fs.Var(&f.buildArgs, "build-arg", "build argument K=V (repeatable)")
	fs.StringVar(&f.platform, "platform", "", "target platform(s), comma separated")
	fs.Var(&f.opts, "opt", "frontend option K=V (repeatable)")
	fs.StringVar(&f.imageMetadata, "image-metadata", "", "JSON file of image metadata")
	fs.StringVar(&f.dockerignore, "dockerignore", "", "file with the context's .dockerignore")
	fs.StringVar(&f.sessionID, "session-id", "oracle-session", "session id reported by the gateway")
	fs.BoolVar(&f.forwardSyntax, "forward-syntax", false, "honour # syntax= (record the forward)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return f, nil
}

// newGateway turns the flags into a fake gateway holding the frontend opts.
func newGateway(f *frontendFlags, stdin io.Reader, requestID string) (*fakeGateway, error) {
	var dt []byte
	var err error
	if f.file == "-" {
		dt, err = io.ReadAll(stdin)
	} else {
		dt, err = os.ReadFile(f.file)
	}
	if err != nil {
		return nil, err
	}
	opts := map[string]string{}
	for _, kv := range f.opts {
		k, v, _ := strings.Cut(kv, "=")
		opts[k] = v
	}
	for _, kv := range f.buildArgs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("--build-arg %q: expected K=V", kv)
		}
		opts["build-arg:"+k] = v
	}
	if f.target != "" {
		opts["target"] = f.target
	}
	if f.platform != "" {
		opts["platform"] = f.platform
	}
	if requestID != "" {
		opts["requestid"] = requestID
	}
	if !f.forwardSyntax {
		// Present in the opts of a frontend that was forwarded to; it stops
		// builder.Build from forwarding again.
		if _, ok := opts["cmdline"]; !ok {
			opts["cmdline"] = ""
		}
	}
	filename := "Dockerfile"
	if v, ok := opts["filename"]; ok {
		filename = v
	}
	files := map[string][]byte{filename: dt}
	if f.dockerignore != "" {
		di, err := os.ReadFile(f.dockerignore)
		if err != nil {
			return nil, err
		}
		files[".dockerignore"] = di
	}
	images, err := loadImageMetadata(f.imageMetadata)
	if err != nil {
		return nil, err
	}
	return &fakeGateway{opts: opts, sessionID: f.sessionID, files: files, images: images}, nil
}

type jsonPosition struct {
	Line      int32 `json:"line"`
	Character int32 `json:"character"`
}

type jsonRange struct {
	Start jsonPosition `json:"start"`
	End   jsonPosition `json:"end"`
}

func toJSONRanges(rs []*pb.Range) []jsonRange {
	out := make([]jsonRange, 0, len(rs))
	for _, r := range rs {
		var jr jsonRange
		if r.Start != nil {
			jr.Start = jsonPosition{r.Start.Line, r.Start.Character}
		}
		if r.End != nil {
			jr.End = jsonPosition{r.End.Line, r.End.Character}
		}
		out = append(out, jr)
	}
	return out
}

type jsonWarning struct {
	// RuleName is the text before the first ": " of Message (the lint rule).
	RuleName string `json:"ruleName"`
	// Message is what the frontend passed to the gateway's Warn, e.g.
	// "StageNameCasing: Stage name 'Foo' should be lowercase (line 1)".
	Message string `json:"message"`
	// Description is Detail[0] (the rule's description).
	Description string      `json:"description"`
	Detail      []string    `json:"detail"`
	URL         string      `json:"url"`
	Level       int         `json:"level"`
	Ranges      []jsonRange `json:"ranges"`
	Filename    string      `json:"filename,omitempty"`
}

type jsonError struct {
	// Message is err.Error() of the error builder.Build returned (what the gateway sends).
	Message string `json:"message"`
	// Ranges is every range of every errdefs.Source the error carries, in order.
	Ranges []jsonRange `json:"ranges"`
	// Locations holds the same ranges grouped per errdefs.Source (innermost first).
	Locations [][]jsonRange `json:"locations"`
}

type jsonPlatformResult struct {
	ID        string          `json:"id"`
	Def       string          `json:"def"`
	Image     json.RawMessage `json:"image"`
	BaseImage json.RawMessage `json:"baseImage"`
	// ImageText is the image config's bytes as upstream wrote them (key order
	// included, which a decoded object loses).
	ImageText string `json:"imageText"`
}

type jsonConvertOutput struct {
	Def              string               `json:"def,omitempty"`
	Image            json.RawMessage      `json:"image,omitempty"`
	ImageText        string               `json:"imageText,omitempty"`
	BaseImage        json.RawMessage      `json:"baseImage,omitempty"`
	Platforms        []jsonPlatformResult `json:"platforms,omitempty"`
	Warnings         []jsonWarning        `json:"warnings"`
	Error            *jsonError           `json:"error,omitempty"`
	UnresolvedImages []string             `json:"unresolvedImages,omitempty"`
	Forwarded        []forwardRequest     `json:"forwarded,omitempty"`
}

func encodeDefinition(def *pb.Definition) (string, error) {
	if def == nil {
		return "", fmt.Errorf("oracle: the build result has no definition")
	}
	dt, err := proto.MarshalOptions{Deterministic: true}.Marshal(def)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(dt), nil
}

func refDefinition(r client.Reference) *pb.Definition {
	if fr, ok := r.(*fakeRef); ok {
		return fr.def
	}
	return nil
}

func rawOrNull(dt []byte) json.RawMessage {
	if len(dt) == 0 {
		return json.RawMessage("null")
	}
	return json.RawMessage(dt)
}

func toJSONError(err error) *jsonError {
	je := &jsonError{Message: err.Error(), Ranges: []jsonRange{}, Locations: [][]jsonRange{}}
	for _, s := range errdefs.Sources(err) {
		rs := toJSONRanges(s.Ranges)
		je.Ranges = append(je.Ranges, rs...)
		je.Locations = append(je.Locations, rs)
	}
	return je
}

func (g *fakeGateway) jsonWarnings() []jsonWarning {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]jsonWarning, 0, len(g.warnings))
	for _, w := range g.warnings {
		jw := jsonWarning{
			Message: w.Message,
			URL:     w.URL,
			Level:   w.Level,
			Ranges:  toJSONRanges(w.Ranges),
			Detail:  []string{},
		}
		if name, _, ok := strings.Cut(w.Message, ": "); ok {
			jw.RuleName = name
		}
		for _, d := range w.Detail {
			jw.Detail = append(jw.Detail, string(d))
		}
		if len(jw.Detail) > 0 {
			jw.Description = jw.Detail[0]
		}
		if w.Source != nil {
			jw.Filename = w.Source.Filename
		}
		out = append(out, jw)
	}
	return out
}

func cmdDockerfile2LLB(args []string, stdin io.Reader, stdout io.Writer) error {
	f, err := parseFrontendFlags("dockerfile2llb", args)
	if err != nil {
		return err
	}
	g, err := newGateway(f, stdin, "")
	if err != nil {
		return err
	}
	start := time.Now()
	res, buildErr := builder.Build(context.Background(), g)
	if os.Getenv("ORACLE_TIMING") != "" {
		// For bench/convert.ts: the conversion alone, measured inside Go.
		elapsed := time.Since(start)
		// VmHWM, not getrusage's maxrss: that one keeps the spawning process's peak across exec.
		hwm := "?"
		if st, err := os.ReadFile("/proc/self/status"); err == nil {
			for _, l := range strings.Split(string(st), "\n") {
				if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
					hwm = strings.TrimSuffix(strings.TrimSpace(v), " kB")
				}
			}
		}
		fmt.Fprintf(os.Stderr, "oracle-timing: builder.Build %d ns, maxrss %s KiB\n", elapsed.Nanoseconds(), hwm)
	}

	out := jsonConvertOutput{}
	if buildErr != nil {
		out.Error = toJSONError(buildErr)
	} else if len(g.forwarded) == 0 {
		if err := fillConvertResult(&out, res); err != nil {
			return err
		}
	}
	out.Warnings = g.jsonWarnings()
	out.UnresolvedImages = g.unresolved
	out.Forwarded = g.forwarded
	return json.NewEncoder(stdout).Encode(out)
}

func fillConvertResult(out *jsonConvertOutput, res *client.Result) error {
	if res == nil {
		return fmt.Errorf("oracle: the frontend returned no result")
	}
	if res.Ref != nil {
		def, err := encodeDefinition(refDefinition(res.Ref))
		if err != nil {
			return err
		}
		out.Def = def
		out.Image = rawOrNull(res.Metadata[exptypes.ExporterImageConfigKey])
		out.ImageText = string(res.Metadata[exptypes.ExporterImageConfigKey])
		out.BaseImage = rawOrNull(res.Metadata[exptypes.ExporterImageBaseConfigKey])
		return nil
	}
	// Multi-platform: one result per platform, in the order of refs.platforms.
	var ps exptypes.Platforms
	if err := json.Unmarshal(res.Metadata[exptypes.ExporterPlatformsKey], &ps); err != nil {
		return fmt.Errorf("oracle: reading %s: %w", exptypes.ExporterPlatformsKey, err)
	}
	for i, p := range ps.Platforms {
		def, err := encodeDefinition(refDefinition(res.Refs[p.ID]))
		if err != nil {
			return err
		}
		pr := jsonPlatformResult{
			ID:        p.ID,
			Def:       def,
			Image:     rawOrNull(res.Metadata[exptypes.ExporterImageConfigKey+"/"+p.ID]),
			BaseImage: rawOrNull(res.Metadata[exptypes.ExporterImageBaseConfigKey+"/"+p.ID]),
			ImageText: string(res.Metadata[exptypes.ExporterImageConfigKey+"/"+p.ID]),
		}
		out.Platforms = append(out.Platforms, pr)
		if i == 0 {
			out.Def, out.Image, out.BaseImage, out.ImageText = pr.Def, pr.Image, pr.BaseImage, pr.ImageText
		}
	}
	return nil
}

// runSubrequest runs builder.Build with requestid set and prints the
// subrequest's result.json as upstream produced it. If the frontend fails,
// prints {"error": {...}} instead.
func runSubrequest(name, requestID string, args []string, stdin io.Reader, stdout io.Writer) error {
	f, err := parseFrontendFlags(name, args)
	if err != nil {
		return err
	}
	g, err := newGateway(f, stdin, requestID)
	if err != nil {
		return err
	}
	res, buildErr := builder.Build(context.Background(), g)
	if buildErr != nil {
		return json.NewEncoder(stdout).Encode(struct {
			Error            *jsonError `json:"error"`
			UnresolvedImages []string   `json:"unresolvedImages,omitempty"`
		}{toJSONError(buildErr), g.unresolved})
	}
	if res == nil {
		return fmt.Errorf("oracle: the frontend returned no result for %s", requestID)
	}
	dt, ok := res.Metadata["result.json"]
	if !ok {
		return fmt.Errorf("oracle: the %s result has no result.json", requestID)
	}
	if _, err := stdout.Write(dt); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, "\n")
	return err
}

func cmdLint(args []string, stdin io.Reader, stdout io.Writer) error {
	return runSubrequest("lint", "frontend.lint", args, stdin, stdout)
}

func cmdOutline(args []string, stdin io.Reader, stdout io.Writer) error {
	return runSubrequest("outline", "frontend.outline", args, stdin, stdout)
}

func cmdTargets(args []string, stdin io.Reader, stdout io.Writer) error {
	return runSubrequest("targets", "frontend.targets", args, stdin, stdout)
}

// cmdSubrequest runs the subrequest named by --request (e.g.
// frontend.subrequests.describe) and prints {"metadata": {key: text}} with
// every metadata entry of the result (result.json, result.txt, version, ...),
// each as a string; or {"error": {...}} when the frontend fails. The
// remaining flags are the shared ones.
func cmdSubrequest(args []string, stdin io.Reader, stdout io.Writer) error {
	requestID := ""
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--request" || a == "-request" {
			if i+1 >= len(args) {
				return fmt.Errorf("--request needs a value")
			}
			requestID = args[i+1]
			i++
			continue
		}
		if v, ok := strings.CutPrefix(a, "--request="); ok {
			requestID = v
			continue
		}
		rest = append(rest, a)
	}
	if requestID == "" {
		return fmt.Errorf("--request is required")
	}
	f, err := parseFrontendFlags("subrequest", rest)
	if err != nil {
		return err
	}
	g, err := newGateway(f, stdin, requestID)
	if err != nil {
		return err
	}
	res, buildErr := builder.Build(context.Background(), g)
	if buildErr != nil {
		return json.NewEncoder(stdout).Encode(struct {
			Error            *jsonError `json:"error"`
			UnresolvedImages []string   `json:"unresolvedImages,omitempty"`
		}{toJSONError(buildErr), g.unresolved})
	}
	if res == nil {
		return fmt.Errorf("oracle: the frontend returned no result for %s", requestID)
	}
	md := map[string]string{}
	for k, v := range res.Metadata {
		md[k] = string(v)
	}
	return json.NewEncoder(stdout).Encode(struct {
		Metadata map[string]string `json:"metadata"`
	}{md})
}
