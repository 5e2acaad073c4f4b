package soap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Unmarshaler is implemented by the generated complex types: UnmarshalSOAP reads the content of the
// element start (its attributes and children) up to and including its end tag.
type Unmarshaler interface {
	UnmarshalSOAP(d *Decoder, start xml.StartElement) error
}

// TypeRegistry maps the qualified name of a schema type to a function returning a new, empty value
// of the Go type generated for it. Generated packages provide one, so that an xsi:type met in an
// xs:anyType slot or in a slot typed with a base type decodes into the right Go type.
type TypeRegistry map[xml.Name]func() Unmarshaler

// DefaultMaxDepth is the element nesting depth a Decoder accepts unless MaxDepth says otherwise.
const DefaultMaxDepth = 256

// Decoder reads XML for generated types. It wraps encoding/xml's Decoder, which resolves element and
// attribute names to namespaces, does not process DTDs and expands only the predefined entities;
// Decoder adds the namespace scope needed for QName values (xsi:type), a nesting limit, and errors
// that say where in the document they happened.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	// Types resolves xsi:type names to generated Go types; nil knows none.
	Types TypeRegistry
	// DisallowUnknown makes an element the generated types do not know an error instead of being
	// skipped. A client keeps the default (skip), so that a newer server adding elements does not
	// break it; tests set it to prove nothing is silently lost.
	DisallowUnknown bool
	// MaxDepth limits element nesting; 0 means DefaultMaxDepth.
	MaxDepth int

	x     *xml.Decoder
	scope []nsDecl // namespace declarations in scope, innermost last
	marks []int    // len(scope) at each open element
	// latest maps a prefix to the index in scope of its innermost declaration, so that Lookup takes
	// constant time however many declarations a reply piles up.
	latest map[string]int
	path   []string // local names of the open elements
	// closed is set when the last token was an end tag: that element's declarations and path entry
	// are dropped at the next call to Token, so that a QName in its text (read by Text, which
	// consumes the end tag) still resolves against the declarations on the element itself.
	closed bool
	// src, when set, serves the tokens of a buffered Body (rpc/encoded replies) instead of x.
	src *replay
	// encoded is set while a Body following the SOAP 1.1 encoding is read.
	encoded bool
	// secrets are kept out of the errors (Client.Do sets them to the request's).
	secrets secrets
}

// NewDecoder returns a Decoder reading r. Input must be UTF-8 (or declare US-ASCII, a subset); another
// declared encoding is an error.
func NewDecoder(r io.Reader) *Decoder {
	x := xml.NewDecoder(r)
	x.Strict = true
	x.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return input, nil
		}
		return nil, fmt.Errorf("unsupported character encoding %q (only UTF-8 is accepted)", charset)
	}
	return &Decoder{x: x}
}

// DecodeError is an error met while decoding, with the position where it happened.
type DecodeError struct {
	// Path is the slash-separated local names of the elements open at the error.
	Path string
	// Line and Column locate the error in the input (1-based).
	Line, Column int
	// Err is the underlying error.
	Err error
}

