package soapimpl

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/sogen-go/sogen/soap"
)

// Encoder writes XML for generated code. It manages namespace prefixes itself: a namespace gets a
// prefix the first time an element or attribute in it is written, declared on that element (or
// earlier, with Bind), so the output never depends on a default namespace and unqualified names are
// always in no namespace. Text is escaped; a string that XML 1.0 cannot carry (a control character,
// invalid UTF-8) is an error, reported by Err, rather than being altered silently.
//
// Names are written from their parts (prefix, colon, local name) straight into the output buffer:
// no string is built per element, and the end tag is written from the same parts.
//
// An Encoder is not safe for concurrent use. The zero value is ready to use; Reset makes a used one
// ready again, keeping its buffers.
type Encoder struct {
	buf []byte
	// encoded makes the Encoder follow the SOAP encoding (SOAP 1.1 section 5, SOAP 1.2 Part 2 section
	// 3), as rpc/encoded operations require: values are written with xsi:type, SOAP-ENC arrays with
	// their array attributes.
	encoded bool
	// encNS is the namespace of the SOAP encoding written when encoded is set; "" is SOAP 1.1's.
	encNS string
	// next are attributes to write on the next start tag (the encodingStyle of an encoded body).
	next []xml.Attr

	open    bool      // a start tag is open and can take attributes
	tags    []openTag // the elements not yet closed
	scope   []binding // namespace bindings in scope, innermost last
	pending []binding // bindings to declare on the next start tag
	// index makes lookups take constant time when many namespaces are in scope (a captured Element a
	// server sent may hold thousands); it is nil while the scope is small, which linear scans serve
	// faster.
	index   *scopeIndex
	nsFloor int // every nsN prefix with N below it is bound (see newPrefix)
	hint    map[string]string
	err     error
	secrets secrets // values written in elements and attributes named like secrets
	ptrs    ptrs    // pointers to the fields of the structs being encoded
}

type openTag struct {
	prefix, local string // the tag as written: prefix ("" for none) and local name
	scope         int    // len(scope) before this element's declarations
	secret        bool   // the element's local name is that of a secret (soap.IsSecretName)
}

type binding struct{ prefix, uri string }

// indexThreshold is the number of bindings in scope above which the Encoder indexes them.
const indexThreshold = 32

// NewEncoder returns an Encoder that prefers the given prefixes (namespace URI -> prefix) when it
// needs to declare a namespace; namespaces not listed get ns1, ns2, ....
func NewEncoder(prefixes map[string]string) *Encoder {
	return &Encoder{hint: prefixes}
}

// Reset makes e ready to write a new document with the given preferred prefixes, keeping its buffers.
func (e *Encoder) Reset(prefixes map[string]string) {
	*e = Encoder{
		buf:     e.buf[:0],
		tags:    e.tags[:0],
		scope:   e.scope[:0],
		pending: e.pending[:0],
		hint:    prefixes,
		ptrs:    e.ptrs[:0],
	}
}

// Bytes returns the XML written so far. It must not be modified, and is valid until the Encoder is
// used again.
func (e *Encoder) Bytes() []byte {
	e.closeStart()
	return e.buf
}

// Err returns the first error met while encoding, if any.
func (e *Encoder) Err() error {
	if e.err == nil && len(e.tags) != 0 {
		return fmt.Errorf("soap: encoder: %d element(s) left open", len(e.tags))
	}
	return e.err
}

// SetError records err as the encoder's error unless one is recorded already.
func (e *Encoder) SetError(err error) {
	if e.err == nil && err != nil {
		e.err = err
	}
}

// Errorf records an error made from format and args, unless one is recorded already.
func (e *Encoder) Errorf(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf(format, args...)
	}
}

// Secrets returns the values written in elements and attributes whose names are those of secrets
// (soap.IsSecretName), so that a caller can keep them out of error messages.
func (e *Encoder) Secrets() []string { return e.secrets }

// Encoded reports whether e follows the SOAP encoding (rpc/encoded bodies).
func (e *Encoder) Encoded() bool { return e.encoded }

