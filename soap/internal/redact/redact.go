// Package redact replaces secrets in text however the text escapes them. It is internal to soap so
// that the client runtime (and, later, the server runtime and soap/soapimpl) share one matcher.
//
// A server echoing a ticket rarely echoes it as it was sent: an XML or HTML page escapes it
// (&amp;, &#58;, &#x3A;, &apos;), a redirect URL percent-encodes it (%3A, or %253A inside another
// URL's query), a JSON body escapes it (\u0041, \/), a Go error quotes it (\"). Listing every
// written form of every secret cannot keep up with mixtures of these, so the text is decoded
// instead, layer by layer: each layer replaces every escape it recognises by what it stands for,
// remembering where each came from, and the secrets are looked for in the text and in each layer.
// A match is mapped back to the bytes of the original text that wrote it, and those are replaced.
package redact

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"
)

// Marker replaces a secret.
const Marker = "[REDACTED]"

// MinLen is the length below which a value is not treated as a secret: replacing every
// occurrence of one to three characters would garble every message, and so short a value protects
// nothing.
const MinLen = 4

// minCut is the shortest beginning of a secret that is replaced when the text was cut right after
// it (see Set.Text): a shorter one tells next to nothing of the secret.
const minCut = 3

// maxLayers is the most layers of escapes decoded (a ticket percent-encoded in a URL that is
// itself percent-encoded in another URL, the whole escaped in an HTML attribute, is three).
const maxLayers = 4

// Set is the secrets of one call.
type Set []string

// Add records v, and v trimmed of surrounding space, when the latter is long enough to be a secret
// (MinLen): white space around a short value does not make it one.
func (s *Set) Add(v string) {
	t := strings.TrimSpace(v)
	if len(t) < MinLen {
		return
	}
	for _, x := range []string{v, t} {
		if !slices.Contains(*s, x) {
			*s = append(*s, x)
		}
	}
}

// Text returns text with every occurrence of a secret, written as it is or escaped in any
// mixture of the ways the package documentation lists, replaced by Marker. When cut is set, the
// text is the beginning of a longer one: a beginning of a secret (of at least three bytes) that
// ends the text is replaced as well. Wherever the text holds "..." (the mark of a message cut
// short), a beginning of a secret right before it is replaced too.
func (s Set) Text(text string, cut bool) string {
	if len(s) == 0 || text == "" {
		return text
	}
	spans := s.find(text, cut)
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, sp := range spans {
		b.WriteString(text[last:sp.start])
		b.WriteString(Marker)
		last = sp.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// Shows reports whether text shows a secret, as Text would find it.
func (s Set) Shows(text string) bool {
	return len(s) > 0 && text != "" && len(s.find(text, false)) > 0
}

// span is a range of bytes of the original text.
type span struct{ start, end int }

// find returns the ranges of text that write a secret, sorted and merged.
func (s Set) find(text string, cut bool) []span {
	var spans []span
	canon := make([]string, len(s))
	for i, v := range s {
		canon[i] = canonical(v)
	}
	// Layer 0 is the text itself, where the secrets are looked for as they are; in the decoded
	// layers, they are looked for in their canonical form (see canonical).
	cur := text
	var layers []*layer
	for depth := 0; depth <= maxLayers; depth++ {
		secrets := []string(s)
		if depth > 0 {
			secrets = canon
		}
		for _, v := range secrets {
			for _, m := range matches(cur, v, cut) {
				for i := len(layers) - 1; i >= 0; i-- {
					m = layers[i].toInput(m)
				}
				spans = append(spans, m)
			}
		}
		if depth == maxLayers {
			break
		}
		l := decode(cur)
		if l == nil {
			break
		}
		layers = append(layers, l)
		cur = l.out
	}
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		if last := &merged[len(merged)-1]; sp.start <= last.end {
			last.end = max(last.end, sp.end)
		} else {
			merged = append(merged, sp)
		}
	}
	return merged
}

// canonical is v as the decoded layers write it: '+' stands for a space in a query string, so
// both are written as a space.
func canonical(v string) string { return strings.ReplaceAll(v, "+", " ") }

// matches returns the occurrences of v in text, and the beginnings of v cut short: ending the text
// (when cut is set) or followed by "...".
func matches(text, v string, cut bool) []span {
	var out []span
	for i := 0; ; {
		j := strings.Index(text[i:], v)
		if j < 0 {
			break
		}
		out = append(out, span{i + j, i + j + len(v)})
		i += j + len(v)
	}
	if len(v) <= minCut {
		return out
	}
	prefixBefore := func(end int) {
		// The longest beginning of v (shorter than v) that ends at end.
		for n := min(len(v)-1, end); n >= minCut; n-- {
			if text[end-n:end] == v[:n] {
				out = append(out, span{end - n, end})
				return
			}
		}
	}
	if cut {
		prefixBefore(len(text))
	}
	for i := 0; ; {
		j := strings.Index(text[i:], "...")
		if j < 0 {
			break
		}
		prefixBefore(i + j)
		i += j + 3
	}
	return out
}

// layer is text with its escapes decoded: out, and for each escape decoded, where it came from.
type layer struct {
	out     string
	anchors []anchor
}

// anchor records one escape: the bytes out[out:out+outLen] were decoded from in[in:in+inLen].
type anchor struct{ out, outLen, in, inLen int }

// toInput maps a range of the layer's output to the range of its input that wrote it: a range
// touching part of an escape's output covers the whole escape.
func (l *layer) toInput(sp span) span {
	return span{l.inPos(sp.start, false), l.inPos(sp.end-1, true)}
}

// inPos maps the output byte at p to its input position: the start of what wrote it, or (end set)
// just after it.
func (l *layer) inPos(p int, end bool) int {
	// The last anchor starting at or before p.
	i, _ := slices.BinarySearchFunc(l.anchors, p, func(a anchor, p int) int {
		if a.out <= p {
			return -1
		}
		return 1
	})
	extra := 0
	if end {
		extra = 1
	}
	if i == 0 {
		return p + extra
	}
	a := l.anchors[i-1]
	if p < a.out+a.outLen {
		if end {
			return a.in + a.inLen
		}
		return a.in
	}
	return a.in + a.inLen + (p - a.out - a.outLen) + extra
}

// decode returns the layer decoding the escapes of in, or nil when in has none.
//
// Recognised: XML and HTML character references (&#58; &#x3a; &#X3A;, the ';' optional as HTML
// allows) and named entities (&amp; &apos; &nbsp; ...); percent-encoding (%3A, %3a); the backslash
// escapes of JSON and Go string literals (\u0041 with UTF-16 surrogate pairs, \U0001F600, \x41,
// \101, \/ \" \' \\ \n \t \r \b \f \a \v); and '+' for a space, as a query string writes it.
func decode(in string) *layer {
	first := strings.IndexAny(in, "&%\\+")
	if first < 0 {
		return nil
	}
	l := &layer{}
	var b []byte // nil until the first escape decoded: most texts have none
	for i := first; i < len(in); {
		c := in[i]
		var dec string
		n := 0
		switch c {
		case '&':
			dec, n = entity(in[i:])
		case '%':
			if i+2 < len(in) && isHex(in[i+1]) && isHex(in[i+2]) {
				dec, n = string([]byte{unhex(in[i+1])<<4 | unhex(in[i+2])}), 3
			}
		case '\\':
			dec, n = backslash(in[i:])
		case '+':
			dec, n = " ", 1
		}
		if n == 0 {
			if b != nil {
				b = append(b, c)
			}
			i++
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(in))
			b = append(b, in[:i]...)
		}
		dec = canonical(dec)
		l.anchors = append(l.anchors, anchor{out: len(b), outLen: len(dec), in: i, inLen: n})
		b = append(b, dec...)
		i += n
	}
	if b == nil {
		return nil
	}
	l.out = string(b)
	return l
}