func (e *DecodeError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("soap: decode: line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("soap: decode: %s (line %d, column %d): %v", e.Path, e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Errorf returns a *DecodeError for the current position.
func (d *Decoder) Errorf(format string, args ...any) error {
	return d.wrap(fmt.Errorf(format, args...))
}

func (d *Decoder) wrap(err error) error {
	var de *DecodeError
	if errors.As(err, &de) {
		return err
	}
	line, col := d.x.InputPos()
	if d.src != nil && d.src.cur < len(d.src.toks) {
		line, col = d.src.toks[d.src.cur].line, d.src.toks[d.src.cur].col
	}
	return &DecodeError{Path: d.secrets.redact(strings.Join(d.path, "/")), Line: line, Column: col, Err: d.secrets.hideIfShown(err)}
}

// Token returns the next token, keeping the namespace scope, path and depth up to date. Character
// data is only valid until the next call.
func (d *Decoder) Token() (xml.Token, error) {
	if d.closed {
		mark := d.marks[len(d.marks)-1]
		for i := len(d.scope) - 1; i >= mark; i-- {
			if b := d.scope[i]; b.prev < 0 {
				delete(d.latest, b.prefix)
			} else {
				d.latest[b.prefix] = b.prev
			}
		}
		d.scope = d.scope[:mark]
		d.marks = d.marks[:len(d.marks)-1]
		d.path = d.path[:len(d.path)-1]
		d.closed = false
	}
	var tok xml.Token
	var err error
	if d.src != nil && d.src.done() {
		d.src, d.encoded = nil, false // the buffered Body is read: back to the input
	}
	if d.src != nil {
		tok, err = d.src.next(d)
	} else {
		tok, err = d.x.Token()
	}
	if err != nil {
		if err == io.EOF {
			if len(d.path) > 0 {
				return nil, d.wrap(io.ErrUnexpectedEOF)
			}
			return nil, io.EOF
		}
		return nil, d.wrap(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		max := d.MaxDepth
		if max <= 0 {
			max = DefaultMaxDepth
		}
		if len(d.path) >= max {
			return nil, d.Errorf("elements nested deeper than %d", max)
		}
		// encoding/xml does not check that attributes are unique, as XML (and, for the resolved
		// names, Namespaces in XML) requires; a repeated xsi:type or xsi:nil would be read
		// differently by different code.
		if n, ok := duplicateAttr(t.Attr); ok {
			return nil, d.Errorf("element <%s> has attribute {%s}%s twice", t.Name.Local, n.Space, n.Local)
		}
		d.marks = append(d.marks, len(d.scope))
		for _, a := range t.Attr {
			switch {
			case a.Name.Space == "xmlns":
				d.declare(a.Name.Local, a.Value)
			case a.Name.Space == "" && a.Name.Local == "xmlns":
				d.declare("", a.Value)
			}
		}
		d.path = append(d.path, t.Name.Local)
	case xml.EndElement:
		d.closed = true
	}
	return tok, nil
}

// duplicateAttr returns a name that occurs twice in attrs.
func duplicateAttr(attrs []xml.Attr) (xml.Name, bool) {
	if len(attrs) <= 8 {
		for i := range attrs {
			for j := i + 1; j < len(attrs); j++ {
				if attrs[i].Name == attrs[j].Name {
					return attrs[i].Name, true
				}
			}
		}
		return xml.Name{}, false
	}
	seen := make(map[xml.Name]bool, len(attrs))
	for _, a := range attrs {
		if seen[a.Name] {
			return a.Name, true
		}
		seen[a.Name] = true
	}
	return xml.Name{}, false
}

// Root skips the prolog (a byte order mark, XML declaration, comments, whitespace; a DOCTYPE is an
// error) and returns the document element.
func (d *Decoder) Root() (xml.StartElement, error) {
	for first := true; ; first = false {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return xml.StartElement{}, d.Errorf("no root element")
			}
			return xml.StartElement{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if first {
				// encoding/xml returns a UTF-8 byte order mark (which .NET servers often send)
				// as text; XML allows it at the start of the document.
				t = bytes.TrimPrefix(t, []byte("\uFEFF"))
			}
			if len(bytes.TrimSpace(t)) != 0 {
				return xml.StartElement{}, d.Errorf("text before the root element")
			}
		case xml.Directive:
			return xml.StartElement{}, d.Errorf("document type declarations are not accepted")
		}
	}
}

// Child returns the next child element of the element being read. It returns ok == false after
// consuming the end tag of that element. Comments, processing instructions and character data
// between child elements are skipped.
func (d *Decoder) Child() (se xml.StartElement, ok bool, err error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, true, nil
		case xml.EndElement:
			return xml.StartElement{}, false, nil
		case xml.Directive:
			return xml.StartElement{}, false, d.Errorf("unexpected directive")
		}
	}
}

// Children calls fn for each child element of the element being read, then consumes its end tag.
// fn must consume the child it is given (decode it, read its Text, or Skip it).
func (d *Decoder) Children(fn func(se xml.StartElement) error) error {
	for {
		se, ok, err := d.Child()
		if err != nil || !ok {
			return err
		}
		if err := fn(se); err != nil {
			return err
		}
	}
}