// Bind declares prefix for uri on the next start tag written. Use it to declare namespaces up front,
// on the root element, so that descendants do not repeat the declaration.
func (e *Encoder) Bind(prefix, uri string) {
	// An empty prefix would write the malformed "xmlns:=", a default namespace the Encoder never
	// uses; xml and xmlns are reserved, and XML 1.0 cannot undeclare a prefix (uri "").
	if !validName(prefix) || prefix == "xml" || prefix == "xmlns" || uri == "" {
		e.Errorf("soap: cannot bind prefix %q to namespace %q", prefix, uri)
		return
	}
	e.pending = append(e.pending, binding{prefix, uri})
}

// scopeIndex indexes Encoder.scope when it is large: for each prefix and each URI, the index of its
// innermost binding, and for each binding, the index of the previous binding of the same prefix and
// of the same URI (-1 when none), restored when the binding leaves the scope.
type scopeIndex struct {
	byPrefix, byURI map[string]int
	links           []scopeLink
}

type scopeLink struct{ prevPrefix, prevURI int }

// xmlnsNamespace is the namespace of the xmlns prefix, to which no prefix may be bound.
const xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

// push puts b in scope.
func (e *Encoder) push(b binding) {
	if b.uri == xmlnsNamespace {
		// Namespaces in XML 1.0 section 3: no prefix may be bound to it; the output would not be
		// namespace-well-formed.
		e.Errorf("soap: cannot write a name in the namespace %s, which is reserved for namespace declarations", xmlnsNamespace)
	}
	e.scope = append(e.scope, b)
	switch {
	case e.index != nil:
		e.index.add(e.scope, len(e.scope)-1)
	case len(e.scope) > indexThreshold:
		x := &scopeIndex{byPrefix: map[string]int{}, byURI: map[string]int{}}
		for i := range e.scope {
			x.add(e.scope, i)
		}
		e.index = x
	}
}

func (x *scopeIndex) add(scope []binding, i int) {
	b := scope[i]
	l := scopeLink{-1, -1}
	if j, ok := x.byPrefix[b.prefix]; ok {
		l.prevPrefix = j
	}
	if j, ok := x.byURI[b.uri]; ok {
		l.prevURI = j
	}
	x.byPrefix[b.prefix] = i
	x.byURI[b.uri] = i
	x.links = append(x.links, l)
}

// truncate drops the bindings from index n on from the scope.
func (e *Encoder) truncate(n int) {
	for i := len(e.scope) - 1; i >= n; i-- {
		b := e.scope[i]
		if x := e.index; x != nil {
			l := x.links[i]
			if l.prevPrefix < 0 {
				delete(x.byPrefix, b.prefix)
			} else {
				x.byPrefix[b.prefix] = l.prevPrefix
			}
			if l.prevURI < 0 {
				delete(x.byURI, b.uri)
			} else {
				x.byURI[b.uri] = l.prevURI
			}
		}
		if k, ok := nsNumber(b.prefix); ok && k < e.nsFloor {
			e.nsFloor = k
		}
	}
	e.scope = e.scope[:n]
	if e.index != nil {
		e.index.links = e.index.links[:n]
		if n <= indexThreshold {
			e.index = nil
		}
	}
}

// nsNumber returns N for a prefix nsN.
func nsNumber(prefix string) (int, bool) {
	if len(prefix) < 3 || prefix[0] != 'n' || prefix[1] != 's' {
		return 0, false
	}
	k, err := strconv.Atoi(prefix[2:])
	return k, err == nil && k > 0
}

// lookup returns the prefix bound to uri in the current scope: the innermost binding of uri whose
// prefix is not rebound by a later binding.
func (e *Encoder) lookup(uri string) (string, bool) {
	if uri == soap.XMLNamespace {
		return "xml", true
	}
	if x := e.index; x != nil {
		i, ok := x.byURI[uri]
		for ok && i >= 0 {
			b := e.scope[i]
			if x.byPrefix[b.prefix] == i {
				return b.prefix, true
			}
			i = x.links[i].prevURI
		}
		return "", false
	}
	for i := len(e.scope) - 1; i >= 0; i-- {
		if e.scope[i].uri != uri {
			continue
		}
		p := e.scope[i].prefix
		shadowed := false
		for _, later := range e.scope[i+1:] {
			if later.prefix == p {
				shadowed = true
				break
			}
		}
		if !shadowed {
			return p, true
		}
	}
	return "", false
}

