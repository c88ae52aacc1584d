// Command upstream-gen writes the expected values for the reference and
// platform tests by running the upstream Go packages (the versions BuildKit
// v0.32.2 requires) over every string literal in their own test files, plus
// a few extra inputs. The TypeScript tests then compare against these files,
// so no expected value in them is invented by hand. See run.sh.
package main

import (
	// BuildKit links these, so go-digest treats sha256/384/512 as available.
	_ "crypto/sha256"
	_ "crypto/sha512"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/containerd/platforms"
	"github.com/distribution/reference"
	specs "github.com/opencontainers/image-spec/specs-go/v1"
)

// literals returns every distinct string literal in the given Go files.
func literals(files ...string) []string {
	seen := map[string]bool{}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		tree, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			panic(err)
		}
		ast.Inspect(tree, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || seen[s] {
				return true
			}
			seen[s] = true
			out = append(out, s)
			return true
		})
	}
	return out
}

type named struct {
	String         string `json:"string"`
	Name           string `json:"name"`
	Domain         string `json:"domain"`
	Path           string `json:"path"`
	Tag            string `json:"tag,omitempty"`
	Digest         string `json:"digest,omitempty"`
	FamiliarName   string `json:"familiarName"`
	FamiliarString string `json:"familiarString"`
	TagNameOnly    string `json:"tagNameOnly"`
}

type outcome struct {
	Err   string `json:"err,omitempty"`
	Value any    `json:"value,omitempty"`
}

type refCase struct {
	Input            string  `json:"input"`
	Parse            outcome `json:"parse"`
	ParseNormalized  outcome `json:"parseNormalizedNamed"`
	ParseDockerRef   outcome `json:"parseDockerRef"`
	ParseAnyRef      outcome `json:"parseAnyReference"`
}

func describe(r reference.Reference) any {
	n, ok := r.(reference.Named)
	if !ok {
		return map[string]string{"string": r.String()}
	}
	v := named{
		String:         n.String(),
		Name:           n.Name(),
		Domain:         reference.Domain(n),
		Path:           reference.Path(n),
		FamiliarName:   reference.FamiliarName(n),
		FamiliarString: reference.FamiliarString(n),
		TagNameOnly:    reference.TagNameOnly(n).String(),
	}
	if t, ok := n.(reference.Tagged); ok {
		v.Tag = t.Tag()
	}
	if d, ok := n.(reference.Digested); ok {
		v.Digest = d.Digest().String()
	}
	return v
}

func run[T reference.Reference](r T, err error) outcome {
	if err != nil {
		return outcome{Err: err.Error()}
	}
	return outcome{Value: describe(r)}
}

type platCase struct {
	Input     string          `json:"input"`
	Err       string          `json:"err,omitempty"`
	Parsed    *specs.Platform `json:"parsed,omitempty"`
	Format    string          `json:"format,omitempty"`
	FormatAll string          `json:"formatAll,omitempty"`
	Normal    *specs.Platform `json:"normalized,omitempty"`
}

type matchCase struct {
	Want specs.Platform `json:"want"`
	// Matches[i] is whether Only(Want) matches Candidates[i].
	Matches string `json:"matches"`
	// Order is the matching candidates sorted stably by Only(Want).Less, as
	// containerd's LimitManifests orders an index; the first one wins.
	Order []int `json:"order"`
}

func writeJSON(path string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		panic(err)
	}
}

