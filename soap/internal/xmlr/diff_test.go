package xmlr

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The differential test: Reader and encoding/xml (Strict, UTF-8 and US-ASCII only, as the soap
// runtime configures it) must accept and reject the same documents and, for those both accept,
// report the same elements (resolved names), attributes, namespace declarations and text.
//
// Where encoding/xml accepts a document that XML 1.0 (fifth edition) or Namespaces in XML 1.0 (third
// edition) says is not well-formed, the Reader rejects it; each such difference is one of the
// exceptions below, and the test checks it independently of the Reader (from encoding/xml's own
// tokens, its RawToken names, or the input) before it lets the difference pass:
//
//   - unbound prefixes (Namespaces section 5, "Prefix Declared"; golang/go#68296)
//   - two attributes with the same expanded name (XML section 3.1 "Unique Att Spec", Namespaces
//     section 6.3; golang/go#68295, #68297)
//   - the prefixes xml and xmlns and their namespace names misused, and xmlns:p="" (Namespaces
//     section 3; golang/go#68296)
//   - names that are not QNames: a leading, trailing or second colon, a local part or prefix not
//     starting with a NameStartChar (Namespaces sections 3 and 4; golang/go#68294, #68392)
//   - no white space between attributes (XML production [40]; golang/go#68385)
//   - text or CDATA outside the root element, a second root element, no root element (XML
//     production [1] document; golang/go#68332)
//   - document type and other markup declarations (not accepted: no DTD processing, as the soap
//     runtime already refuses them; golang/go#68459)
//   - processing instructions: the target xml after the start of the document, a colon in a target,
//     no white space after a target (XML productions [16], [17], [23]; Namespaces section 7;
//     golang/go#68499, #68393, #68386, #65691)
//   - a malformed XML declaration: version missing, pseudo-attributes out of order or unknown,
//     standalone not yes or no (XML productions [23]-[32], [80]-[81])
//   - characters XML does not allow, and bytes that are not UTF-8, in comments and processing
//     instructions (XML production [2] Char applies to the whole document; golang/go#68654)
//   - character references to surrogates, which encoding/xml turns into U+FFFD (XML section 4.1,
//     "Legal Character")
//   - names with characters the fifth edition allows and the older tables of encoding/xml do not
//     (XML section 2.3, productions [4], [4a]); both ways, so that a name neither refuses is compared
//   - nesting deeper than MaxDepth (a limit of the soap runtime, not a rule of XML)
//
// And where both accept, attribute values differ in one documented way: encoding/xml does not
// normalise white space in attribute values (XML section 3.3.3), so values are compared with every
// TAB, LF and CR taken as a space.

// event is a token as both readers can report it.
type event struct {
	kind  Kind
	space string
	local string
	attrs []string // "{space}local=value", value normalised
	decls []string // "prefix=uri"
	text  string
	off   int // the Reader's Offset of the token (not compared with encoding/xml's)
}

func (e event) String() string {
	switch e.kind {
	case StartElement:
		return fmt.Sprintf("<{%s}%s %q %q>", e.space, e.local, e.attrs, e.decls)
	case EndElement:
		return fmt.Sprintf("</{%s}%s>", e.space, e.local)
	}
	return fmt.Sprintf("%q", e.text)
}

func normWS(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// tagEvent returns the event of the StartElement or EndElement k that r has just read.
func tagEvent(r *Reader, k Kind) event {
	n := r.Name()
	e := event{kind: k, space: normWS(string(n.Space)), local: string(n.Local), off: r.Offset()}
	if k == StartElement {
		for i := range r.NumAttr() {
			a := r.Attr(i)
			e.attrs = append(e.attrs, fmt.Sprintf("{%s}%s=%s", normWS(string(a.Name.Space)), a.Name.Local, normWS(string(a.Value))))
		}
		for i := range r.NumDecl() {
			d := r.Decl(i)
			e.decls = append(e.decls, string(d.Prefix)+"="+normWS(string(d.URI)))
		}
	}
	return e
}

// readerEvents reads data with a Reader.
func readerEvents(data []byte, maxDepth int) ([]event, error) {
	r := NewReader(append([]byte(nil), data...))
	r.MaxDepth = maxDepth
	var evs []event
	for {
		k, err := r.Next()
		if err == io.EOF {
			return evs, nil
		}
		if err != nil {
			return evs, err
		}
		switch k {
		case StartElement, EndElement:
			evs = append(evs, tagEvent(r, k))
		case Text:
			evs = append(evs, event{kind: Text, text: string(r.Text()), off: r.Offset()})
		}
	}
}

// stdFacts is what encoding/xml makes of a document.
type stdFacts struct {
	events     []event
	err        error
	directive  bool // a Directive (DOCTYPE or another <!...>)
	outside    bool // non-white-space character data outside the root element
	roots      int  // elements at depth 0
	maxDepth   int
	piReserved bool // a PI target xml not at the start, or with a colon
	xmlDecl    bool // a PI with target xml (the declaration)
	badMisc    bool // a comment or PI with a character XML does not allow, or not UTF-8
	comments   [][]byte
}

func newStdDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return input, nil
		}
		return nil, fmt.Errorf("unsupported character encoding %q", charset)
	}
	return d
}

