// Generates test/instructions/testdata/upstream.json: for each Dockerfile in
// cases.json, the AST as upstream BuildKit v0.32.2's parser builds it (in our
// InstructionNode shape) and what upstream's instructions package makes of it.
// Run: test/instructions/oracle/generate.sh
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type inputCase struct {
	Name       string              `json:"name"`
	Dockerfile string              `json:"dockerfile"`
	Expand     bool                `json:"expand,omitempty"`
}

type obj = map[string]any

func nodeJSON(n *parser.Node) obj {
	flags := strs(n.Flags)
	args := []string{}
	var sub obj
	for next := n.Next; next != nil; next = next.Next {
		if len(next.Children) == 1 {
			sub = nodeJSON(next.Children[0])
			continue
		}
		args = append(args, next.Value)
	}
	heredocs := []obj{}
	for _, h := range n.Heredocs {
		heredocs = append(heredocs, obj{"name": h.Name, "content": h.Content, "expand": h.Expand, "chomp": h.Chomp, "fileDescriptor": h.FileDescriptor})
	}
	comments := n.PrevComment
	if comments == nil {
		comments = []string{}
	}
	o := obj{
		"keyword": strings.ToLower(n.Value), "rawKeyword": n.Value, "original": n.Original, "flags": flags, "args": args,
		"json": n.Attributes["json"], "heredocs": heredocs, "startLine": n.StartLine, "endLine": n.EndLine,
		"prevComment": comments,
	}
	if sub != nil {
		o["sub"] = sub
	}
	return o
}

func loc(r []parser.Range) obj {
	return obj{"start": r[0].Start.Line, "end": r[len(r)-1].End.Line}
}

func base(kind string, c instructions.Command) obj {
	comments := c.Comments()
	if comments == nil {
		comments = []string{}
	}
	return obj{"kind": kind, "name": c.Name(), "code": fmt.Sprint(c), "location": loc(c.Location()), "comments": comments}
}

// strs copies, because Expand later changes slices in place and the JSON is
// encoded at the end.
func strs(s []string) []string {
	return append([]string{}, s...)
}

func kvps(p instructions.KeyValuePairs) []obj {
	out := []obj{}
	for _, kv := range p {
		out = append(out, obj{"key": kv.Key, "value": kv.Value, "noDelim": kv.NoDelim})
	}
	return out
}

func cmdLine(o obj, c instructions.ShellDependantCmdLine) {
	if c.CmdLine == nil {
		o["cmdLine"] = nil
	} else {
		o["cmdLine"] = strs(c.CmdLine)
	}
	files := []obj{}
	for _, f := range c.Files {
		files = append(files, obj{"name": f.Name, "data": f.Data, "chomp": f.Chomp})
	}
	o["files"] = files
	o["prependShell"] = c.PrependShell
}

func sources(o obj, s instructions.SourcesAndDest) {
	o["destPath"] = s.DestPath
	o["sourcePaths"] = strs(s.SourcePaths)
	contents := []obj{}
	for _, c := range s.SourceContents {
		contents = append(contents, obj{"path": c.Path, "data": c.Data, "expand": c.Expand})
	}
	o["sourceContents"] = contents
}

func mountJSON(m *instructions.Mount) obj {
	o := obj{"type": string(m.Type), "from": m.From, "source": m.Source, "target": m.Target, "readOnly": m.ReadOnly,
		"sizeLimit": m.SizeLimit, "cacheId": m.CacheID, "cacheSharing": string(m.CacheSharing), "required": m.Required}
	if m.Env != nil {
		o["env"] = *m.Env
	}
	if m.Mode != nil {
		o["mode"] = *m.Mode
	}
	if m.UID != nil {
		o["uid"] = *m.UID
	}
	if m.GID != nil {
		o["gid"] = *m.GID
	}
	return o
}