func main() {
	refDir, platDir, out := os.Args[1], os.Args[2], os.Args[3]

	refInputs := literals(
		filepath.Join(refDir, "reference_test.go"),
		filepath.Join(refDir, "normalize_test.go"),
		filepath.Join(refDir, "regexp_test.go"),
	)
	refInputs = append(refInputs,
		"alpine", "alpine:3.19", "busybox@sha256:"+sha64('a'), "busybox:1.36@sha256:"+sha64('b'),
		"ghcr.io/Owner/img", "LOCALHOST:5000/x", "localhost/foo:bar", "index.docker.io/library/alpine",
		"docker.io/alpine:latest", "foo/bar/baz:t", "sha256:"+sha64('c'), "x@sha512:"+sha64('d'),
		"x@sha256:"+sha64('e')[:40], "x@md5:0123456789abcdef0123456789abcdef", "x@sha256:"+sha64('F'),
		"Alpine", "alpine:Latest", "alpine:-bad", "[::1]:5000/img:tag", "a..b", "a__b", "a___b", "a---b",
	)
	var refs []refCase
	for _, s := range refInputs {
		c := refCase{Input: s}
		c.Parse = run(reference.Parse(s))
		c.ParseNormalized = run(reference.ParseNormalizedNamed(s))
		c.ParseDockerRef = run(reference.ParseDockerRef(s))
		c.ParseAnyRef = run(reference.ParseAnyReference(s))
		refs = append(refs, c)
	}
	writeJSON(filepath.Join(out, "reference-vectors.json"), refs)

	platInputs := literals(
		filepath.Join(platDir, "platforms_test.go"),
		filepath.Join(platDir, "compare_test.go"),
		filepath.Join(platDir, "platform_windows_compat_test.go"),
	)
	platInputs = append(platInputs,
		"amd64", "aarch64", "armhf", "armel", "x86_64", "x86-64", "i386", "arm", "arm64",
		"linux/arm64/v8", "linux/arm64/8", "linux/arm64/v9.0", "linux/arm/7", "linux/arm/5", "linux/amd64/v1",
		"Linux/AMD64", "macos/arm64", "windows(10.0.17763)/amd64", "windows(10.0.17763+win32k)/amd64",
		"linux(+foo+bar)/amd64", "linux(%2F)/amd64", "linux(%zz)/amd64", "linux(++)/amd64",
		"linux/amd64/v2/extra", "linux//amd64", "", "linux/ amd64", "foobar", "plan9", "linux/*",
		"linux/ppc64le", "linux/s390x", "linux/riscv64", "linux/386", "windows/amd64", "darwin/arm64",
	)
	platsSeen := map[string]bool{}
	var candidates []specs.Platform
	addCand := func(p specs.Platform) {
		b, _ := json.Marshal(p)
		if !platsSeen[string(b)] {
			platsSeen[string(b)] = true
			candidates = append(candidates, p)
		}
	}
	var plats []platCase
	for _, s := range platInputs {
		c := platCase{Input: s}
		p, err := platforms.Parse(s)
		if err != nil {
			c.Err = err.Error()
		} else {
			n := platforms.Normalize(p)
			c.Parsed, c.Normal = &p, &n
			c.Format, c.FormatAll = platforms.Format(p), platforms.FormatAll(p)
			addCand(p)
			addCand(n)
		}
		plats = append(plats, c)
	}
	// Raw index entries as registries publish them (not normalized).
	for _, p := range []specs.Platform{
		{OS: "linux", Architecture: "arm64", Variant: "v8"}, {OS: "linux", Architecture: "arm"},
		{OS: "linux", Architecture: "aarch64"}, {OS: "linux", Architecture: "x86_64"},
		{OS: "linux", Architecture: "amd64", Variant: "v3"}, {OS: "linux", Architecture: "arm", Variant: "v6"},
		{OS: "unknown", Architecture: "unknown"},
	} {
		addCand(p)
	}
	var matches []matchCase
	for _, want := range candidates {
		m := platforms.Only(want)
		mc := matchCase{Want: want}
		bits := make([]byte, len(candidates))
		for i, c := range candidates {
			bits[i] = '0'
			if m.Match(c) {
				bits[i] = '1'
				mc.Order = append(mc.Order, i)
			}
		}
		sort.SliceStable(mc.Order, func(a, b int) bool {
			return m.Less(candidates[mc.Order[a]], candidates[mc.Order[b]])
		})
		mc.Matches = string(bits)
		matches = append(matches, mc)
	}
	writeJSON(filepath.Join(out, "platform-vectors.json"), map[string]any{
		"defaultPlatform": platforms.DefaultSpec(),
		"parse":           plats,
		"candidates":      candidates,
		"only":            matches,
	})
}

func sha64(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