// Text reads the character data of the element being read, up to and including its end tag. A child
// element is an error: simple content has none.
func (d *Decoder) Text() (string, error) {
	var first string
	var more []byte
	n := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			switch n {
			case 0:
				first = string(t)
			case 1:
				more = append([]byte(first), t...)
			default:
				more = append(more, t...)
			}
			n++
		case xml.StartElement:
			return "", d.Errorf("element <%s> inside simple content", t.Name.Local)
		case xml.EndElement:
			if n > 1 {
				return string(more), nil
			}
			return first, nil
		}
	}
}

// Skip consumes the rest of the element being read, including its end tag.
func (d *Decoder) Skip() error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// Unknown handles a child element the generated types do not know: it is skipped, or an error when
// DisallowUnknown is set (but SOAP 1.2's rpc:result in an encoded reply, which is always skipped).
func (d *Decoder) Unknown(se xml.StartElement) error {
	if d.DisallowUnknown && !(d.encoded && se.Name == rpcResult) {
		return d.Errorf("unknown element {%s}%s", se.Name.Space, se.Name.Local)
	}
	return d.Skip()
}

// IsNil reports whether se carries xsi:nil="true" (or "1").
func IsNil(se xml.StartElement) bool {
	for _, a := range se.Attr {
		if a.Name.Space == XSINamespace && a.Name.Local == "nil" {
			v := strings.TrimSpace(a.Value)
			return v == "true" || v == "1"
		}
	}
	return false
}

// Lookup returns the namespace bound to prefix in the current scope ("" is the default namespace).
func (d *Decoder) Lookup(prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return XMLNamespace, true
	case "xmlns":
		return "http://www.w3.org/2000/xmlns/", true
	}
	if i, ok := d.latest[prefix]; ok {
		return d.scope[i].uri, true
	}
	return "", prefix == ""
}

// nsDecl is a namespace declaration in scope; prev is the index in scope of the declaration of the
// same prefix it shadows, or -1.
type nsDecl struct {
	prefix, uri string
	prev        int
}

// declare puts a declaration of prefix in scope, for the element just started.
func (d *Decoder) declare(prefix, uri string) {
	if d.latest == nil {
		d.latest = map[string]int{}
	}
	prev, ok := d.latest[prefix]
	if !ok {
		prev = -1
	}
	d.latest[prefix] = len(d.scope)
	d.scope = append(d.scope, nsDecl{prefix, uri, prev})
}

// ResolveQName resolves a QName value ("p:local" or "local") against the namespaces in scope of the
// element most recently started. An unprefixed name takes the default namespace, as xs:QName values do.
func (d *Decoder) ResolveQName(s string) (xml.Name, error) {
	s = lexCollapse(s) // xs:QName's whiteSpace is collapse: XML white space around it is not part of it
	prefix, local, ok := strings.Cut(s, ":")
	if !ok {
		prefix, local = "", s
	}
	// A colon needs a prefix before it: ":local" is not a QName (it used to resolve as "local").
	if local == "" || !validName(local) || ok && !validName(prefix) {
		return xml.Name{}, d.Errorf("%q is not a valid QName", s)
	}
	if prefix == "xmlns" {
		// Namespaces in XML 1.0 section 3: xmlns only declares prefixes; nothing is named in its
		// namespace (and no prefix can be bound to it to write the name back).
		return xml.Name{}, d.Errorf("QName %q: the prefix xmlns is reserved for namespace declarations", s)
	}
	uri, found := d.Lookup(prefix)
	if !found {
		return xml.Name{}, d.Errorf("QName %q: prefix %q is not declared", s, prefix)
	}
	return xml.Name{Space: uri, Local: local}, nil
}

// XSIType returns the resolved xsi:type of se, if it has one. It must be called right after se was
// returned, while se's namespace declarations are in scope.
func (d *Decoder) XSIType(se xml.StartElement) (xml.Name, bool, error) {
	for _, a := range se.Attr {
		if a.Name.Space == XSINamespace && a.Name.Local == "type" {
			n, err := d.ResolveQName(a.Value)
			return n, err == nil, err
		}
	}
	return xml.Name{}, false, nil
}