// bound reports whether prefix is bound in the current scope.
func (e *Encoder) bound(prefix string) bool {
	if x := e.index; x != nil {
		_, ok := x.byPrefix[prefix]
		return ok
	}
	for i := len(e.scope) - 1; i >= 0; i-- {
		if e.scope[i].prefix == prefix {
			return true
		}
	}
	return false
}

// nsPrefixes are the prefixes ns0 ... ns15, so that the common ones are not built every time.
var nsPrefixes = func() (out [16]string) {
	for i := range out {
		out[i] = "ns" + strconv.Itoa(i)
	}
	return out
}()

// newPrefix chooses a prefix for uri that is not bound in the current scope: the preferred one from
// NewEncoder's map, else the first free one of ns1, ns2, ....
func (e *Encoder) newPrefix(uri string) string {
	if p := e.hint[uri]; p != "" && validName(p) && p != "xml" && p != "xmlns" && !e.bound(p) {
		return p
	}
	for n := max(e.nsFloor, 1); ; n++ {
		var p string
		if n < len(nsPrefixes) {
			p = nsPrefixes[n]
		} else {
			p = "ns" + strconv.Itoa(n)
		}
		if !e.bound(p) {
			e.nsFloor = n
			return p
		}
	}
}

// prefix returns the prefix for uri, declaring it on the open start tag when it is not in scope.
// It must only be called while a start tag is open.
func (e *Encoder) prefix(uri string) string {
	if p, ok := e.lookup(uri); ok {
		return p
	}
	b := binding{e.newPrefix(uri), uri}
	e.push(b)
	e.writeDecl(b)
	return b.prefix
}

func (e *Encoder) closeStart() {
	if e.open {
		e.buf = append(e.buf, '>')
		e.open = false
	}
}

// StartElement opens the element name (in no namespace when name.Space is empty) and, when typ is not
// zero, writes typ as its xsi:type.
func (e *Encoder) StartElement(name, typ xml.Name) {
	e.start(name.Space, name.Local, soap.IsSecretName(name.Local), typ)
	switch {
	case name.Local == "":
		e.SetError(errUnnamedElement)
	case !validName(name.Local):
		e.Errorf("soap: %q is not a valid XML element name", name.Local)
	}
}

// startName opens the element n, whose name was checked when n was made, with xsi:type typ unless
// it is zero.
func (e *Encoder) startName(n *Name, typ xml.Name) { e.start(n.Space, n.Local, n.secret, typ) }

func (e *Encoder) start(space, local string, secret bool, typ xml.Name) {
	e.closeStart()
	// Bindings requested with Bind, and the one the element's own name may need, are put in scope
	// first and written after the tag name.
	decls := len(e.scope)
	for _, b := range e.pending {
		e.push(b)
	}
	e.pending = e.pending[:0]
	var p string
	if space != "" {
		var ok bool
		if p, ok = e.lookup(space); !ok {
			p = e.newPrefix(space)
			e.push(binding{p, space})
		}
	}
	e.tags = append(e.tags, openTag{prefix: p, local: local, scope: decls, secret: secret})
	e.buf = append(e.buf, '<')
	if p != "" {
		e.buf = append(e.buf, p...)
		e.buf = append(e.buf, ':')
	}
	e.buf = append(e.buf, local...)
	for _, b := range e.scope[decls:] {
		e.writeDecl(b)
	}
	e.open = true
	if typ.Local != "" {
		e.TypeAttr(typ)
	}
	if len(e.next) > 0 {
		next := e.next
		e.next = nil
		for _, a := range next {
			e.Attr(a.Name, a.Value)
		}
	}
}

func (e *Encoder) writeDecl(b binding) {
	e.buf = append(e.buf, " xmlns:"...)
	e.buf = append(e.buf, b.prefix...)
	e.buf = append(e.buf, `="`...)
	e.buf = appendEscaped(e.buf, b.uri, true)
	e.buf = append(e.buf, '"')
}