func commandJSON(c instructions.Command) obj {
	switch c := c.(type) {
	case *instructions.EnvCommand:
		o := base("env", c)
		o["env"] = kvps(c.Env)
		return o
	case *instructions.MaintainerCommand:
		o := base("maintainer", c)
		o["maintainer"] = c.Maintainer
		return o
	case *instructions.LabelCommand:
		o := base("label", c)
		o["labels"] = kvps(c.Labels)
		return o
	case *instructions.AddCommand:
		o := base("add", c)
		sources(o, c.SourcesAndDest)
		o["chown"], o["chmod"], o["link"], o["checksum"] = c.Chown, c.Chmod, c.Link, c.Checksum
		o["excludePatterns"] = strs(c.ExcludePatterns)
		if c.KeepGitDir != nil {
			o["keepGitDir"] = *c.KeepGitDir
		}
		if c.Unpack != nil {
			o["unpack"] = *c.Unpack
		}
		return o
	case *instructions.CopyCommand:
		o := base("copy", c)
		sources(o, c.SourcesAndDest)
		o["from"], o["chown"], o["chmod"], o["link"], o["parents"] = c.From, c.Chown, c.Chmod, c.Link, c.Parents
		o["excludePatterns"] = strs(c.ExcludePatterns)
		return o
	case *instructions.OnbuildCommand:
		o := base("onbuild", c)
		o["expression"] = c.Expression
		return o
	case *instructions.WorkdirCommand:
		o := base("workdir", c)
		o["path"] = c.Path
		return o
	case *instructions.RunCommand:
		o := base("run", c)
		cmdLine(o, c.ShellDependantCmdLine)
		// Upstream collects these from a map, so their order varies run to run.
		used := strs(c.FlagsUsed)
		sort.Strings(used)
		o["flagsUsed"] = used
		mounts := []obj{}
		for _, m := range instructions.GetMounts(c) {
			mounts = append(mounts, mountJSON(m))
		}
		o["mounts"] = mounts
		o["network"] = instructions.GetNetwork(c)
		o["security"] = instructions.GetSecurity(c)
		devices := []obj{}
		for _, d := range instructions.GetDevices(c) {
			devices = append(devices, obj{"name": d.Name, "required": d.Required})
		}
		o["devices"] = devices
		return o
	case *instructions.CmdCommand:
		o := base("cmd", c)
		cmdLine(o, c.ShellDependantCmdLine)
		return o
	case *instructions.EntrypointCommand:
		o := base("entrypoint", c)
		cmdLine(o, c.ShellDependantCmdLine)
		return o
	case *instructions.HealthCheckCommand:
		o := base("healthcheck", c)
		h := c.Health
		o["health"] = obj{"test": strs(h.Test), "interval": int64(h.Interval), "timeout": int64(h.Timeout),
			"startPeriod": int64(h.StartPeriod), "startInterval": int64(h.StartInterval), "retries": h.Retries}
		return o
	case *instructions.ExposeCommand:
		o := base("expose", c)
		o["ports"] = strs(c.Ports)
		return o
	case *instructions.UserCommand:
		o := base("user", c)
		o["user"] = c.User
		return o
	case *instructions.VolumeCommand:
		o := base("volume", c)
		o["volumes"] = strs(c.Volumes)
		return o
	case *instructions.StopSignalCommand:
		o := base("stopsignal", c)
		o["signal"] = c.Signal
		return o
	case *instructions.ArgCommand:
		o := base("arg", c)
		args := []obj{}
		for _, a := range c.Args {
			ao := obj{"key": a.Key, "docComment": a.DocComment}
			if a.Value != nil {
				ao["value"] = *a.Value
			}
			args = append(args, ao)
		}
		o["args"] = args
		return o
	case *instructions.ShellCommand:
		o := base("shell", c)
		o["shell"] = strs(c.Shell)
		return o
	}
	panic(fmt.Sprintf("unknown command %T", c))
}

func stageJSON(s instructions.Stage) obj {
	cmds := []obj{}
	for _, c := range s.Commands {
		cmds = append(cmds, commandJSON(c))
	}
	comments := s.Comments
	if comments == nil {
		comments = []string{}
	}
	return obj{"kind": "stage", "name": s.Name, "commands": cmds, "origCmd": s.OrigCmd, "baseName": s.BaseName,
		"platform": s.Platform, "docComment": s.DocComment, "sourceCode": s.SourceCode, "location": loc(s.Location),
		"comments": comments}
}

func errJSON(err error) obj {
	o := obj{"message": err.Error()}
	var le *parser.LocationError
	if errors.As(err, &le) {
		ranges := []obj{}
		for _, l := range le.Locations {
			ranges = append(ranges, loc(l))
		}
		o["ranges"] = ranges
	}
	return o
}

// The expander used for the expansion vectors: words with `$` come back
// marked, so tests see exactly which fields upstream expands; words with
// FAIL make it fail; anything else is returned as it is.
func marker(calls *[]string) instructions.SingleWordExpander {
	return func(w string) (string, error) {
		*calls = append(*calls, w)
		if strings.Contains(w, "FAIL") {
			return "", errors.New("expander failed on " + w)
		}
		if strings.Contains(w, "$") {
			return "<" + w + ">", nil
		}
		return w, nil
	}
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []inputCase
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	out := []obj{}
	for _, c := range cases {
		res := obj{"name": c.Name, "dockerfile": c.Dockerfile}
		ast, err := parser.Parse(strings.NewReader(c.Dockerfile))
		if err != nil {
			res["parserError"] = err.Error()
			out = append(out, res)
			continue
		}
		res["escapeToken"] = string(ast.EscapeToken)
		nodes := []obj{}
		for _, n := range ast.AST.Children {
			nodes = append(nodes, nodeJSON(n))
		}
		res["nodes"] = nodes
		warnings := []obj{}
		lint := linter.New(&linter.Config{ExperimentalAll: true, Warn: func(rule, _, _, msg string, location []parser.Range) {
			warnings = append(warnings, obj{"rule": rule, "message": msg, "location": loc(location)})
		}})
		stages, metaArgs, err := instructions.Parse(ast.AST, lint)
		res["lint"] = warnings
		if err != nil {
			res["error"] = errJSON(err)
		} else {
			st := []obj{}
			for _, s := range stages {
				st = append(st, stageJSON(s))
			}
			ma := []obj{}
			for i := range metaArgs {
				ma = append(ma, commandJSON(&metaArgs[i]))
			}
			res["stages"] = st
			res["metaArgs"] = ma
		}
		if c.Expand && err == nil {
			expanded := []obj{}
			for _, s := range stages {
				for _, cmd := range s.Commands {
					e := obj{}
					calls := []string{}
					if ex, ok := cmd.(instructions.SupportsSingleWordExpansion); ok {
						if err := ex.Expand(marker(&calls)); err != nil {
							e["error"] = err.Error()
						}
					}
					if ex, ok := cmd.(instructions.SupportsSingleWordExpansionRaw); ok && e["error"] == nil {
						if err := ex.ExpandRaw(marker(&calls)); err != nil {
							e["error"] = err.Error()
						}
					}
					e["calls"] = calls
					if e["error"] == nil {
						e["command"] = commandJSON(cmd)
					}
					expanded = append(expanded, e)
				}
			}
			res["expanded"] = expanded
		}
		out = append(out, res)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
