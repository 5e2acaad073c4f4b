package xmlr

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

// The kinds of tokens Next returns.
const (
	// StartElement is a start tag (or an empty-element tag, which is followed by its EndElement).
	StartElement Kind = iota + 1
	// EndElement is an end tag.
	EndElement
	// Text is the character data between two tags: text, references, CDATA sections, with the
	// comments and processing instructions among them left out.
	Text
)

func (k Kind) String() string {
	switch k {
	case StartElement:
		return "StartElement"
	case EndElement:
		return "EndElement"
	case Text:
		return "Text"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Name is a resolved element or attribute name. Its slices point into the Reader's buffer (Space
// may point into memory of the Reader's own, for a namespace name written with references).
type Name struct {
	// NS identifies the namespace: compare it with the NS of a registered namespace (Intern).
	NS NS
	// Space is the namespace name; empty for no namespace.
	Space []byte
	// Prefix is the prefix the name was written with; empty for none.
	Prefix []byte
	// Local is the local name.
	Local []byte
}

// Attr is an attribute of a start tag (namespace declarations are not attributes: see Decl).
type Attr struct {
	Name Name
	// Value is the normalised value (XML 1.0 section 3.3.3, for an attribute of type CDATA: each
	// white space character, and each line break, became one space; references are replaced).
	Value []byte
}

// Binding is a namespace declaration: a prefix (empty for the default namespace) bound to a
// namespace name (empty when xmlns="" undeclares the default namespace).
type Binding struct {
	Prefix []byte
	URI    []byte
	NS     NS
}

// DefaultMaxDepth is the element nesting a Reader accepts unless MaxDepth says otherwise (the same
// as the soap runtime's).
const DefaultMaxDepth = 256

// Bounds of the unregistered namespaces a Reader remembers across documents.
const (
	maxLocal      = 32
	maxLocalBytes = 4096
)

// nbuckets is the number of hash chains of prefix bindings a Reader starts with (a power of two);
// they are multiplied by 8 whenever the bindings in scope outnumber them 4 to 1, so that a document
// declaring very many prefixes is still read in linear time.
const nbuckets = 64

// Reader reads one XML document held in a byte slice. See the package documentation.
type Reader struct {
	// MaxDepth limits element nesting; 0 means DefaultMaxDepth.
	MaxDepth int

	buf      []byte
	pos      int // where scanning resumes
	docStart int // after the byte order mark

	kind     Kind
	tokStart int

	// The current Text token: the raw run, whether it needs decoding, and the decoded text.
	textStart, textEnd int
	textDec, textDone  bool
	text               []byte

	raws  []rawAttr // attributes of the start tag being read, as written
	attrs []attr    // attributes of the current start tag (declarations left out)
	keys  []attrKey // expanded names, to check that they are unique

	stack []frame
	scope []binding // namespace bindings in scope, innermost last
	heads []int32   // the last binding of each hash chain, or -1
	// The last prefix looked up and its binding, while no binding of that prefix was declared
	// since and the binding is in scope.
	cachePrefix []byte
	cacheIdx    int32
	cacheOK     bool
	seed        maphash.Seed
	seeded      bool

	empty bool  // the current StartElement was an empty-element tag: its EndElement comes next
	pop   bool  // the element of the current EndElement is popped at the next call to Next
	root  uint8 // 0 before the root element, 1 inside it, 2 after it
	err   error // sticky

	local      map[string]NS // namespaces met that are not registered
	localBytes int           // the length of local's keys
	arena      []byte        // namespace names decoded from values written with references

	// Positions: newlines are counted up to mark.off over bytes not yet decoded in place.
	mark   lineMark
	tokPos struct {
		line, col int
		ok        bool
	}
}

type lineMark struct{ off, line, lineStart int }

type rawAttr struct {
	start, colon, end int // the qualified name; colon is -1 without a prefix
	vstart, vend      int // the value, between the quotes
	dec               bool
	decl              bool
}

type attr struct {
	name         Name
	nstart       int // the qualified name
	vstart, vend int
	dec          bool // the value still needs decoding
	val          []byte
}

type attrKey struct {
	ns    NS
	local []byte
	off   int
}

// frame is an open element. It holds no pointers (its name is made from offsets when asked for), so
// that pushing one costs no write barriers while the garbage collector runs.
type frame struct {
	start, colon, end int   // the qualified name as written (colon is -1 without a prefix)
	tag               int   // offset of the start tag
	scope             int32 // len(scope) before the element's declarations
	def               int32 // index in scope of the default namespace binding in force, or -1
	// bind is the index in scope of the binding of the element's namespace, or bindNone or bindXML.
	bind  int32
	ns    NS
	named bool // the name was read (the declarations were valid): Path shows it
}

// Values of frame.bind for names without a binding in scope.
const (
	bindNone = -1 // no namespace
	bindXML  = -2 // the prefix xml
)

// name returns the name of the element of f.
func (r *Reader) name(f *frame) Name {
	b := r.buf
	n := Name{NS: f.ns}
	if f.colon < 0 {
		n.Local = b[f.start:f.end]
	} else {
		n.Prefix, n.Local = b[f.start:f.colon], b[f.colon+1:f.end]
	}
	switch {
	case f.bind >= 0:
		n.Space = r.scope[f.bind].URI
	case f.bind == bindXML:
		n.Space = xmlNamespace
	}
	return n
}

// localName returns the local name of the element of f.
func (r *Reader) localName(f *frame) []byte {
	if f.colon < 0 {
		return r.buf[f.start:f.end]
	}
	return r.buf[f.colon+1 : f.end]
}

type binding struct {
	Binding
	next int32  // the previous binding in the same hash chain, or -1
	hash uint32 // the hash of the prefix
}

// NewReader returns a Reader reading buf. The Reader owns buf from then on: decoding text and
// attribute values rewrites parts of it in place.
func NewReader(buf []byte) *Reader {
	r := new(Reader)
	r.Reset(buf)
	return r
}

// Reset makes r read buf, keeping the memory it allocated. Every slice r returned before becomes
// invalid (buf may be the same memory as before).
func (r *Reader) Reset(buf []byte) {
	if !r.seeded {
		r.seed, r.seeded = maphash.MakeSeed(), true
	}
	*r = Reader{
		MaxDepth:   r.MaxDepth,
		buf:        buf,
		raws:       r.raws[:0],
		attrs:      r.attrs[:0],
		keys:       r.keys[:0],
		stack:      r.stack[:0],
		scope:      r.scope[:0],
		heads:      r.heads,
		seed:       r.seed,
		seeded:     true,
		local:      r.local,
		localBytes: r.localBytes,
		arena:      r.arena[:0],
		mark:       lineMark{line: 1},
	}
	// Unregistered namespaces are remembered from one document to the next (a client meets the same
	// few in every reply), within bounds.
	if len(r.local) > maxLocal || r.localBytes > maxLocalBytes {
		clear(r.local)
		r.localBytes = 0
	}
	if cap(r.heads) < nbuckets {
		r.heads = make([]int32, nbuckets)
	}
	r.heads = r.heads[:nbuckets]
	for i := range r.heads {
		r.heads[i] = -1
	}
	switch {
	case bytes.HasPrefix(buf, []byte("\xEF\xBB\xBF")):
		r.pos = 3
	case bytes.HasPrefix(buf, []byte("\xFE\xFF")), bytes.HasPrefix(buf, []byte("\xFF\xFE")):
		r.fail(0, errEncoding, "the document is UTF-16: only UTF-8 is supported")
	}
	r.docStart = r.pos
}

// Next reads the next token and returns its kind: StartElement, EndElement or Text. After the end
// tag of the root element it returns io.EOF; any other error is an *Error, and every later call
// returns it again.
func (r *Reader) Next() (Kind, error) {
	if r.err != nil {
		return 0, r.err
	}
	if r.empty {
		r.empty, r.pop, r.kind = false, true, EndElement
		return EndElement, nil
	}
	if r.pop {
		r.popElement()
	}
	for {
		p := r.pos
		b := r.buf
		r.tokStart, r.tokPos.ok, r.kind = p, false, 0
		if p >= len(b) {
			return 0, r.atEOF()
		}
		if b[p] == '<' {
			if p+1 >= len(b) {
				return 0, r.fail(p+1, errSyntax, "unexpected EOF")
			}
			switch b[p+1] {
			case '/':
				return r.endTag()
			case '!', '?':
				if len(r.stack) == 0 {
					if err := r.misc(p); err != nil {
						return 0, err
					}
					continue
				}
			default:
				return r.startTag()
			}
		} else if len(r.stack) == 0 {
			if err := r.outside(p); err != nil {
				return 0, err
			}
			continue
		}
		ok, err := r.textRun(p)
		if err != nil {
			return 0, err
		}
		if ok {
			return Text, nil
		}
	}
}

func (r *Reader) atEOF() error {
	switch {
	case len(r.stack) > 0:
		return r.fail(len(r.buf), errSyntax, "unexpected EOF: element <%s> is not closed", r.localName(&r.stack[len(r.stack)-1]))
	case r.root == 0:
		return r.fail(len(r.buf), errNoRoot, "no root element")
	}
	r.err = io.EOF
	return io.EOF
}

// startTag reads the start tag at r.pos.
func (r *Reader) startTag() (Kind, error) {
	b := r.buf
	tag := r.pos
	if r.root == 2 {
		return 0, r.fail(tag, errAfterRoot, "element after the root element")
	}
	max := r.MaxDepth
	if max <= 0 {
		max = DefaultMaxDepth
	}
	if len(r.stack) >= max {
		return 0, r.fail(tag, errDepth, "elements nested deeper than %d", max)
	}
	nstart := tag + 1
	colon, nend, err := r.qname(nstart)
	if err != nil {
		return 0, err
	}
	p := nend
	r.raws = r.raws[:0]
	empty := false
	for {
		q := p
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, r.fail(p, errSyntax, "unexpected EOF in start tag")
		}
		c := b[p]
		if c == '>' {
			p++
			break
		}
		if c == '/' {
			if p+1 < len(b) && b[p+1] == '>' {
				p += 2
				empty = true
				break
			}
			return 0, r.fail(p, errSyntax, "expected /> in element")
		}
		if p == q {
			if nameStart[c] || c == ':' || c >= utf8.RuneSelf {
				return 0, r.fail(p, errAttrSpace, "no white space before attribute")
			}
			return 0, r.fail(p, errSyntax, "invalid character %q in start tag", c)
		}
		a := rawAttr{start: p}
		if a.colon, a.end, err = r.qname(p); err != nil {
			return 0, err
		}
		for p = a.end; p < len(b) && isSpace(b[p]); p++ {
		}
		if p >= len(b) || b[p] != '=' {
			return 0, r.fail(p, errSyntax, "attribute name without = in element")
		}
		for p++; p < len(b) && isSpace(b[p]); p++ {
		}
		if p >= len(b) || b[p] != '"' && b[p] != '\'' {
			return 0, r.fail(p, errSyntax, "unquoted or missing attribute value in element")
		}
		a.vstart = p + 1
		if a.vend, a.dec, err = r.attrValue(p+1, b[p]); err != nil {
			return 0, err
		}
		p = a.vend + 1
		r.raws = append(r.raws, a)
	}
	r.pos = p
	return r.open(tag, nstart, colon, nend, empty)
}

// qname scans the qualified name at p: an NCName, or two separated by a colon.
func (r *Reader) qname(p int) (colon, end int, err error) {
	b := r.buf
	colon = -1
	for {
		if p >= len(b) {
			return 0, 0, r.fail(p, errSyntax, "unexpected EOF in name")
		}
		if c := b[p]; c < utf8.RuneSelf {
			if !nameStart[c] {
				if c == ':' {
					return 0, 0, r.fail(p, errQName, "a name must not start with a colon")
				}
				return 0, 0, r.fail(p, errName, "invalid character %q at the start of a name", c)
			}
			p++
		} else {
			ru, n := utf8.DecodeRune(b[p:])
			if ru == utf8.RuneError && n == 1 {
				// Not UTF-8 (DecodeRune reads it as U+FFFD, itself a name character).
				return 0, 0, r.fail(p, errUTF8, "invalid UTF-8")
			}
			if !isNameStartRune(ru) {
				return 0, 0, r.fail(p, errName, "invalid character %U at the start of a name", ru)
			}
			p += n
		}
		for p < len(b) {
			c := b[p]
			if nameByte[c] {
				p++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			ru, n := utf8.DecodeRune(b[p:])
			if ru == utf8.RuneError && n == 1 {
				return 0, 0, r.fail(p, errUTF8, "invalid UTF-8")
			}
			if !isNameRune(ru) {
				return 0, 0, r.fail(p, errName, "invalid character %U in a name", ru)
			}
			p += n
		}
		if p >= len(b) || b[p] != ':' {
			return colon, p, nil
		}
		if colon >= 0 {
			return 0, 0, r.fail(p, errQName, "a name must not have two colons")
		}
		colon = p
		p++
		if p >= len(b) || b[p] < utf8.RuneSelf && !nameStart[b[p]] {
			return 0, 0, r.fail(p, errQName, "a colon must be followed by a local name")
		}
	}
}

// attrValue scans an attribute value from p up to the quote that closes it.
func (r *Reader) attrValue(p int, quote byte) (end int, dec bool, err error) {
	b := r.buf
	for {
		for p < len(b) && class[b[p]]&stopAttr == 0 {
			p++
		}
		if p >= len(b) {
			return 0, false, r.fail(p, errSyntax, "unexpected EOF in attribute value")
		}
		switch c := b[p]; {
		case c == quote:
			return p, dec, nil
		case c == '"' || c == '\'':
			p++
		case c == '<':
			return 0, false, r.fail(p, errSyntax, "unescaped < inside quoted string")
		case c == '&':
			n, err := r.checkRef(p)
			if err != nil {
				return 0, false, err
			}
			p += n
			dec = true
		case c == '\t' || c == '\n' || c == '\r':
			p++
			dec = true
		default:
			if p, err = r.char(p); err != nil {
				return 0, false, err
			}
		}
	}
}

// char checks the character at p, one the scanning loops stopped at (a control character or a
// byte from 0x80 up), and returns the position after it.
func (r *Reader) char(p int) (int, error) {
	c := r.buf[p]
	if c < utf8.RuneSelf {
		return 0, r.fail(p, errChar, "illegal character code %U", rune(c))
	}
	ru, n := utf8.DecodeRune(r.buf[p:])
	if ru == utf8.RuneError && n == 1 {
		return 0, r.fail(p, errUTF8, "invalid UTF-8")
	}
	if !isChar(ru) {
		return 0, r.fail(p, errChar, "illegal character code %U", ru)
	}
	return p + n, nil
}

// checkRef checks the reference at p and returns its length.
func (r *Reader) checkRef(p int) (int, error) {
	_, n := ref(r.buf[p:])
	if n == 0 {
		s := r.buf[p:min(len(r.buf), p+12)]
		if i := bytes.IndexByte(s, ';'); i >= 0 {
			s = s[:i+1]
		}
		if bytes.HasPrefix(s, []byte("&#")) {
			return 0, r.fail(p, errCharRef, "invalid character reference %s", s)
		}
		return 0, r.fail(p, errEntity, "invalid character entity %s", s)
	}
	return n, nil
}

// ref decodes the reference at the start of b (b[0] == '&'): a character reference to a character
// XML allows, or one of the five predefined entities. It returns the character and the length of
// the reference, or a length of 0 if it is not valid.
func ref(b []byte) (rune, int) {
	if len(b) < 4 {
		return 0, 0
	}
	if b[1] != '#' {
		switch {
		case bytes.HasPrefix(b[1:], []byte("lt;")):
			return '<', 4
		case bytes.HasPrefix(b[1:], []byte("gt;")):
			return '>', 4
		case bytes.HasPrefix(b[1:], []byte("amp;")):
			return '&', 5
		case bytes.HasPrefix(b[1:], []byte("apos;")):
			return '\'', 6
		case bytes.HasPrefix(b[1:], []byte("quot;")):
			return '"', 6
		}
		return 0, 0
	}
	i, v := 2, 0
	if b[i] == 'x' {
		for i++; i < len(b); i++ {
			c := b[i]
			var d int
			switch {
			case '0' <= c && c <= '9':
				d = int(c - '0')
			case 'a' <= c && c <= 'f':
				d = int(c-'a') + 10
			case 'A' <= c && c <= 'F':
				d = int(c-'A') + 10
			default:
				goto end
			}
			if v <= utf8.MaxRune {
				v = v<<4 | d
			}
		}
	} else {
		for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
			if v <= utf8.MaxRune {
				v = v*10 + int(b[i]-'0')
			}
		}
	}
end:
	if i >= len(b) || b[i] != ';' || b[i-1] == '#' || b[i-1] == 'x' && b[i-2] == '#' || v > utf8.MaxRune || !isChar(rune(v)) {
		return 0, 0
	}
	return rune(v), i + 1
}

// open processes the start tag just scanned: the namespace declarations, the names, the rules.
func (r *Reader) open(tag, nstart, colon, nend int, empty bool) (Kind, error) {
	b := r.buf
	def := int32(-1)
	if n := len(r.stack); n > 0 {
		def = r.stack[n-1].def
	}
	// An error leaves the frame on the stack, but the Reader stops then.
	r.stack = append(r.stack, frame{start: nstart, colon: colon, end: nend, tag: tag, scope: int32(len(r.scope)), def: def})
	f := &r.stack[len(r.stack)-1]
	r.attrs = r.attrs[:0]
	if len(r.raws) > 0 {
		if err := r.declare(f); err != nil {
			return 0, err
		}
	}
	f.named = true
	if err := r.resolveElem(f); err != nil {
		return 0, err
	}
	if len(r.raws) > 0 {
		for i := range r.raws {
			a := &r.raws[i]
			if a.decl {
				continue
			}
			r.attrs = append(r.attrs, attr{nstart: a.start, vstart: a.vstart, vend: a.vend, dec: a.dec, val: b[a.vstart:a.vend]})
			if err := r.resolve(&r.attrs[len(r.attrs)-1].name, a.start, a.colon, a.end); err != nil {
				return 0, err
			}
		}
		if len(r.raws) > 1 {
			if err := r.unique(); err != nil {
				return 0, err
			}
		}
	}
	r.empty = empty
	r.kind = StartElement
	r.root = 1
	return StartElement, nil
}

// declare puts the namespace declarations of the start tag in scope.
func (r *Reader) declare(f *frame) error {
	b := r.buf
	for i := range r.raws {
		a := &r.raws[i]
		var prefix []byte
		if a.colon < 0 {
			if string(b[a.start:a.end]) != "xmlns" {
				continue
			}
		} else {
			if string(b[a.start:a.colon]) != "xmlns" {
				continue
			}
			prefix = b[a.colon+1 : a.end]
		}
		a.decl = true
		uri := b[a.vstart:a.vend]
		if a.dec {
			n := len(r.arena)
			r.arena = append(r.arena, uri...)
			w := decodeAttr(r.arena[n:], r.arena[n:])
			uri = r.arena[n : n+w : n+w]
		}
		// Namespaces in XML 1.0, section 3: the reserved prefixes and namespace names.
		switch {
		case string(prefix) == "xmlns":
			return r.fail(a.start, errReserved, "the prefix xmlns must not be declared")
		case string(prefix) == "xml":
			if string(uri) != XMLNamespace {
				return r.fail(a.start, errReserved, "the prefix xml must not be bound to any namespace but %s", XMLNamespace)
			}
		case string(uri) == XMLNamespace || string(uri) == XMLNSNamespace:
			return r.fail(a.start, errReserved, "the namespace %s must not be bound to a prefix other than its own, nor be the default namespace", uri)
		case a.colon >= 0 && len(uri) == 0:
			return r.fail(a.start, errUndeclare, "xmlns:%s=\"\": a prefix cannot be undeclared (Namespaces in XML 1.0)", prefix)
		}
		bd := binding{Binding: Binding{Prefix: prefix, URI: uri}, next: -1}
		if len(uri) > 0 {
			bd.NS = r.ns(uri)
		}
		idx := int32(len(r.scope))
		if a.colon < 0 {
			f.def = idx
		} else {
			bd.hash = r.hash(prefix)
			b := r.bucket(bd.hash)
			bd.next = r.heads[b]
			r.heads[b] = idx
			if r.cacheOK && string(prefix) == string(r.cachePrefix) {
				r.cacheOK = false
			}
		}
		r.scope = append(r.scope, bd)
		if len(r.scope) > 4*len(r.heads) {
			r.rehash(8 * len(r.heads))
		}
	}
	return nil
}

func (r *Reader) hash(prefix []byte) uint32 { return uint32(maphash.Bytes(r.seed, prefix)) }

func (r *Reader) bucket(h uint32) uint32 { return h & uint32(len(r.heads)-1) }

// rehash spreads the prefix bindings in scope over n hash chains.
func (r *Reader) rehash(n int) {
	r.heads = slices.Grow(r.heads[:0], n)[:n]
	for i := range r.heads {
		r.heads[i] = -1
	}
	for i := range r.scope {
		bd := &r.scope[i]
		if len(bd.Prefix) == 0 {
			continue // the default namespace is not in a chain
		}
		b := r.bucket(bd.hash)
		bd.next = r.heads[b]
		r.heads[b] = int32(i)
	}
}

// lookup returns the index in scope of the binding of prefix (not empty), or -1.
func (r *Reader) lookup(prefix []byte) int32 {
	if r.cacheOK && string(prefix) == string(r.cachePrefix) {
		return r.cacheIdx
	}
	for i := r.heads[r.bucket(r.hash(prefix))]; i >= 0; i = r.scope[i].next {
		if bytes.Equal(r.scope[i].Prefix, prefix) {
			r.cachePrefix, r.cacheIdx, r.cacheOK = r.scope[i].Prefix, i, true
			return i
		}
	}
	return -1
}

var xmlNamespace = []byte(XMLNamespace)

// resolve resolves the qualified name b[start:end] of an attribute into n, which is zero (an
// unprefixed attribute is in no namespace). Element names are resolved by resolveElem.
func (r *Reader) resolve(n *Name, start, colon, end int) error {
	b := r.buf
	if colon < 0 {
		n.Local = b[start:end]
		return nil
	}
	n.Prefix, n.Local = b[start:colon], b[colon+1:end]
	if r.cacheOK && string(n.Prefix) == string(r.cachePrefix) { // never xml nor xmlns
		bd := &r.scope[r.cacheIdx]
		n.NS, n.Space = bd.NS, bd.URI
		return nil
	}
	switch string(n.Prefix) {
	case "xml":
		n.NS, n.Space = XML, xmlNamespace
		return nil
	case "xmlns":
		return r.fail(start, errReserved, "an element name must not have the prefix xmlns")
	}
	i := r.lookup(n.Prefix)
	if i < 0 {
		return r.fail(start, errUnbound, "undeclared namespace prefix %q", n.Prefix)
	}
	n.NS, n.Space = r.scope[i].NS, r.scope[i].URI
	return nil
}

// resolveElem resolves the name of the element of f: its namespace.
func (r *Reader) resolveElem(f *frame) error {
	if f.colon < 0 {
		f.bind, f.ns = bindNone, NoNamespace
		if f.def >= 0 {
			f.bind, f.ns = f.def, r.scope[f.def].NS
		}
		return nil
	}
	prefix := r.buf[f.start:f.colon]
	if r.cacheOK && string(prefix) == string(r.cachePrefix) { // never xml nor xmlns
		f.bind, f.ns = r.cacheIdx, r.scope[r.cacheIdx].NS
		return nil
	}
	f.bind, f.ns = bindNone, NoNamespace
	switch string(prefix) {
	case "xml":
		f.bind, f.ns = bindXML, XML
		return nil
	case "xmlns":
		return r.fail(f.start, errReserved, "an element name must not have the prefix xmlns")
	}
	i := r.lookup(prefix)
	if i < 0 {
		return r.fail(f.start, errUnbound, "undeclared namespace prefix %q", prefix)
	}
	f.bind, f.ns = i, r.scope[i].NS
	return nil
}

// unique checks that no two attributes of the start tag (namespace declarations included) have the
// same expanded name (XML 1.0 section 3.1, Unique Att Spec; Namespaces in XML 1.0 section 6.3).
func (r *Reader) unique() error {
	b := r.buf
	keys := r.keys[:0]
	for i := range r.raws {
		a := &r.raws[i]
		if a.decl {
			k := attrKey{ns: XMLNS, off: a.start}
			if a.colon >= 0 {
				k.local = b[a.colon+1 : a.end]
			}
			keys = append(keys, k)
		}
	}
	for i := range r.attrs {
		a := &r.attrs[i]
		keys = append(keys, attrKey{ns: a.name.NS, local: a.name.Local, off: a.vstart})
	}
	r.keys = keys
	dup := -1
	if len(keys) <= 16 {
	outer:
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				if keys[i].ns == keys[j].ns && bytes.Equal(keys[i].local, keys[j].local) {
					dup = j
					break outer
				}
			}
		}
	} else {
		sortKeys(keys)
		for i := 1; i < len(keys); i++ {
			if keys[i-1].ns == keys[i].ns && bytes.Equal(keys[i-1].local, keys[i].local) {
				dup = i
				if keys[i-1].off > keys[i].off {
					dup = i - 1
				}
				break
			}
		}
	}
	if dup < 0 {
		return nil
	}
	k := keys[dup]
	return r.fail(k.off, errDupAttr, "attribute {%s}%s appears twice", r.uriOf(k.ns), k.local)
}