func stdEvents(data []byte) stdFacts {
	var f stdFacts
	d := newStdDecoder(data)
	depth := 0
	var text []byte
	hasText := false
	first := true
	flush := func() {
		if hasText && len(text) > 0 {
			f.events = append(f.events, event{kind: Text, text: string(text)})
		}
		text, hasText = text[:0], false
	}
	for ; ; first = false {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			f.err = err
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			if depth == 0 {
				f.roots++
			}
			depth++
			f.maxDepth = max(f.maxDepth, depth)
			e := event{kind: StartElement, space: normWS(t.Name.Space), local: t.Name.Local}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					e.decls = append(e.decls, a.Name.Local+"="+normWS(a.Value))
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					e.decls = append(e.decls, "="+normWS(a.Value))
				default:
					e.attrs = append(e.attrs, fmt.Sprintf("{%s}%s=%s", normWS(string(a.Name.Space)), a.Name.Local, normWS(a.Value)))
				}
			}
			f.events = append(f.events, e)
		case xml.EndElement:
			flush()
			depth--
			f.events = append(f.events, event{kind: EndElement, space: normWS(t.Name.Space), local: t.Name.Local})
		case xml.CharData:
			if depth == 0 {
				if first {
					t = bytes.TrimPrefix(t, []byte("\uFEFF"))
				}
				if len(bytes.Trim(t, " \t\r\n")) > 0 {
					f.outside = true
				}
				continue
			}
			text = append(text, t...)
			hasText = true
		case xml.Directive:
			f.directive = true
		case xml.Comment:
			if !validChars(t) {
				f.badMisc = true
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml") {
				f.xmlDecl = true
			}
			if strings.Contains(t.Target, ":") {
				f.piReserved = true
			}
			if !validChars(t.Inst) || !validChars([]byte(t.Target)) {
				f.badMisc = true
			}
		}
	}
	return f
}

// validChars reports whether b is UTF-8 made of characters XML allows (written independently of
// the Reader's isChar, from production [2]).
func validChars(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if !(r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF) {
			return false
		}
		b = b[n:]
	}
	return true
}

// nsFacts are the namespace rules a document breaks, worked out from encoding/xml's RawToken names
// by a scope kept here (independent of the Reader).
type nsFacts struct {
	unbound, dupAttr, reserved, undeclare, qname bool
}

func rawNamespaceFacts(data []byte) nsFacts {
	var f nsFacts
	d := newStdDecoder(data)
	type decl struct{ prefix, uri string }
	var scope []decl
	var marks []int
	lookup := func(p string) (string, bool) {
		for i := len(scope) - 1; i >= 0; i-- {
			if scope[i].prefix == p {
				return scope[i].uri, true
			}
		}
		return "", false
	}
	badQName := func(n xml.Name) bool {
		// encoding/xml took the whole name as a Name: it is not a QName if a colon is left in the
		// local part, or a part starts with a character that is a NameChar but not a NameStartChar.
		if strings.Contains(n.Local, ":") {
			return true
		}
		for _, part := range []string{n.Space, n.Local} {
			if part == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(part)
			if r == '-' || r == '.' || '0' <= r && r <= '9' || r == 0xB7 || 0x300 <= r && r <= 0x36F || r == 0x203F || r == 0x2040 {
				return true
			}
		}
		return false
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return f
		}
		switch t := tok.(type) {
		case xml.StartElement:
			marks = append(marks, len(scope))
			for _, a := range t.Attr {
				prefix, uri := "", a.Value
				switch {
				case a.Name.Space == "xmlns":
					prefix = a.Name.Local
				case a.Name.Space == "" && a.Name.Local == "xmlns":
				default:
					continue
				}
				switch {
				case prefix == "xmlns", prefix == "xml" && uri != XMLNamespace,
					prefix != "xml" && (uri == XMLNamespace || uri == XMLNSNamespace):
					f.reserved = true
				case prefix != "" && uri == "":
					f.undeclare = true
				}
				scope = append(scope, decl{prefix, uri})
			}
			if badQName(t.Name) {
				f.qname = true
			}
			if t.Name.Space == "xmlns" {
				f.reserved = true
			} else if t.Name.Space != "" && t.Name.Space != "xml" {
				if _, ok := lookup(t.Name.Space); !ok {
					f.unbound = true
				}
			}
			seen := map[xml.Name]bool{}
			for _, a := range t.Attr {
				if badQName(a.Name) {
					f.qname = true
				}
				n := a.Name
				switch {
				case n.Space == "" && n.Local == "xmlns":
					n = xml.Name{Space: XMLNSNamespace}
				case n.Space == "xmlns":
					n.Space = XMLNSNamespace
				case n.Space == "xml":
					n.Space = XMLNamespace
				case n.Space != "":
					uri, ok := lookup(n.Space)
					if !ok {
						f.unbound = true
					}
					n.Space = uri
				}
				if seen[n] {
					f.dupAttr = true
				}
				seen[n] = true
			}
		case xml.EndElement:
			if badQName(t.Name) {
				f.qname = true
			}
			if len(marks) > 0 {
				scope = scope[:marks[len(marks)-1]]
				marks = marks[:len(marks)-1]
			}
		}
	}
}

// fifthEditionOnly reports whether data has a character that XML 1.0 fifth edition allows in names
// and encoding/xml's tables do not (or the other way round), by asking encoding/xml about it.
func fifthEditionOnly(data []byte) bool {
	seen := map[rune]bool{}
	for _, r := range string(data) {
		if r < utf8.RuneSelf || seen[r] {
			continue
		}
		seen[r] = true
		start, name := isNameStartRune(r), isNameRune(r)
		if start != stdAccepts("<"+string(r)+"/>") || name != stdAccepts("<a"+string(r)+"/>") {
			return true
		}
	}
	return false
}

func stdAccepts(doc string) bool {
	d := newStdDecoder([]byte(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// surrogateRef reports whether data has a character reference to a surrogate code point at off.
func surrogateRef(data []byte, off int) bool {
	s := data[off:]
	end := bytes.IndexByte(s, ';')
	if !bytes.HasPrefix(s, []byte("&#")) || end < 0 {
		return false
	}
	digits, base := string(s[2:end]), 10
	if strings.HasPrefix(digits, "x") {
		digits, base = digits[1:], 16
	}
	var v uint64
	for _, c := range digits {
		var d uint64
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return false
		}
		if v = v*uint64(base) + d; v > 0x10FFFF {
			return false
		}
	}
	return 0xD800 <= v && v <= 0xDFFF
}

// diffMaxDepth is the depth limit of the differential test: low enough for fuzzed input to reach.
const diffMaxDepth = 64

// compare runs the differential test on one input.
func compare(t *testing.T, data []byte) {
	t.Helper()
	got, err := readerEvents(data, diffMaxDepth)
	std := stdEvents(data)
	switch {
	case err == nil && std.err == nil:
		if fifthEditionOnly(data) {
			return // names may differ in which characters they take
		}
		if len(got) != len(std.events) {
			t.Fatalf("input %q:\nreader:       %v\nencoding/xml: %v", data, got, std.events)
		}
		for i := range got {
			if got[i].String() != std.events[i].String() {
				t.Fatalf("input %q: token %d:\nreader:       %v\nencoding/xml: %v", data, i, got[i], std.events[i])
			}
		}
		if std.directive || std.outside || std.roots != 1 || std.piReserved || std.badMisc {
			t.Fatalf("input %q: the reader accepts what XML does not (encoding/xml: directive %v, text outside %v, %d roots, PI target %v, bad comment/PI %v)",
				data, std.directive, std.outside, std.roots, std.piReserved, std.badMisc)
		}
	case err != nil && std.err != nil:
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("input %q: error %v is not an *Error", data, err)
		}
	case err == nil:
		if fifthEditionOnly(data) {
			return
		}
		t.Fatalf("input %q: the reader accepts it, encoding/xml says %v", data, std.err)
	default:
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("input %q: error %v is not an *Error", data, err)
		}
		if !exception(e, data, std) {
			t.Fatalf("input %q: the reader rejects it (%v, code %d), encoding/xml accepts it", data, err, e.code)
		}
	}
}

