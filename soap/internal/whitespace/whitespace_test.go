package whitespace

import (
	"strings"
	"testing"
)

// collapseRef is whiteSpace="collapse" as XML Schema words it: every tab, line feed and carriage
// return becomes a space, runs of spaces become one, leading and trailing spaces go.
func collapseRef(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// FuzzCollapse checks Collapse (with its fast path for text already collapsed) against collapseRef.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a b", "\ta", "a\r\nb", "  ", "é b ", "2026-11-26T12:30:45Z", "x \u00a0y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Collapse(s), collapseRef(s); got != want {
			t.Fatalf("Collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