func (r *Reader) uriOf(ns NS) string {
	if ns&Local == 0 {
		return ns.URI()
	}
	for uri, id := range r.local {
		if id == ns {
			return uri
		}
	}
	return ""
}

// popElement drops the element of the last EndElement and its namespace declarations.
func (r *Reader) popElement() {
	f := &r.stack[len(r.stack)-1]
	if n := int(f.scope); n < len(r.scope) {
		for i := len(r.scope) - 1; i >= n; i-- {
			if bd := &r.scope[i]; len(bd.Prefix) > 0 {
				r.heads[r.bucket(bd.hash)] = bd.next
			}
		}
		r.scope = r.scope[:n]
		if r.cacheIdx >= int32(n) {
			r.cacheOK = false
		}
	}
	r.stack = r.stack[:len(r.stack)-1]
	if len(r.stack) == 0 {
		r.root = 2
	}
	r.pop = false
}

// endTag reads the end tag at r.pos.
func (r *Reader) endTag() (Kind, error) {
	b := r.buf
	tag := r.pos
	p := tag + 2
	if len(r.stack) == 0 {
		return 0, r.fail(tag, errSyntax, "unexpected end element")
	}
	f := &r.stack[len(r.stack)-1]
	name := b[f.start:f.end]
	if e := p + len(name); e < len(b) && bytes.Equal(b[p:e], name) && (b[e] == '>' || isSpace(b[e])) {
		p = e
	} else {
		_, end, err := r.qname(p)
		if err != nil {
			return 0, err
		}
		if end >= len(b) { // the document ends inside the end tag
			return 0, r.fail(end, errSyntax, "unexpected EOF in end tag")
		}
		return 0, r.fail(tag, errSyntax, "element <%s> closed by </%s>", name, b[p:end])
	}
	for p < len(b) && isSpace(b[p]) {
		p++
	}
	if p >= len(b) {
		return 0, r.fail(p, errSyntax, "unexpected EOF in end tag")
	}
	if b[p] != '>' {
		return 0, r.fail(p, errSyntax, "invalid characters between </%s and >", name)
	}
	r.pos = p + 1
	r.kind, r.pop = EndElement, true
	return EndElement, nil
}

