// Package whitespace applies XML Schema's whiteSpace facet (XML Schema Part 2, section 4.3.6) to the
// text of values, for package soap (its date, time, duration and decimal types) and package soapimpl
// (the built-in string types). White space is XML's: space, tab, line feed and carriage return, not
// the other Unicode spaces (a no-break space is kept).
package whitespace

import "strings"

// Collapse applies whiteSpace="collapse": trim, and fold inner runs of white space to one space.
func Collapse(s string) string {
	// Most values are collapsed already: one pass finds it out.
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\r':
			return strings.Join(strings.FieldsFunc(s, isSpace), " ")
		case ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return collapse(s)
			}
		}
	}
	return s
}

func collapse(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") {
		return strings.Trim(s, " ")
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// Replace applies whiteSpace="replace": tab, line feed and carriage return become spaces.
func Replace(s string) string {
	return strings.Map(func(r rune) rune {
		if r != ' ' && isSpace(r) {
			return ' '
		}
		return r
	}, s)
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }
