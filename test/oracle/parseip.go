package main

import (
	"io"
	"net"
)

// cmdParseIP reads JSON lines, each a string, and prints for each the text
// net.ParseIP(s).String() gives, or "" when net.ParseIP refuses it: dockerui
// reads `add-hosts` addresses and the frontend EXPOSE addresses with it.
func cmdParseIP(args []string, stdin io.Reader, stdout io.Writer) error {
	return eachJSONLine(stdin, stdout, func(s string) any {
		if ip := net.ParseIP(s); ip != nil {
			return ip.String()
		}
		return ""
	})
}