// textRun scans the character data from p up to the next tag. It reports whether there was any
// (a run of comments and processing instructions alone is not a Text token).
func (r *Reader) textRun(p int) (bool, error) {
	b := r.buf
	start := p
	dec, has := false, false
	var err error
	for {
		q := p
		for p < len(b) && class[b[p]]&stopText == 0 {
			p++
		}
		if p > q {
			has = true
		}
		if p >= len(b) {
			break
		}
		c := b[p]
		if c == '<' {
			if p+1 < len(b) && b[p+1] == '!' {
				switch {
				case bytes.HasPrefix(b[p:], []byte("<!--")):
					p, err = r.comment(p)
				case bytes.HasPrefix(b[p:], []byte("<![CDATA[")):
					var n int
					p, n, err = r.cdata(p)
					has = has || n > 0
				default:
					err = r.markupDecl(p)
				}
				if err != nil {
					return false, err
				}
				dec = true
				continue
			}
			if p+1 < len(b) && b[p+1] == '?' {
				if p, err = r.pi(p); err != nil {
					return false, err
				}
				dec = true
				continue
			}
			break
		}
		has = true
		switch {
		case c == '&':
			n, err := r.checkRef(p)
			if err != nil {
				return false, err
			}
			p += n
			dec = true
		case c == '\r':
			p++
			dec = true
		case c == ']':
			if bytes.HasPrefix(b[p:], []byte("]]>")) {
				return false, r.fail(p, errSyntax, "unescaped ]]> not in CDATA section")
			}
			p++
		default:
			if p, err = r.char(p); err != nil {
				return false, err
			}
		}
	}
	r.pos = p
	if !has {
		return false, nil
	}
	r.kind = Text
	r.textStart, r.textEnd, r.textDec, r.textDone = start, p, dec, false
	return true, nil
}

