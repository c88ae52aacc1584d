package main

import (
	"bufio"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// cmdCasing prints Go's case mappings, which strings.ToUpper, strings.ToLower
// and strings.EqualFold apply rune by rune, for every code point that has
// one: "CP UPPER LOWER ORBIT..." in hex, ORBIT the other runes of its
// unicode.SimpleFold orbit (the runes EqualFold takes for it). Code points
// with none of the three are not printed.
func cmdCasing(args []string, stdin io.Reader, stdout io.Writer) error {
	w := bufio.NewWriter(stdout)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff || !utf8.ValidRune(r) {
			continue
		}
		up, low := unicode.ToUpper(r), unicode.ToLower(r)
		var orbit []rune
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			orbit = append(orbit, f)
		}
		if up == r && low == r && len(orbit) == 0 {
			continue
		}
		fmt.Fprintf(w, "%x %x %x", r, up, low)
		for _, f := range orbit {
			fmt.Fprintf(w, " %x", f)
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}
