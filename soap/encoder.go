package soap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Well-known namespaces.
const (
	// XSDNamespace is the XML Schema namespace of the built-in types.
	XSDNamespace = "http://www.w3.org/2001/XMLSchema"
	// XSINamespace is the XML Schema instance namespace (xsi:type, xsi:nil).
	XSINamespace = "http://www.w3.org/2001/XMLSchema-instance"
	// XMLNamespace is the namespace bound to the reserved prefix xml.
	XMLNamespace = "http://www.w3.org/XML/1998/namespace"
)

// errUnnamedElement is the Encoder's error for an element started without a name.
var errUnnamedElement = errors.New(`soap: "" is not a valid XML element name (Start.Name is zero)`)

// Start names the element a Marshaler writes, and the xsi:type to write on it, if any.
type Start struct {
	// Name is the element's qualified name; an empty Space writes an unqualified element.
	Name xml.Name
	// Type, when not zero, is written as the element's xsi:type attribute.
	Type xml.Name
}

// Marshaler is implemented by the generated complex types: MarshalSOAP writes the whole element
// described by start, its attributes and its content.
type Marshaler interface {
	MarshalSOAP(e *Encoder, start Start)
	// SOAPType returns the qualified name of the schema type, or the zero name for an anonymous type.
	SOAPType() xml.Name
}

// Encoder writes XML. It manages namespace prefixes itself: a namespace gets a prefix the first time an
// element or attribute in it is written, declared on that element (or earlier, with Bind), so the output
// never depends on a default namespace and unqualified names are always in no namespace. Text is escaped;
// a string that XML 1.0 cannot carry (a control character, invalid UTF-8) is an error, reported by Err,
// rather than being altered silently.
//
// An Encoder is not safe for concurrent use. The zero value is ready to use.
type Encoder struct {
	// Encoded makes the Encoder follow the SOAP 1.1 encoding (section 5), as rpc/encoded operations
	// require: values are written with xsi:type, SOAP-ENC arrays with xsi:type="soapenc:Array".
	// The runtime sets it while it writes the body of such an operation.
	Encoded bool

	buf []byte
	// next are attributes to write on the next start tag (the encodingStyle of an encoded body).
	next []xml.Attr
	// encNS is the namespace of the SOAP encoding written when Encoded is set; "" is SOAP 1.1's.
	encNS   string
	open    bool      // a start tag is open and can take attributes
	tags    []openTag // the elements not yet closed
	scope   []binding // namespace bindings in scope, innermost last
	pending []binding // bindings to declare on the next start tag
	// index makes lookups take constant time however many namespaces are in scope (a captured
	// Element a server sent may hold thousands): see push.
	index   scopeIndex
	hint    map[string]string
	err     error
	secrets secrets // values written in elements and attributes named like secrets (IsSecretName)
}

type openTag struct {
	tag   string // the qualified tag as written
	scope int    // len(scope) before this element's declarations
}

type binding struct{ prefix, uri string }

// NewEncoder returns an Encoder that prefers the given prefixes (namespace URI -> prefix) when it
// needs to declare a namespace; namespaces not listed get ns1, ns2, ....
func NewEncoder(prefixes map[string]string) *Encoder {
	return &Encoder{hint: prefixes}
}

// Bytes returns the XML written so far. It must not be modified.
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

// SetError records err as the encoder's error unless one is recorded already. Generated code uses it
// to report a value it cannot encode.
func (e *Encoder) SetError(err error) {
	if e.err == nil && err != nil {
		e.err = err
	}
}

// Bind declares prefix for uri on the next start tag written. Use it to declare namespaces up front,
// on the root element, so that descendants do not repeat the declaration.
func (e *Encoder) Bind(prefix, uri string) {
	// An empty prefix would write the malformed "xmlns:=", a default namespace the Encoder never
	// uses; xml and xmlns are reserved, and XML 1.0 cannot undeclare a prefix (uri "").
	if !validName(prefix) || prefix == "xml" || prefix == "xmlns" || uri == "" {
		e.SetError(fmt.Errorf("soap: cannot bind prefix %q to namespace %q", prefix, uri))
		return
	}
	e.pending = append(e.pending, binding{prefix, uri})
}

// scopeIndex indexes Encoder.scope: for each prefix and each URI, the index of its innermost binding,
// and for each binding, the index of the previous binding of the same prefix and of the same URI (-1
// when none), restored when the binding leaves the scope. nsFloor is a number below which every nsN
// prefix is bound, so that newPrefix does not test them all again.
type scopeIndex struct {
	byPrefix, byURI map[string]int
	links           []scopeLink
	nsFloor         int
}