// comment scans the comment at p and returns the position after it.
func (r *Reader) comment(p int) (int, error) {
	b := r.buf
	for p += 4; ; {
		for p < len(b) && class[b[p]]&stopComment == 0 {
			p++
		}
		if p >= len(b) {
			return 0, r.fail(p, errSyntax, "unexpected EOF in comment")
		}
		if b[p] == '-' {
			if p+1 < len(b) && b[p+1] == '-' {
				if p+2 < len(b) && b[p+2] == '>' {
					return p + 3, nil
				}
				return 0, r.fail(p, errSyntax, `invalid sequence "--" not allowed in comments`)
			}
			p++
			continue
		}
		var err error
		if p, err = r.char(p); err != nil {
			return 0, err
		}
	}
}

// cdata scans the CDATA section at p and returns the position after it and the length of its
// content.
func (r *Reader) cdata(p int) (int, int, error) {
	b := r.buf
	start := p + 9
	for p = start; ; {
		for p < len(b) && class[b[p]]&stopCDATA == 0 {
			p++
		}
		if p >= len(b) {
			return 0, 0, r.fail(p, errSyntax, "unexpected EOF in CDATA section")
		}
		switch c := b[p]; {
		case c == ']':
			if bytes.HasPrefix(b[p:], []byte("]]>")) {
				return p + 3, p - start, nil
			}
			p++
		case c == '\r':
			p++
		default:
			var err error
			if p, err = r.char(p); err != nil {
				return 0, 0, err
			}
		}
	}
}