// exception reports whether the error e, on an input encoding/xml accepts, is one of the documented
// exceptions, checked without the Reader.
func exception(e *Error, data []byte, std stdFacts) (ok bool) {
	defer func() {
		if ok {
			exceptionsMu.Lock()
			exceptions[e.code]++
			exceptionsMu.Unlock()
		}
	}()
	ns := func() nsFacts { return rawNamespaceFacts(data) }
	at := func(s string) bool { return e.Offset < len(data) && bytes.HasPrefix(data[e.Offset:], []byte(s)) }
	switch e.code {
	case errUnbound:
		return ns().unbound
	case errDupAttr:
		return ns().dupAttr
	case errReserved:
		return ns().reserved
	case errUndeclare:
		return ns().undeclare
	case errQName:
		return ns().qname
	case errAttrSpace:
		return e.Offset > 0 && (data[e.Offset-1] == '"' || data[e.Offset-1] == '\'')
	case errOutside:
		return std.outside || at("<![CDATA[") || at("&") // a reference is character data, white space or not
	case errAfterRoot:
		return std.roots > 1
	case errNoRoot:
		return std.roots == 0
	case errDTD:
		return std.directive
	case errPITarget:
		return std.piReserved || std.xmlDecl || e.Offset < len(data) && !isSpaceByte(data[e.Offset])
	case errDecl, errVersion, errEncoding:
		return std.xmlDecl
	case errChar, errUTF8:
		return std.badMisc
	case errCharRef:
		return surrogateRef(data, e.Offset)
	case errName:
		return fifthEditionOnly(data)
	case errDepth:
		return std.maxDepth > diffMaxDepth
	}
	return false
}

var (
	exceptionsMu sync.Mutex
	exceptions   = map[errCode]int{}
)

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// TestDifferential runs the differential test on the documents of the repository (see corpus) and,
// but with -short or -race, on every prefix of the small ones (truncated documents).
func TestDifferential(t *testing.T) {
	docs := corpus(t)
	if len(docs) < 50 {
		t.Fatalf("only %d documents in the corpus", len(docs))
	}
	n := 0
	for _, doc := range docs {
		t.Run(doc.name, func(t *testing.T) {
			compare(t, doc.data)
			n++
			if len(doc.data) <= 2048 && !testing.Short() && !raceEnabled {
				for i := range len(doc.data) {
					compare(t, doc.data[:i])
					n++
				}
			}
		})
	}
	t.Logf("%d documents, %d inputs compared; documented exceptions met (by error code): %v", len(docs), n, exceptions)
}

// FuzzReader is the differential test on fuzzed input, seeded with the corpus.
//
//	go test -timeout 20m -run '^$' -fuzz '^FuzzReader$' -fuzztime 10m -parallel 1 ./soap/internal/xmlr
func FuzzReader(f *testing.F) {
	for _, doc := range corpus(f) {
		if len(doc.data) <= 64<<10 {
			f.Add(doc.data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compare(t, data)
		consistent(t, data)
	})
}
