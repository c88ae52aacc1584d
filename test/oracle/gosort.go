package main

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
)

// cmdGoSort reads JSON lines, each an array of integer keys, and prints for
// each the order sort.Slice leaves the indexes in when it sorts them by key:
// sort.Slice is not stable, and upstream sorts lint warnings with it.
func cmdGoSort(args []string, stdin io.Reader, stdout io.Writer) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	for sc.Scan() {
		var keys []int
		if err := json.Unmarshal(sc.Bytes(), &keys); err != nil {
			return err
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return keys[idx[i]] < keys[idx[j]] })
		if err := enc.Encode(idx); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return w.Flush()
}