// pi scans the processing instruction at p and returns the position after it.
func (r *Reader) pi(p int) (int, error) {
	b := r.buf
	tstart := p + 2
	end, err := r.piTarget(tstart)
	if err != nil {
		return 0, err
	}
	if target := b[tstart:end]; len(target) == 3 && strings.EqualFold(string(target), "xml") {
		switch {
		case string(target) != "xml":
			return 0, r.fail(tstart, errPITarget, "the processing instruction target %s is reserved", target)
		case tstart-2 != r.docStart:
			return 0, r.fail(p, errPITarget, "the XML declaration is only allowed at the start of the document")
		}
		return r.xmlDecl(end)
	}
	p = end
	if p+1 < len(b) && b[p] == '?' && b[p+1] == '>' {
		return p + 2, nil
	}
	if p >= len(b) || !isSpace(b[p]) {
		return 0, r.fail(p, errPITarget, "white space must follow a processing instruction target")
	}
	for {
		for p < len(b) && class[b[p]]&stopPI == 0 {
			p++
		}
		if p >= len(b) {
			return 0, r.fail(p, errSyntax, "unexpected EOF in processing instruction")
		}
		if b[p] == '?' {
			if p+1 < len(b) && b[p+1] == '>' {
				return p + 2, nil
			}
			p++
			continue
		}
		if p, err = r.char(p); err != nil {
			return 0, err
		}
	}
}