type scopeLink struct{ prevPrefix, prevURI int }

// xmlnsNamespace is the namespace of the xmlns prefix, to which no prefix may be bound.
const xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

// push puts b in scope.
func (e *Encoder) push(b binding) {
	if b.uri == xmlnsNamespace {
		// Namespaces in XML 1.0 section 3: no prefix may be bound to it; the output would not be
		// namespace-well-formed.
		e.SetError(fmt.Errorf("soap: cannot write a name in the namespace %s, which is reserved for namespace declarations", xmlnsNamespace))
	}
	x := &e.index
	if x.byPrefix == nil {
		x.byPrefix, x.byURI = map[string]int{}, map[string]int{}
	}
	l := scopeLink{-1, -1}
	if i, ok := x.byPrefix[b.prefix]; ok {
		l.prevPrefix = i
	}
	if i, ok := x.byURI[b.uri]; ok {
		l.prevURI = i
	}
	x.byPrefix[b.prefix] = len(e.scope)
	x.byURI[b.uri] = len(e.scope)
	x.links = append(x.links, l)
	e.scope = append(e.scope, b)
}

// truncate drops the bindings from index n on from the scope.
func (e *Encoder) truncate(n int) {
	x := &e.index
	for i := len(e.scope) - 1; i >= n; i-- {
		b, l := e.scope[i], x.links[i]
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
		if k, ok := nsNumber(b.prefix); ok && k < x.nsFloor {
			x.nsFloor = k
		}
	}
	e.scope = e.scope[:n]
	x.links = x.links[:n]
}

// nsNumber returns N for a prefix nsN.
func nsNumber(prefix string) (int, bool) {
	if len(prefix) < 3 || prefix[:2] != "ns" {
		return 0, false
	}
	k, err := strconv.Atoi(prefix[2:])
	return k, err == nil && k > 0
}

// lookup returns the prefix bound to uri in the current scope: the innermost binding of uri whose
// prefix is not rebound by a later binding.
func (e *Encoder) lookup(uri string) (string, bool) {
	if uri == XMLNamespace {
		return "xml", true
	}
	i, ok := e.index.byURI[uri]
	for ok && i >= 0 {
		b := e.scope[i]
		if e.index.byPrefix[b.prefix] == i {
			return b.prefix, true
		}
		i = e.index.links[i].prevURI
	}
	return "", false
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

// StartElement opens the element start.Name and, when start.Type is set, writes its xsi:type.
func (e *Encoder) StartElement(start Start) {
	e.closeStart()
	e.tags = append(e.tags, openTag{scope: len(e.scope)})
	// Bindings requested with Bind, and the one the element's own name may need, are put in scope
	// first and written after the tag name.
	decls := len(e.scope)
	for _, b := range e.pending {
		e.push(b)
	}
	e.pending = e.pending[:0]
	tag := start.Name.Local
	if start.Name.Space != "" {
		p, ok := e.lookup(start.Name.Space)
		if !ok {
			p = e.newPrefix(start.Name.Space)
			e.push(binding{p, start.Name.Space})
		}
		tag = p + ":" + start.Name.Local
	}
	switch {
	case start.Name.Local == "":
		e.SetError(errUnnamedElement)
	case !validName(start.Name.Local):
		e.SetError(fmt.Errorf("soap: %q is not a valid XML element name", start.Name.Local))
	}
	e.buf = append(e.buf, '<')
	e.buf = append(e.buf, tag...)
	for _, b := range e.scope[decls:] {
		e.writeDecl(b)
	}
	e.open = true
	e.tags[len(e.tags)-1].tag = tag
	if start.Type != (xml.Name{}) {
		e.TypeAttr(start.Type)
	}
	if len(e.next) > 0 {
		next := e.next
		e.next = nil
		for _, a := range next {
			e.Attr(a.Name, a.Value)
		}
	}
}

// newPrefix chooses a prefix for uri that is not bound in the current scope: the preferred one from
// NewEncoder's map, else the first free one of ns1, ns2, ....
func (e *Encoder) newPrefix(uri string) string {
	if p := e.hint[uri]; validName(p) && p != "xml" && p != "xmlns" && !e.bound(p) {
		return p
	}
	for n := max(e.index.nsFloor, 1); ; n++ {
		p := "ns" + strconv.Itoa(n)
		if !e.bound(p) {
			e.index.nsFloor = n
			return p
		}
	}
}

// bound reports whether prefix is bound in the current scope.
func (e *Encoder) bound(prefix string) bool {
	_, ok := e.index.byPrefix[prefix]
	return ok
}

func (e *Encoder) writeDecl(b binding) {
	e.buf = append(e.buf, " xmlns:"...)
	e.buf = append(e.buf, b.prefix...)
	e.buf = append(e.buf, `="`...)
	e.buf = appendEscaped(e.buf, b.uri, true)
	e.buf = append(e.buf, '"')
}

// Attr writes an attribute on the element just started. It must follow StartElement or another
// attribute, before any content.
func (e *Encoder) Attr(name xml.Name, value string) {
	if !e.open {
		e.SetError(fmt.Errorf("soap: attribute %s written outside a start tag", name.Local))
		return
	}
	if !validName(name.Local) || name.Space == "" && name.Local == "xmlns" {
		// An invalid name would make the output malformed, and an unqualified "xmlns" would
		// declare a default namespace, which the Encoder never uses.
		e.SetError(fmt.Errorf("soap: %q is not a valid XML attribute name", name.Local))
		return
	}
	// The prefix is chosen (and, if new, its declaration written) before the attribute itself, so
	// that the declaration does not end up between the separating space and the attribute's name.
	var p string
	if name.Space != "" {
		p = e.prefix(name.Space)
	}
	e.buf = append(e.buf, ' ')
	if p != "" {
		e.buf = append(e.buf, p...)
		e.buf = append(e.buf, ':')
	}
	e.buf = append(e.buf, name.Local...)
	e.buf = append(e.buf, `="`...)
	e.checkText(value)
	if IsSecretName(name.Local) {
		e.secrets.add(value)
	}
	e.buf = appendEscaped(e.buf, value, true)
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
		e.SetError(fmt.Errorf("soap: namespace %s of QName %s is not declared and the start tag is closed", name.Space, name.Local))
		return name.Local
	}
	return e.prefix(name.Space) + ":" + name.Local
}

