package main

import (
	"io"
	"sort"
)

// cmdGoSort reads JSON lines, each an array of integer keys, and prints for
// each the order sort.Slice leaves the indexes in when it sorts them by key:
// sort.Slice is not stable, and upstream sorts lint warnings with it.
func cmdGoSort(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(keys []int) any {
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return keys[idx[i]] < keys[idx[j]] })
		return idx
	})
}
