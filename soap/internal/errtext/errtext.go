// Package errtext is the one rule for the messages of the errors of packages soap and soapimpl: on
// one line, escaped where text from a server could forge or reorder a line of a log, and at most
// 1024 bytes long.
package errtext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Max is the most bytes a message holds, "..." included.
const Max = 1024

// Text returns msg as the errors show it: on one line, every control character (line breaks and
// tabs included), invalid UTF-8 byte, Unicode line or paragraph separator and bidirectional
// formatting character Go-escaped (\n, \x1b, \u202e), so that text from a server can neither start
// a forged line of a log nor reorder one; and cut, at a character boundary and marked "...", to at
// most Max bytes, so that a 25 MB faultstring does not make a 25 MB message.
func Text(msg string) string {
	if len(msg) <= Max && !needsEscape(msg) {
		return msg
	}
	const limit = Max - len("...")
	var b strings.Builder
	b.Grow(min(len(msg), Max+8))
	cut := 0 // the length of b at the last character boundary within limit
	for i := 0; i < len(msg); {
		r, n := utf8.DecodeRuneInString(msg[i:])
		piece := msg[i : i+n]
		switch {
		case r == utf8.RuneError && n == 1:
			piece = `\x` + strconv.FormatUint(uint64(msg[i])|0x100, 16)[1:]
		case escapedRune(r):
			q := strconv.QuoteRuneToASCII(r)
			piece = q[1 : len(q)-1]
		}
		if b.Len() <= limit {
			cut = b.Len()
		}
		if b.Len()+len(piece) > Max {
			return b.String()[:cut] + "..."
		}
		b.WriteString(piece)
		i += n
	}
	return b.String()
}

// ShortenMiddle returns s when it has at most max bytes, else its beginning and end, cut at
// character boundaries, joined by "...", in at most max bytes.
func ShortenMiddle(s string, max int) string {
	if len(s) <= max {
		return s
	}
	head := (max - len("...")) / 4
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	tail := len(s) - (max - len("...") - head)
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + "..." + s[tail:]
}

// needsEscape reports whether s holds a character Text escapes.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		} else if c >= 0x80 {
			for _, r := range s[i:] {
				if r == utf8.RuneError || escapedRune(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// escapedRune reports whether Text escapes r: a control character, a line or paragraph separator,
// or a bidirectional formatting character (which can make a log line read otherwise than it is
// written).
func escapedRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == '\u061c', r == '\u200e', r == '\u200f',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