// TypeAttr writes xsi:type="t" on the element just started.
func (e *Encoder) TypeAttr(t xml.Name) {
	v := e.QName(t)
	e.Attr(xml.Name{Space: XSINamespace, Local: "type"}, v)
}

// NilAttr writes xsi:nil="true" on the element just started.
func (e *Encoder) NilAttr() {
	e.Attr(xml.Name{Space: XSINamespace, Local: "nil"}, "true")
}

// Text writes character data, escaped.
func (e *Encoder) Text(s string) {
	e.closeStart()
	e.checkText(s)
	if n := len(e.tags); n > 0 && s != "" {
		tag := e.tags[n-1].tag
		if i := strings.IndexByte(tag, ':'); i >= 0 {
			tag = tag[i+1:]
		}
		if IsSecretName(tag) {
			e.secrets.add(s)
		}
	}
	e.buf = appendEscaped(e.buf, s, false)
}

// EndElement closes the innermost open element, as an empty-element tag when it has no content.
func (e *Encoder) EndElement() {
	if len(e.tags) == 0 {
		e.SetError(fmt.Errorf("soap: EndElement without StartElement"))
		return
	}
	t := e.tags[len(e.tags)-1]
	e.tags = e.tags[:len(e.tags)-1]
	if e.open {
		e.buf = append(e.buf, "/>"...)
		e.open = false
	} else {
		e.buf = append(e.buf, "</"...)
		e.buf = append(e.buf, t.tag...)
		e.buf = append(e.buf, '>')
	}
	e.truncate(t.scope)
}

// NilElement writes <name xsi:nil="true"/>.
func (e *Encoder) NilElement(name xml.Name) {
	e.StartElement(Start{Name: name})
	e.NilAttr()
	e.EndElement()
}

// TextElement writes <name>text</name>.
func (e *Encoder) TextElement(name xml.Name, text string) {
	e.StartElement(Start{Name: name})
	e.Text(text)
	e.EndElement()
}

// Raw writes XML that the caller guarantees is well-formed and self-contained (for example an XML
// declaration).
func (e *Encoder) Raw(s string) {
	e.closeStart()
	e.buf = append(e.buf, s...)
}

// checkText records an error if s holds a character XML 1.0 cannot represent.
func (e *Encoder) checkText(s string) {
	if e.err != nil {
		return
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				e.err = fmt.Errorf("soap: text holds invalid UTF-8 at byte %d", i)
				return
			}
		}
		if !isXMLChar(r) {
			e.err = fmt.Errorf("soap: text holds character %U, which XML 1.0 cannot carry", r)
			return
		}
	}
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// appendEscaped appends s with the characters that XML requires (or that would not survive
// attribute-value or line-end normalisation) written as references.
func appendEscaped(b []byte, s string, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		case '\n':
			if !attr {
				continue
			}
			esc = "&#xA;"
		case '\t':
			if !attr {
				continue
			}
			esc = "&#x9;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
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