// piTarget scans the target of a processing instruction at p: a Name (production [5]) without a
// colon (Namespaces in XML 1.0, section 7).
func (r *Reader) piTarget(p int) (int, error) {
	b := r.buf
	start := p
	for p < len(b) {
		c := b[p]
		if c < utf8.RuneSelf {
			if !nameByte[c] && c != ':' || p == start && !nameStart[c] && c != ':' {
				break
			}
			p++
			continue
		}
		ru, n := utf8.DecodeRune(b[p:])
		if ru == utf8.RuneError && n == 1 {
			return 0, r.fail(p, errUTF8, "invalid UTF-8")
		}
		if p == start && !isNameStartRune(ru) || !isNameRune(ru) {
			return 0, r.fail(p, errName, "invalid character %U in a processing instruction target", ru)
		}
		p += n
	}
	switch {
	case p >= len(b):
		return 0, r.fail(p, errSyntax, "unexpected EOF in processing instruction")
	case p == start:
		return 0, r.fail(p, errSyntax, "expected target name after <?")
	case bytes.IndexByte(b[start:p], ':') >= 0:
		return 0, r.fail(start, errPITarget, "a processing instruction target must not contain a colon")
	}
	return p, nil
}

// xmlDecl reads the XML declaration from p, after "<?xml" (production [23] XMLDecl): a version
// (1.0), optionally an encoding (UTF-8 or US-ASCII, its subset) and a standalone declaration.
func (r *Reader) xmlDecl(p int) (int, error) {
	b := r.buf
	seen := 0
	for _, name := range []string{"version", "encoding", "standalone"} {
		q := p
		for q < len(b) && isSpace(b[q]) {
			q++
		}
		if q == p || !bytes.HasPrefix(b[q:], []byte(name)) {
			if name == "version" {
				return 0, r.fail(q, errDecl, "the XML declaration must start with the version")
			}
			continue
		}
		for q += len(name); q < len(b) && isSpace(b[q]); q++ {
		}
		if q >= len(b) || b[q] != '=' {
			return 0, r.fail(q, errDecl, "malformed XML declaration")
		}
		for q++; q < len(b) && isSpace(b[q]); q++ {
		}
		if q >= len(b) || b[q] != '"' && b[q] != '\'' {
			return 0, r.fail(q, errDecl, "malformed XML declaration")
		}
		e := bytes.IndexByte(b[q+1:], b[q])
		if e < 0 {
			return 0, r.fail(q, errDecl, "unexpected EOF in the XML declaration")
		}
		v := string(b[q+1 : q+1+e])
		switch name {
		case "version":
			if v != "1.0" {
				return 0, r.fail(q, errVersion, "unsupported XML version %q; only version 1.0 is supported", v)
			}
		case "encoding":
			if !encName(v) {
				return 0, r.fail(q, errDecl, "malformed encoding name %q", v)
			}
			switch strings.ToLower(v) {
			case "utf-8", "utf8", "us-ascii", "ascii":
			default:
				return 0, r.fail(q, errEncoding, "unsupported character encoding %q (only UTF-8 is accepted)", v)
			}
		case "standalone":
			if v != "yes" && v != "no" {
				return 0, r.fail(q, errDecl, "standalone must be yes or no, not %q", v)
			}
		}
		seen++
		p = q + 2 + e
	}
	for p < len(b) && isSpace(b[p]) {
		p++
	}
	if !bytes.HasPrefix(b[p:], []byte("?>")) {
		return 0, r.fail(p, errDecl, "malformed XML declaration")
	}
	return p + 2, nil
}

// encName reports whether s matches production [81] EncName.
func encName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return s != ""
}

// markupDecl reports a <! that begins neither a comment nor a CDATA section.
func (r *Reader) markupDecl(p int) error {
	if bytes.HasPrefix(r.buf[p:], []byte("<!DOCTYPE")) {
		return r.fail(p, errDTD, "document type declarations are not accepted")
	}
	return r.fail(p, errDTD, "markup declarations are not accepted")
}

// misc reads a comment, processing instruction (or the XML declaration) outside the root element.
func (r *Reader) misc(p int) error {
	b := r.buf
	var err error
	switch {
	case b[p+1] == '?':
		p, err = r.pi(p)
	case bytes.HasPrefix(b[p:], []byte("<!--")):
		p, err = r.comment(p)
	case bytes.HasPrefix(b[p:], []byte("<![CDATA[")):
		err = r.fail(p, errOutside, "CDATA section outside the root element")
	default:
		err = r.markupDecl(p)
	}
	r.pos = p
	return err
}

// outside reads white space outside the root element; anything else is an error.
func (r *Reader) outside(p int) error {
	b := r.buf
	for p < len(b) && isSpace(b[p]) {
		p++
	}
	r.pos = p
	if p < len(b) && b[p] != '<' {
		if r.root == 0 {
			return r.fail(p, errOutside, "text before the root element")
		}
		return r.fail(p, errOutside, "text after the root element")
	}
	return nil
}

// Name returns the name of the current StartElement or EndElement.
func (r *Reader) Name() Name {
	if r.kind == StartElement || r.kind == EndElement {
		return r.name(&r.stack[len(r.stack)-1])
	}
	return Name{}
}

// NS returns the namespace of the current StartElement or EndElement.
func (r *Reader) NS() NS {
	if r.kind == StartElement || r.kind == EndElement {
		return r.stack[len(r.stack)-1].ns
	}
	return 0
}

// Local returns the local name of the current StartElement or EndElement.
func (r *Reader) Local() []byte {
	if r.kind == StartElement || r.kind == EndElement {
		return r.localName(&r.stack[len(r.stack)-1])
	}
	return nil
}

// Is reports whether the current StartElement or EndElement has the namespace ns and the local
// name local.
func (r *Reader) Is(ns NS, local string) bool {
	if r.kind != StartElement && r.kind != EndElement {
		return false
	}
	f := &r.stack[len(r.stack)-1]
	return f.ns == ns && string(r.localName(f)) == local
}

// Kind returns the kind of the current token (0 before the first and after an error or the end).
func (r *Reader) Kind() Kind { return r.kind }

// Depth returns the number of open elements: 1 for the root element's StartElement and EndElement.
func (r *Reader) Depth() int { return len(r.stack) }