// attrName writes ` p:local="` for an attribute of the open start tag, choosing (and declaring) the
// prefix first, so that a declaration does not end up between the space and the attribute's name.
func (e *Encoder) attrName(space, local string) bool {
	if !e.open {
		e.Errorf("soap: attribute %s written outside a start tag", local)
		return false
	}
	var p string
	if space != "" {
		p = e.prefix(space)
	}
	e.buf = append(e.buf, ' ')
	if p != "" {
		e.buf = append(e.buf, p...)
		e.buf = append(e.buf, ':')
	}
	e.buf = append(e.buf, local...)
	e.buf = append(e.buf, `="`...)
	return true
}

// Attr writes an attribute on the element just started. It must follow StartElement or another
// attribute, before any content.
func (e *Encoder) Attr(name xml.Name, value string) {
	if !e.open {
		e.Errorf("soap: attribute %s written outside a start tag", name.Local)
		return
	}
	if !validName(name.Local) || name.Space == "" && name.Local == "xmlns" {
		// An invalid name would make the output malformed, and an unqualified "xmlns" would
		// declare a default namespace, which the Encoder never uses.
		e.Errorf("soap: %q is not a valid XML attribute name", name.Local)
		return
	}
	e.attr(name.Space, name.Local, soap.IsSecretName(name.Local), value)
}

// attr writes an attribute whose name is known to be valid.
func (e *Encoder) attr(space, local string, secret bool, value string) {
	if !e.attrName(space, local) {
		return
	}
	if secret {
		e.addSecret(value)
	}
	e.buf = e.appendText(e.buf, value, true)
	e.buf = append(e.buf, '"')
}

// QName returns the prefixed form of name ("p:local") for use in an attribute value or in text,
// declaring the prefix on the open start tag if needed. It must be called before the element's
// content is written.
func (e *Encoder) QName(name xml.Name) string {
	if name.Space == "" {
		return name.Local
	}
	if !e.open {
		if p, ok := e.lookup(name.Space); ok {
			return p + ":" + name.Local
		}
		e.Errorf("soap: namespace %s of QName %s is not declared and the start tag is closed", name.Space, name.Local)
		return name.Local
	}
	return e.prefix(name.Space) + ":" + name.Local
}

// xsiType and xsiNil are the names of xsi:type and xsi:nil.
var (
	xsiType = xml.Name{Space: soap.XSINamespace, Local: "type"}
	xsiNil  = xml.Name{Space: soap.XSINamespace, Local: "nil"}
)

// TypeAttr writes xsi:type="t" on the element just started.
func (e *Encoder) TypeAttr(t xml.Name) {
	if !e.open {
		e.Errorf("soap: attribute type written outside a start tag")
		return
	}
	var p string
	if t.Space != "" {
		p = e.prefix(t.Space)
	}
	if !e.attrName(xsiType.Space, xsiType.Local) {
		return
	}
	if p != "" {
		e.buf = append(e.buf, p...)
		e.buf = append(e.buf, ':')
	}
	e.buf = e.appendText(e.buf, t.Local, true)
	e.buf = append(e.buf, '"')
}

// NilAttr writes xsi:nil="true" on the element just started.
func (e *Encoder) NilAttr() {
	if e.attrName(xsiNil.Space, xsiNil.Local) {
		e.buf = append(e.buf, `true"`...)
	}
}

// Text writes character data, escaped.
func (e *Encoder) Text(s string) {
	e.closeStart()
	if s != "" {
		if n := len(e.tags); n > 0 && e.tags[n-1].secret {
			e.addSecret(s)
		}
	}
	e.buf = e.appendText(e.buf, s, false)
}

// safeText returns the buffer to append text known to need neither escaping nor checking (the
// lexical forms of numbers and booleans), closing the start tag; the caller stores the result back
// with endSafeText.
func (e *Encoder) safeText() []byte {
	e.closeStart()
	return e.buf
}

// endSafeText stores b, the buffer returned by safeText with text appended, recording the text as a
// secret when the element is named like one.
func (e *Encoder) endSafeText(b []byte) {
	if n := len(e.tags); n > 0 && e.tags[n-1].secret && len(b) > len(e.buf) {
		e.addSecret(string(b[len(e.buf):]))
	}
	e.buf = b
}

