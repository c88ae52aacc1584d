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

// cmdUnicode prints, as "CLASS LO HI" lines in hex, the ranges of code points
// for which Go's unicode.IsLetter (L), unicode.IsDigit (Nd) and
// unicode.IsPrint (P) hold: the classes the shell lexer, the heredoc lexer
// and strconv.Quote use, from Go's own tables rather than another Unicode
// version's.
func cmdUnicode(args []string, stdin io.Reader, stdout io.Writer) error {
	w := bufio.NewWriter(stdout)
	classes := []struct {
		name string
		is   func(rune) bool
	}{{"L", unicode.IsLetter}, {"Nd", unicode.IsDigit}, {"P", unicode.IsPrint}}
	for _, c := range classes {
		lo := rune(-1)
		for r := rune(0); r <= unicode.MaxRune+1; r++ {
			in := r <= unicode.MaxRune && c.is(r)
			if in && lo < 0 {
				lo = r
			} else if !in && lo >= 0 {
				fmt.Fprintf(w, "%s %x %x\n", c.name, lo, r-1)
				lo = -1
			}
		}
	}
	return w.Flush()
}