// NumAttr returns the number of attributes of the current StartElement, namespace declarations left
// out.
func (r *Reader) NumAttr() int {
	if r.kind != StartElement {
		return 0
	}
	return len(r.attrs)
}

// Attr returns attribute i of the current StartElement (0 <= i < NumAttr()), in document order. Its
// value is decoded in place the first time it is asked for.
func (r *Reader) Attr(i int) Attr {
	a := &r.attrs[i]
	if a.dec {
		r.protect(a.vend)
		w := decodeAttr(r.buf[a.vstart:a.vend], r.buf[a.vstart:a.vend])
		a.val = r.buf[a.vstart : a.vstart+w : a.vstart+w]
		a.dec = false
	}
	return Attr{Name: a.name, Value: a.val}
}

// AttrOffsets returns where attribute i of the current StartElement (0 <= i < NumAttr()) is written
// in the document: the offset of its qualified name, and that of its value, between the quotes (where
// Attr decodes it in place).
func (r *Reader) AttrOffsets(i int) (name, value int) {
	a := &r.attrs[i]
	return a.nstart, a.vstart
}

// AttrValue returns the value of the attribute of the current StartElement named {ns}local.
func (r *Reader) AttrValue(ns NS, local string) ([]byte, bool) {
	if r.kind != StartElement {
		return nil, false
	}
	for i := range r.attrs {
		if a := &r.attrs[i]; a.name.NS == ns && string(a.name.Local) == local {
			return r.Attr(i).Value, true
		}
	}
	return nil, false
}

// NumDecl returns the number of namespace declarations on the current StartElement.
func (r *Reader) NumDecl() int {
	if r.kind != StartElement {
		return 0
	}
	return len(r.scope) - int(r.stack[len(r.stack)-1].scope)
}

// Decl returns namespace declaration i of the current StartElement (0 <= i < NumDecl()).
func (r *Reader) Decl(i int) Binding {
	return r.scope[int(r.stack[len(r.stack)-1].scope)+i].Binding
}

// AppendScope appends the namespace bindings in scope to dst, outermost first (a later binding of a
// prefix shadows an earlier one), and returns the result. The prefix xml is not listed.
func (r *Reader) AppendScope(dst []Binding) []Binding {
	for i := range r.scope {
		dst = append(dst, r.scope[i].Binding)
	}
	return dst
}

// Lookup returns the namespace bound to prefix where the current token is (for a StartElement or
// EndElement, on that element): the default namespace for an empty prefix, the XML namespace for
// xml. The prefix xmlns is bound to nothing.
func (r *Reader) Lookup(prefix []byte) (Binding, bool) {
	switch string(prefix) {
	case "":
		if n := len(r.stack); n > 0 && r.stack[n-1].def >= 0 {
			return r.scope[r.stack[n-1].def].Binding, true
		}
		return Binding{}, true
	case "xml":
		return Binding{Prefix: prefix, URI: xmlNamespace, NS: XML}, true
	case "xmlns":
		return Binding{}, false
	}
	if i := r.lookup(prefix); i >= 0 {
		return r.scope[i].Binding, true
	}
	return Binding{}, false
}

// ResolveQName resolves a QName written in content (an xsi:type value, an xs:QName): leading and
// trailing white space is ignored, an unprefixed name takes the default namespace.
func (r *Reader) ResolveQName(v []byte) (Name, error) {
	v = bytes.TrimFunc(v, func(c rune) bool { return c < utf8.RuneSelf && isSpace(byte(c)) })
	prefix, local, ok := bytes.Cut(v, []byte(":"))
	if !ok {
		prefix, local = nil, v
	}
	if !isNCName(local) || ok && !isNCName(prefix) {
		return Name{}, r.Errorf("%q is not a valid QName", v)
	}
	if string(prefix) == "xmlns" {
		return Name{}, r.Errorf("QName %q: the prefix xmlns is reserved for namespace declarations", v)
	}
	bd, found := r.Lookup(prefix)
	if !found {
		return Name{}, r.Errorf("QName %q: prefix %q is not declared", v, prefix)
	}
	return Name{NS: bd.NS, Space: bd.URI, Prefix: prefix, Local: local}, nil
}

// isNCName reports whether b is a name without a colon (Namespaces in XML 1.0, production [4]).
func isNCName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if i == 0 && !nameStart[c] || !nameByte[c] {
				return false
			}
			i++
			continue
		}
		ru, n := utf8.DecodeRune(b[i:])
		if ru == utf8.RuneError && n == 1 || i == 0 && !isNameStartRune(ru) || !isNameRune(ru) {
			return false
		}
		i += n
	}
	return true
}

// Text returns the character data of the current Text token, decoded (line breaks normalised,
// references replaced, CDATA sections unwrapped, comments and processing instructions removed).
// It is decoded in place the first time it is asked for.
func (r *Reader) Text() []byte {
	if r.kind != Text {
		return nil
	}
	if !r.textDone {
		if r.textDec {
			r.protect(r.textEnd)
			w := decodeText(r.buf, r.textStart, r.textEnd)
			r.text = r.buf[r.textStart:w:w]
		} else {
			r.text = r.buf[r.textStart:r.textEnd:r.textEnd]
		}
		r.textDone = true
	}
	return r.text
}

// decodeText decodes the character data b[start:end], scanned by textRun, in place and returns the
// end of the decoded text.
func decodeText(b []byte, start, end int) int {
	w, i := start, start
	for i < end {
		j := i
		for j < end && class[b[j]]&stopDecode == 0 {
			j++
		}
		if j > i {
			if w != i {
				copy(b[w:], b[i:j])
			}
			w += j - i
			i = j
		}
		if i >= end {
			break
		}
		switch b[i] {
		case '&':
			ru, n := ref(b[i:end])
			w += utf8.EncodeRune(b[w:], ru)
			i += n
		case '\r':
			b[w] = '\n'
			w++
			if i++; i < end && b[i] == '\n' {
				i++
			}
		default: // '<': a comment, processing instruction or CDATA section
			switch {
			case b[i+1] == '?':
				i += 2 + bytes.Index(b[i+2:end], []byte("?>")) + 2
			case b[i+2] == '-':
				i += 4 + bytes.Index(b[i+4:end], []byte("-->")) + 3
			default:
				i += 9
				k := i + bytes.Index(b[i:end], []byte("]]>"))
				for i < k {
					if c := b[i]; c != '\r' {
						b[w] = c
						w++
						i++
						continue
					}
					b[w] = '\n'
					w++
					if i++; i < k && b[i] == '\n' {
						i++
					}
				}
				i = k + 3
			}
		}
	}
	return w
}