// EndElement closes the innermost open element, as an empty-element tag when it has no content.
func (e *Encoder) EndElement() {
	n := len(e.tags)
	if n == 0 {
		e.Errorf("soap: EndElement without StartElement")
		return
	}
	t := &e.tags[n-1]
	if e.open {
		e.buf = append(e.buf, "/>"...)
		e.open = false
	} else {
		e.buf = append(e.buf, "</"...)
		if t.prefix != "" {
			e.buf = append(e.buf, t.prefix...)
			e.buf = append(e.buf, ':')
		}
		e.buf = append(e.buf, t.local...)
		e.buf = append(e.buf, '>')
	}
	if t.scope < len(e.scope) {
		e.truncate(t.scope)
	}
	e.tags = e.tags[:n-1]
}

// NilElement writes <name xsi:nil="true"/>.
func (e *Encoder) NilElement(name xml.Name) {
	e.StartElement(name, xml.Name{})
	e.NilAttr()
	e.EndElement()
}

// TextElement writes <name>text</name>.
func (e *Encoder) TextElement(name xml.Name, text string) {
	e.StartElement(name, xml.Name{})
	e.Text(text)
	e.EndElement()
}

func (e *Encoder) nilName(n *Name) {
	e.startName(n, xml.Name{})
	e.NilAttr()
	e.EndElement()
}

// Raw writes XML that the caller guarantees is well-formed and self-contained (for example an XML
// declaration).
func (e *Encoder) Raw(s string) {
	e.closeStart()
	e.buf = append(e.buf, s...)
}

// addSecret records v (and v trimmed of surrounding space) as a secret.
func (e *Encoder) addSecret(v string) { e.secrets.add(v) }

// errInvalidText is recorded for text XML 1.0 cannot carry; see appendText.
var errInvalidText = errors.New("invalid text")

// appendText appends s escaped for XML content (attr false) or an attribute value (attr true),
// recording an error when s holds a character XML 1.0 cannot carry: the characters XML requires (or
// that would not survive attribute-value or line-end normalisation) are written as references.
func appendText[S ~string | ~[]byte](e *Encoder, b []byte, s S, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, n := decodeRune(s[i:])
			if e.err == nil {
				switch {
				case r == utf8.RuneError && n == 1:
					e.err = fmt.Errorf("soap: text holds invalid UTF-8 at byte %d", i)
				case !isXMLChar(r):
					e.err = fmt.Errorf("soap: text holds character %U, which XML 1.0 cannot carry", r)
				}
			}
			i += n
			continue
		}
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			if !attr {
				i++
				continue
			}
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		case '\n':
			if !attr {
				i++
				continue
			}
			esc = "&#xA;"
		case '\t':
			if !attr {
				i++
				continue
			}
			esc = "&#x9;"
		default:
			if c < 0x20 && e.err == nil {
				e.err = fmt.Errorf("soap: text holds character %U, which XML 1.0 cannot carry", rune(c))
			}
			i++
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i++
		last = i
	}
	return append(b, s[last:]...)
}

// appendText is the method form of the function appendText, for strings.
func (e *Encoder) appendText(b []byte, s string, attr bool) []byte { return appendText(e, b, s, attr) }

func decodeRune[S ~string | ~[]byte](s S) (rune, int) {
	return utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// appendEscaped appends s escaped, without checking it (namespace URIs, checked when bound).
func appendEscaped(b []byte, s string, attr bool) []byte {
	var e Encoder
	e.err = errInvalidText // no checking
	return appendText(&e, b, s, attr)
}

// validName reports whether s is an XML NCName (letters, digits, '.', '-', '_', not starting with a
// digit, '.' or '-'). Non-ASCII letters are accepted.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0x80:
		case i > 0 && (r >= '0' && r <= '9' || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return true
}

// SetEncoding makes e follow the SOAP encoding whose namespace is ns (soap.SOAPEncNamespace for SOAP
// 1.1's, soap.SOAP12EncNamespace for SOAP 1.2's) in what it writes next, as the body of an rpc/encoded
// operation does: values with xsi:type, SOAP-ENC arrays with their array attributes. An empty ns
// stops it.
func (e *Encoder) SetEncoding(ns string) { e.encoded, e.encNS = ns != "", ns }