// entity decodes the character reference or named entity s starts with, returning what it stands
// for and its length, or n 0.
func entity(s string) (string, int) {
	if len(s) > 2 && s[1] == '#' {
		i, base := 2, 10
		if s[2] == 'x' || s[2] == 'X' {
			i, base = 3, 16
		}
		start := i
		r := 0
		for i < len(s) && (base == 16 && isHex(s[i]) || base == 10 && s[i] >= '0' && s[i] <= '9') {
			r = r*base + int(unhex(s[i]))
			if r > utf8.MaxRune {
				return "", 0
			}
			i++
		}
		if i == start || !utf8.ValidRune(rune(r)) {
			return "", 0
		}
		if i < len(s) && s[i] == ';' {
			i++
		}
		return string(rune(r)), i
	}
	// A named entity: letters and digits, then ';'. html knows the HTML 5 set, XML's five included.
	i := 1
	for i < len(s) && i <= 32 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ';' {
		return "", 0
	}
	if dec := html.UnescapeString(s[:i+1]); dec != s[:i+1] {
		return dec, i + 1
	}
	return "", 0
}

// backslash decodes the escape sequence s starts with, returning what it stands for and its
// length, or n 0.
func backslash(s string) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	switch s[1] {
	case '/', '"', '\'', '\\':
		return s[1:2], 2
	case 'n':
		return "\n", 2
	case 't':
		return "\t", 2
	case 'r':
		return "\r", 2
	case 'b':
		return "\b", 2
	case 'f':
		return "\f", 2
	case 'a':
		return "\a", 2
	case 'v':
		return "\v", 2
	case 'x':
		if r, ok := hexRune(s[2:], 2); ok {
			return string([]byte{byte(r)}), 4
		}
	case 'u':
		r, ok := hexRune(s[2:], 4)
		if !ok {
			break
		}
		if r >= 0xD800 && r < 0xDC00 && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			// A UTF-16 surrogate pair, as JSON writes a character outside the BMP.
			if lo, ok := hexRune(s[8:], 4); ok && lo >= 0xDC00 && lo < 0xE000 {
				return string(0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)), 12
			}
		}
		if utf8.ValidRune(r) {
			return string(r), 6
		}
	case 'U':
		if r, ok := hexRune(s[2:], 8); ok && utf8.ValidRune(r) {
			return string(r), 10
		}
	case '0', '1', '2', '3':
		if len(s) >= 4 && isOctal(s[2]) && isOctal(s[3]) {
			return string([]byte{(s[1]-'0')<<6 | (s[2]-'0')<<3 | (s[3] - '0')}), 4
		}
	}
	return "", 0
}

// hexRune reads n hexadecimal digits at the start of s.
func hexRune(s string, n int) (rune, bool) {
	if len(s) < n {
		return 0, false
	}
	var r rune
	for i := 0; i < n; i++ {
		if !isHex(s[i]) {
			return 0, false
		}
		r = r<<4 | rune(unhex(s[i]))
	}
	return r, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// unhex returns the value of the hexadecimal (or decimal) digit c.
func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