// decodeAttr decodes the attribute value src into dst (which may be the same memory, or memory no
// shorter) and returns its length: references replaced, white space normalised (XML 1.0 sections
// 2.11 and 3.3.3).
func decodeAttr(dst, src []byte) int {
	w, i := 0, 0
	for i < len(src) {
		j := i
		for j < len(src) && class[src[j]]&stopDecAttr == 0 {
			j++
		}
		if j > i {
			copy(dst[w:], src[i:j])
			w += j - i
			i = j
		}
		if i >= len(src) {
			break
		}
		switch src[i] {
		case '&':
			ru, n := ref(src[i:])
			w += utf8.EncodeRune(dst[w:], ru)
			i += n
		case '\r':
			dst[w] = ' '
			w++
			if i++; i < len(src) && src[i] == '\n' {
				i++
			}
		default:
			dst[w] = ' '
			w++
			i++
		}
	}
	return w
}

// Offset returns the byte offset in the document of the current token.
func (r *Reader) Offset() int { return r.tokStart }

// InputOffset returns the byte offset in the document where reading resumes.
func (r *Reader) InputOffset() int { return r.pos }

// Path returns the slash-separated local names of the open elements.
func (r *Reader) Path() string {
	var sb strings.Builder
	for i := range r.stack {
		if i > 0 {
			sb.WriteByte('/')
		}
		if f := &r.stack[i]; f.named {
			sb.Write(r.localName(f))
		}
	}
	return sb.String()
}

// Child reads up to the next child element of the element being read and reports whether there is
// one; if not, it has read that element's EndElement. Character data before it is skipped.
func (r *Reader) Child() (bool, error) {
	for {
		k, err := r.Next()
		if err != nil {
			return false, err
		}
		switch k {
		case StartElement:
			return true, nil
		case EndElement:
			return false, nil
		}
	}
}

// ReadText reads the content of the current StartElement as simple content, up to and including
// its EndElement, and returns its text (decoded, in place). A child element is an error.
func (r *Reader) ReadText() ([]byte, error) {
	if r.kind != StartElement {
		return nil, r.Errorf("ReadText called on a %v", r.kind)
	}
	if text, ok := r.plainText(); ok {
		return text, nil
	}
	k, err := r.Next()
	if err != nil {
		return nil, err
	}
	var text []byte
	if k == Text {
		text = r.Text()
		if k, err = r.Next(); err != nil {
			return nil, err
		}
	}
	if k == StartElement {
		return nil, r.Errorf("element <%s> inside simple content", r.Local())
	}
	return text, nil
}

// plainText is ReadText's fast path, for the content of most simple elements: character data
// without references, carriage returns, CDATA sections, comments or processing instructions,
// followed by the end tag of the current StartElement written as its start tag's name and ">". It
// reads both tokens (leaving the Reader as Next would) and reports whether it could; if not, it
// has changed nothing and ReadText reads the content token by token.
func (r *Reader) plainText() ([]byte, bool) {
	if r.empty || r.err != nil {
		return nil, false
	}
	b := r.buf
	start := r.pos
	p := start
	for {
		for p < len(b) && class[b[p]]&stopText == 0 {
			p++
		}
		if p >= len(b) || b[p] < utf8.RuneSelf {
			break
		}
		ru, n := utf8.DecodeRune(b[p:])
		if ru == utf8.RuneError && n == 1 || !isChar(ru) {
			return nil, false // reported by the token-by-token reading, where it is
		}
		p += n
	}
	if p+1 >= len(b) || b[p] != '<' || b[p+1] != '/' {
		return nil, false
	}
	f := &r.stack[len(r.stack)-1]
	name := b[f.start:f.end]
	e := p + 2 + len(name)
	if e >= len(b) || b[e] != '>' || string(b[p+2:e]) != string(name) {
		return nil, false
	}
	var text []byte
	if p > start {
		text = b[start:p:p]
	}
	r.pos, r.tokStart, r.tokPos.ok = e+1, p, false
	r.kind, r.pop = EndElement, true
	return text, true
}

// Skip reads the rest of the current StartElement, up to and including its EndElement, checking it
// as Next does but decoding nothing.
func (r *Reader) Skip() error {
	if r.kind != StartElement {
		return r.Errorf("Skip called on a %v", r.kind)
	}
	depth := len(r.stack)
	for {
		k, err := r.Next()
		if err != nil {
			return err
		}
		if k == EndElement && len(r.stack) == depth {
			return nil
		}
	}
}

// SkipRaw is Skip, returning the element's bytes from its start tag to its end tag as they are in
// the document (but for attribute values of its start tag already decoded by Attr or AttrValue).
func (r *Reader) SkipRaw() ([]byte, error) {
	if r.kind != StartElement {
		return nil, r.Errorf("SkipRaw called on a %v", r.kind)
	}
	start := r.stack[len(r.stack)-1].tag
	if err := r.Skip(); err != nil {
		return nil, err
	}
	return r.buf[start:r.pos:r.pos], nil
}

// Token is a token kept by Capture.
type Token struct {
	Kind Kind
	// Name is the element's name (StartElement and EndElement).
	Name Name
	// Attr and Decl are the attributes and namespace declarations of a StartElement.
	Attr []Attr
	Decl []Binding
	// Text is the decoded character data of a Text token.
	Text []byte
	// Offset is the token's offset in the document.
	Offset int
}

// Capture reads the rest of the current StartElement, up to and including its EndElement, and
// appends its tokens to dst, the StartElement first. The tokens' slices stay valid until the Reader
// is Reset.
func (r *Reader) Capture(dst []Token) ([]Token, error) {
	if r.kind != StartElement {
		return dst, r.Errorf("Capture called on a %v", r.kind)
	}
	depth := len(r.stack)
	for {
		t := Token{Kind: r.kind, Offset: r.tokStart}
		switch r.kind {
		case StartElement:
			t.Name = r.Name()
			if n := r.NumAttr(); n > 0 {
				t.Attr = make([]Attr, n)
				for i := range t.Attr {
					t.Attr[i] = r.Attr(i)
				}
			}
			if n := r.NumDecl(); n > 0 {
				t.Decl = make([]Binding, n)
				for i := range t.Decl {
					t.Decl[i] = r.Decl(i)
				}
			}
		case EndElement:
			t.Name = r.Name()
		case Text:
			t.Text = r.Text()
		}
		dst = append(dst, t)
		if r.kind == EndElement && len(r.stack) == depth {
			return dst, nil
		}
		if _, err := r.Next(); err != nil {
			return dst, err
		}
	}
}
