package main

import (
	"context"
	"encoding/base64"
	"io"
	"os"
	"strconv"
	"time"
	_ "unsafe" // go:linkname

	"github.com/moby/buildkit/client/llb"
	_ "github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	gwclient "github.com/moby/buildkit/frontend/gateway/client"
	fstypes "github.com/tonistiigi/fsutil/types"
)

// archiveMaxTimeFromRef is dockerfile2llb's own (unexported) reader of an HTTP
// source's archive for SOURCE_DATE_EPOCH: the newest ModTime of a regular
// file, read through go-archive's DecompressStream and archive/tar.
//
//go:linkname archiveMaxTimeFromRef github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb.archiveMaxTimeFromRef
func archiveMaxTimeFromRef(ctx context.Context, ref gwclient.Reference, filename string, allowNonArchive bool) (*time.Time, error)

// fileRef is a result reference holding one file, all that function reads.
type fileRef struct{ data []byte }

func (r fileRef) ToState() (llb.State, error)    { return llb.Scratch(), nil }
func (r fileRef) Evaluate(context.Context) error { return nil }
func (r fileRef) ReadFile(_ context.Context, _ gwclient.ReadRequest) ([]byte, error) {
	return r.data, nil
}
func (r fileRef) StatFile(context.Context, gwclient.StatRequest) (*fstypes.Stat, error) {
	return nil, io.EOF
}
func (r fileRef) ReadDir(context.Context, gwclient.ReadDirRequest) ([]*fstypes.Stat, error) {
	return nil, io.EOF
}

// cmdArchiveTime reads JSON lines, each the base64 of a downloaded file, and
// prints the time upstream takes from it as {unix (a decimal string), nanos}, or null for none.
// PATH is emptied first: upstream's frontend image has no xz or unpigz
// program, which go-archive would otherwise run.
func cmdArchiveTime(args []string, stdin io.Reader, stdout io.Writer) error {
	os.Setenv("PATH", "")
	return eachJSONLine(stdin, stdout, func(s string) any {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return err.Error()
		}
		tm, err := archiveMaxTimeFromRef(context.Background(), fileRef{b}, "f", true)
		if err != nil {
			return map[string]string{"error": err.Error()}
		}
		if tm == nil {
			return nil
		}
		// The seconds as a decimal string: an int64 past 2^53 loses digits as a JSON number.
		return map[string]any{"unix": strconv.FormatInt(tm.Unix(), 10), "nanos": tm.Nanosecond()}
	})
}
