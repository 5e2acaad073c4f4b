package redact

import (
	"strings"
	"testing"
)

// benchText returns n bytes of an HTML page holding the ticket, percent-encoded, near its end, and,
// with escapes, an entity every 64 bytes.
func benchText(n int, escapes bool) string {
	unit := strings.Repeat("x", 63) + " "
	if escapes {
		unit = strings.Repeat("x", 59) + "&amp;"
	}
	var b strings.Builder
	for b.Len() < n-100 {
		b.WriteString(unit)
	}
	b.WriteString(`<a href="/login?t=7T%3AdXNlcj0xMjM%2Fx%2By%3D%3D">`)
	return b.String()
}

func benchmarkText(b *testing.B, n int, escapes bool) {
	s := set(ticket, "Tk-8f14e45fceea167a5a36dedd4bea2543")
	text := benchText(n, escapes)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if got := s.Text(text, false); !strings.Contains(got, Marker) {
			b.Fatal("not redacted")
		}
	}
}

// The excerpt window of an HTTPError (2 KB), and a 25 MB faultstring.
func BenchmarkText2KB(b *testing.B)         { benchmarkText(b, 2<<10, false) }
func BenchmarkText2KBEscaped(b *testing.B)  { benchmarkText(b, 2<<10, true) }
func BenchmarkText25MB(b *testing.B)        { benchmarkText(b, 25<<20, false) }
func BenchmarkText25MBEscaped(b *testing.B) { benchmarkText(b, 25<<20, true) }
