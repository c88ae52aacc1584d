// Command oracle runs BuildKit v0.32.2's own Go code so the TypeScript
// implementation can be compared with upstream side by side.
//
// Usage: oracle <subcommand> [flags]
//
// Every subcommand reads from stdin and writes its result to stdout; a
// non-zero exit status means the oracle itself failed (bad flags, I/O), not
// that upstream reported an error for the input (those are printed as data).
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// subcommand is one entry of the dispatch table. To add a subcommand, write a
// function with this signature and register it in subcommands.
type subcommand struct {
	usage string
	run   func(args []string, stdin io.Reader, stdout io.Writer) error
}

var subcommands = map[string]subcommand{
	"llb-catalog":    {"print every catalogue case as a JSON line {name, def}", cmdLLBCatalog},
	"dump-llb":       {"read a Definition on stdin, print it like `buildctl debug dump-llb`", cmdDumpLLB},
	"dockerfile2llb": {"convert a Dockerfile with upstream's frontend; print {def, image, baseImage, warnings, error}", cmdDockerfile2LLB},
	"lint":           {"run the frontend.lint subrequest (`--call check`); print its result.json", cmdLint},
	"outline":        {"run the frontend.outline subrequest; print its result.json", cmdOutline},
	"targets":        {"run the frontend.targets subrequest; print its result.json", cmdTargets},
	"ignore-match":   {"JSON lines {patterns, paths}: patternmatcher.New's error, or each path's MatchesOrParentMatches", cmdIgnoreMatch},
	"casing":         {"print Go's ToUpper, ToLower and SimpleFold orbit of every code point that has one", cmdCasing},
	"go-sort":        {"JSON lines of integer keys on stdin; print the index order sort.Slice gives each", cmdGoSort},
	"unicode":        {"print the ranges of Go's unicode.IsLetter, IsDigit and IsPrint", cmdUnicode},
	"bytes-map":      {"JSON lines of strings holding JSON text; print json.Unmarshal of each into a map[string][]byte", cmdBytesMap},
	"parse-ip":       {"JSON lines of strings on stdin; print net.ParseIP(s).String() for each (\"\" when refused)", cmdParseIP},
	"json-quote":     {"JSON lines of strings on stdin; print the text json.Marshal gives each", cmdJSONQuote},
	"json-indent":    {"JSON lines of JSON texts on stdin; print json.MarshalIndent of {\"k\": each as a json.RawMessage}", cmdJSONIndent},
	"digests":        {"JSON lines of strings on stdin; print {shape, contains, validate}: distribution's DigestRegexp anchored and not, go-digest's Validate", cmdDigests},
	"is-archive":     {"JSON lines of base64 strings on stdin; print dockerui's isArchive of each (an HTTP context's first bytes)", cmdIsArchive},
	"archive-time":   {"JSON lines of base64 strings on stdin; print the time SOURCE_DATE_EPOCH takes from each as an HTTP source's file (dockerfile2llb's archiveMaxTimeFromRef): {unix, nanos} or null", cmdArchiveTime},
	"cap-error":      {"JSON lines {id, reported, product}: the Go gateway client's LLB capability check of id; {declared: true}: every declared ID", cmdCapError},
	"subrequest":     {"run any subrequest (--request ID); print {metadata} with every metadata key", cmdSubrequest},
	"batch":          {"JSON lines {cmd, args, stdin} on stdin; one output line per request, in order", nil},
}

// batch runs the other subcommands; registered here to avoid an initialization cycle.
func init() {
	sc := subcommands["batch"]
	sc.run = cmdBatch
	subcommands["batch"] = sc
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: oracle <subcommand> [flags]")
	names := make([]string, 0, len(subcommands))
	for n := range subcommands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, subcommands[n].usage)
	}
}

func main() {
	if len(os.Args) < 2 {
		usage(os.Stderr)
		os.Exit(2)
	}
	name := os.Args[1]
	if name == "-h" || name == "--help" || name == "help" {
		usage(os.Stdout)
		return
	}
	sc, ok := subcommands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "oracle: unknown subcommand %q\n", name)
		usage(os.Stderr)
		os.Exit(2)
	}
	if err := sc.run(os.Args[2:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "oracle %s: %v\n", name, err)
		os.Exit(1)
	}
}
