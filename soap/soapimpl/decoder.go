package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Decoder reads XML for generated code, through the runtime's XML reader (soap/internal/xmlr): the
// document is held in one buffer, names are compared as bytes against the descriptors' names, and
// text is decoded in place. It checks what the reader checks (well-formedness, namespaces, no DTD,
// the nesting limit), and reports errors as *soap.DecodeError with the element path, line and column.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	r *xmlr.Reader
	// types resolves xsi:type names to generated types.
	types *Registry
	// disallowUnknown makes an element the generated types do not know an error instead of being
	// skipped.
	disallowUnknown bool
	// encoded is set while a Body following the SOAP encoding is read: its rpc:result is skipped.
	encoded bool
	// ctx, when set, is checked every checkEvery elements, so that a huge reply stops with its call.
	ctx    context.Context
	budget int
	// secrets are kept out of the errors (a call sets them to the request's).
	secrets secrets
	// rp serves the tokens of a buffered Body (rpc/encoded replies) instead of r.
	rp *replay
	// spaces holds the namespace names met, so that each is made a string once.
	spaces map[string]string
	// seen is a stack of flags: for each struct being decoded, which of its fields occurred.
	seen []bool
	// last is a stack of the fields read last in the occurrences of repeated sequences (see
	// Type.decode).
	last []int
	// ptrs is a stack of pointers to the fields of the structs being decoded.
	ptrs ptrs
}

// checkEvery is the number of elements between two checks of the Decoder's context.
const checkEvery = 1024

// NewDecoder returns a Decoder reading the document data, which it owns from then on (text is
// decoded in place). types resolves xsi:type names; it may be nil.
func NewDecoder(data []byte, types *Registry) *Decoder {
	return &Decoder{r: xmlr.NewReader(data), types: types}
}

// DisallowUnknown makes an element the generated types do not know an error instead of being
// skipped. A client keeps the default (skip), so that a newer server adding elements does not break
// it; tests set it to prove nothing is silently lost.
func (d *Decoder) DisallowUnknown() { d.disallowUnknown = true }

// Errorf returns a *soap.DecodeError for the current position.
func (d *Decoder) Errorf(format string, args ...any) error {
	return d.wrap(fmt.Errorf(format, args...))
}

// wrap returns err as a *soap.DecodeError at the current position (an *xmlr.Error keeps its own).
func (d *Decoder) wrap(err error) error {
	var de *soap.DecodeError
	if errors.As(err, &de) {
		return err
	}
	var line, col int
	path := d.path()
	var xe *xmlr.Error
	switch {
	case errors.As(err, &xe):
		// A document that is not well-formed: the cause is an *xml.SyntaxError, as encoding/xml
		// reports it, located where the reader found the problem; a document whose shape is refused
		// (a DTD, text before the root element) has the message alone.
		line, col = xe.Line, xe.Column
		if xe.Document() {
			err = errors.New(xe.Msg)
		} else {
			err = &xml.SyntaxError{Msg: xe.Msg, Line: xe.Line}
		}
	case err == io.ErrUnexpectedEOF:
		line, col = d.position()
		err = &xml.SyntaxError{Msg: "unexpected EOF", Line: line}
	default:
		line, col = d.position()
	}
	return &soap.DecodeError{Path: d.secrets.redact(path), Line: line, Column: col, Err: d.secrets.hideIfShown(err)}
}

func (d *Decoder) path() string {
	if d.rp != nil {
		return d.rp.path()
	}
	return d.r.Path()
}

// position returns the line and column after the current token.
func (d *Decoder) position() (int, int) {
	if d.rp != nil {
		return d.rp.position(d)
	}
	return d.r.Position(d.r.InputOffset())
}

// tick counts an element read and checks the context every checkEvery elements.
func (d *Decoder) tick() error {
	if d.budget--; d.budget > 0 || d.ctx == nil {
		return nil
	}
	d.budget = checkEvery
	if err := d.ctx.Err(); err != nil {
		return err
	}
	return nil
}

// Root reads the prolog (a byte order mark, XML declaration, comments, white space; a document type
// declaration is an error) and the start tag of the document element.
func (d *Decoder) Root() error {
	for {
		k, err := d.r.Next()
		switch {
		case err == io.EOF:
			return d.Errorf("no root element")
		case err != nil:
			return d.wrap(err)
		case k == xmlr.StartElement:
			return nil
		}
	}
}

// Child reads up to the next child element of the element being read and reports whether there is
// one; if not, it has read that element's end tag. Character data before it is skipped.
func (d *Decoder) Child() (bool, error) { return d.child() }

func (d *Decoder) child() (bool, error) {
	if d.rp != nil {
		return d.rp.child(d)
	}
	ok, err := d.r.Child()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return false, d.wrap(err)
	}
	if ok {
		if err := d.tick(); err != nil {
			return false, err
		}
	}
	return ok, nil
}

// children calls fn for each child element of the element being read, up to and including its end
// tag.
func (d *Decoder) children(fn func() error) error {
	for {
		ok, err := d.child()
		if err != nil || !ok {
			return err
		}
		if err := fn(); err != nil {
			return err
		}
	}
}

// Name returns the name of the element just started.
func (d *Decoder) Name() xml.Name {
	if d.rp != nil {
		return d.rp.name()
	}
	n := d.r.Name()
	return xml.Name{Space: d.uri(n.NS, n.Space), Local: string(n.Local)}
}

// uri returns the namespace name space as a string, made once per Decoder for each namespace.
func (d *Decoder) uri(_ xmlr.NS, space []byte) string {
	if len(space) == 0 {
		return ""
	}
	if s, ok := d.spaces[string(space)]; ok {
		return s
	}
	if d.spaces == nil {
		d.spaces = map[string]string{}
	}
	s := string(space)
	d.spaces[s] = s
	return s
}

// match reports whether the element just started is named n.
func (d *Decoder) match(n *Name) bool {
	if d.rp != nil {
		return d.rp.match(n)
	}
	return d.r.Is(n.ns, n.Local)
}

// Is reports whether the element just started is named {space}local.
func (d *Decoder) Is(space, local string) bool {
	if d.rp != nil {
		n := NewName(space, local)
		return d.rp.match(&n)
	}
	nm := d.r.Name()
	return string(nm.Local) == local && string(nm.Space) == space
}

var (
	nsXSI     = xmlr.Intern(soap.XSINamespace)
	nsXSD     = xmlr.Intern(soap.XSDNamespace)
	nsSOAPEnc = xmlr.Intern(soap.SOAPEncNamespace)
	nsEnc12   = xmlr.Intern(soap.SOAP12EncNamespace)
)

// attrValue returns the value of the attribute {ns}local of the element just started.
func (d *Decoder) attrNamed(ns xmlr.NS, local string) ([]byte, bool) {
	if d.rp != nil {
		return d.rp.attrNamed(ns, local)
	}
	return d.r.AttrValue(ns, local)
}

// isNil reports whether the element just started carries xsi:nil="true" (or "1").
func (d *Decoder) isNil() bool {
	v, ok := d.attrNamed(nsXSI, "nil")
	if !ok {
		return false
	}
	v = lexTrim(v)
	return string(v) == "true" || string(v) == "1"
}

// IsNil reports whether the element just started carries xsi:nil="true" (or "1").
func (d *Decoder) IsNil() bool { return d.isNil() }

// hasEncAttr reports whether the element just started has the attribute soapenc:local.
func (d *Decoder) hasEncAttr(local string) bool {
	_, ok := d.attrNamed(nsSOAPEnc, local)
	return ok
}

func (d *Decoder) numAttr() int {
	if d.rp != nil {
		return len(d.rp.cur().Attr)
	}
	return d.r.NumAttr()
}

func (d *Decoder) rawAttr(i int) xmlr.Attr {
	if d.rp != nil {
		return d.rp.cur().Attr[i]
	}
	return d.r.Attr(i)
}

func (d *Decoder) attrMatch(i int, n *Name) bool {
	a := d.rawAttr(i)
	return a.Name.NS == n.ns && string(a.Name.Local) == n.Local
}

func (d *Decoder) attrValue(i int) []byte { return d.rawAttr(i).Value }

// attr returns attribute i of the element just started.
func (d *Decoder) attr(i int) xml.Attr {
	a := d.rawAttr(i)
	return xml.Attr{Name: xml.Name{Space: d.uri(a.Name.NS, a.Name.Space), Local: string(a.Name.Local)}, Value: string(a.Value)}
}

// otherAttr reports whether attribute i, one the generated type does not declare, belongs in the
// field of an xs:anyAttribute wildcard: the xsi attributes (type, nil, schemaLocation), which the
// runtime handles itself, do not (namespace declarations are not attributes for the reader).
func (d *Decoder) otherAttr(i int) bool { return d.rawAttr(i).Name.NS != nsXSI }

// hasOtherAttrs reports whether the element just started has attributes other than xsi:type.
func (d *Decoder) hasOtherAttrs() bool {
	for i, n := 0, d.numAttr(); i < n; i++ {
		if a := d.rawAttr(i); a.Name.NS != nsXSI || string(a.Name.Local) != "type" {
			return true
		}
	}
	return false
}

// xsiType returns the resolved xsi:type of the element just started, if it has one.
func (d *Decoder) xsiType() (xml.Name, bool, error) {
	v, ok := d.attrNamed(nsXSI, "type")
	if !ok {
		return xml.Name{}, false, nil
	}
	n, err := d.resolveQName(v)
	return n, err == nil, err
}

// XSIType returns the resolved xsi:type of the element just started, if it has one.
func (d *Decoder) XSIType() (xml.Name, bool, error) { return d.xsiType() }

// xsiTypeRaw is xsiType, the name as the reader gives it (valid until the next token), without
// allocating.
func (d *Decoder) xsiTypeRaw() (xmlr.Name, bool, error) {
	v, ok := d.attrNamed(nsXSI, "type")
	if !ok {
		return xmlr.Name{}, false, nil
	}
	if d.rp != nil {
		n, err := d.rp.resolveQName(d, v)
		if err != nil {
			return xmlr.Name{}, false, err
		}
		return xmlr.Name{NS: xmlr.Intern(n.Space), Space: []byte(n.Space), Local: []byte(n.Local)}, true, nil
	}
	n, err := d.r.ResolveQName(v)
	if err != nil {
		return xmlr.Name{}, false, d.wrap(err)
	}
	return n, true, nil
}

// xmlName returns n as an xml.Name.
func (d *Decoder) xmlName(n xmlr.Name) xml.Name {
	return xml.Name{Space: d.uri(n.NS, n.Space), Local: string(n.Local)}
}

// resolveQName resolves a QName value ("p:local" or "local") against the namespaces in scope of the
// element most recently started. An unprefixed name takes the default namespace, as xs:QName values
// do.
func (d *Decoder) resolveQName(s []byte) (xml.Name, error) {
	if d.rp != nil {
		return d.rp.resolveQName(d, s)
	}
	n, err := d.r.ResolveQName(s)
	if err != nil {
		return xml.Name{}, d.wrap(err)
	}
	return xml.Name{Space: d.uri(n.NS, n.Space), Local: string(n.Local)}, nil
}

// text reads the character data of the element just started, up to and including its end tag. A
// child element is an error: simple content has none. The text is valid until the next call.
func (d *Decoder) text() ([]byte, error) {
	if d.rp != nil {
		return d.rp.text(d)
	}
	s, err := d.r.ReadText()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, d.wrap(err)
	}
	return s, nil
}

// Text reads the character data of the element just started, up to and including its end tag.
func (d *Decoder) Text() (string, error) {
	s, err := d.text()
	return string(s), err
}

// skip consumes the rest of the element just started, including its end tag.
func (d *Decoder) skip() error {
	if d.rp != nil {
		return d.rp.skip(d)
	}
	depth := d.r.Depth()
	for {
		k, err := d.r.Next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return d.wrap(err)
		}
		switch k {
		case xmlr.StartElement:
			if err := d.tick(); err != nil {
				return err
			}
		case xmlr.EndElement:
			if d.r.Depth() == depth {
				return nil
			}
		}
	}
}

// Skip consumes the rest of the element just started, including its end tag.
func (d *Decoder) Skip() error { return d.skip() }

// rpcResult is SOAP 1.2's rpc:result (SOAP 1.2 Part 2 section 4.2.3), which names the accessor of an
// rpc reply's return value; the parts are read by name, so it is skipped.
var rpcResult = NewName("http://www.w3.org/2003/05/soap-rpc", "result")

// unknown handles a child element the generated types do not know: it is skipped, or an error when
// DisallowUnknown was called (but SOAP 1.2's rpc:result in an encoded reply, which is always skipped).
func (d *Decoder) unknown() error {
	if d.disallowUnknown && !(d.encoded && d.match(&rpcResult)) {
		n := d.Name()
		return d.Errorf("unknown element {%s}%s", n.Space, n.Local)
	}
	return d.skip()
}

// Decode reads the element just started into v.
func (d *Decoder) Decode(v Message) error { return v.SOAPType().decode(d, v) }

// captureElement reads the element just started, verbatim, into a new soap.Element.
func captureElement(d *Decoder) (*soap.Element, error) {
	el := &soap.Element{Name: d.Name()}
	for i, n := 0, d.numAttr(); i < n; i++ {
		a := d.rawAttr(i)
		if a.Name.NS == nsXSI && string(a.Name.Local) == "type" {
			t, err := d.resolveQName(a.Value)
			if err != nil {
				return nil, err
			}
			el.Type = t
			continue
		}
		el.Attr = append(el.Attr, d.attr(i))
	}
	content, err := readContent(d)
	el.Content = content
	return el, err
}

// CaptureElement reads the element just started, verbatim, into a new soap.Element.
func (d *Decoder) CaptureElement() (*soap.Element, error) { return captureElement(d) }

// readContent reads the content of the element being read, up to and including its end tag: text
// and child elements (as *soap.Element) in document order.
//
// Adjacent character data is one text node. Empty text makes no node: it would be written back as
// <e></e>, which reads back as no content at all.
func readContent(d *Decoder) ([]soap.Node, error) {
	var content []soap.Node
	for {
		k, err := d.next()
		if err != nil {
			return content, err
		}
		switch k {
		case xmlr.StartElement:
			child, err := captureElement(d)
			if err != nil {
				return content, err
			}
			content = append(content, soap.Node{Element: child})
		case xmlr.Text:
			if t := d.charData(); len(t) > 0 {
				content = append(content, soap.Node{Text: string(t)})
			}
		case xmlr.EndElement:
			return content, nil
		}
	}
}

// next reads the next token.
func (d *Decoder) next() (xmlr.Kind, error) {
	if d.rp != nil {
		return d.rp.next(d)
	}
	k, err := d.r.Next()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, d.wrap(err)
	}
	if k == xmlr.StartElement {
		if err := d.tick(); err != nil {
			return 0, err
		}
	}
	return k, nil
}

// charData returns the text of the current Text token.
func (d *Decoder) charData() []byte {
	if d.rp != nil {
		return d.rp.cur().Text
	}
	return d.r.Text()
}

// decodeNodes reads mixed content into *dst: text and child elements in document order, the elements
// kept as *soap.Element.
func decodeNodes(d *Decoder, dst *[]soap.Node) error {
	out, err := readContent(d)
	if err != nil {
		return err
	}
	*dst = out
	return nil
}

// Encode writes v as the element name (a nil v with xsi:nil).
func Encode(e *Encoder, name xml.Name, v Message) {
	n := NewName(name.Space, name.Local)
	v.SOAPType().encodeElem(e, &n, xml.Name{}, v)
}

// decoderPool keeps Decoders for reuse, with the memory they allocated.
type decoderPool struct{ p sync.Pool }

func newDecoderPool() *decoderPool { return &decoderPool{} }

// get returns a Decoder reading data with types.
func (p *decoderPool) get(data []byte, types *Registry) *Decoder {
	d, _ := p.p.Get().(*Decoder)
	if d == nil {
		return NewDecoder(data, types)
	}
	d.Reset(data)
	d.types = types
	return d
}

// put returns d to the pool, keeping nothing of the document it read.
func (p *decoderPool) put(d *Decoder) {
	d.r.Reset(nil)
	d.r.MaxDepth = 0
	d.types, d.secrets, d.ctx, d.disallowUnknown = nil, nil, nil, false
	if len(d.spaces) > 64 {
		d.spaces = nil
	}
	p.p.Put(d)
}

// Reset makes d read the document data, keeping its registry and the memory it allocated.
func (d *Decoder) Reset(data []byte) {
	if d.r == nil {
		d.r = xmlr.NewReader(data)
	} else {
		d.r.Reset(data)
	}
	d.encoded, d.rp, d.budget = false, nil, 0
	// Empty after a decoding that returned; not after one that panicked (see Type.decode).
	clear(d.ptrs)
	d.ptrs, d.seen, d.last = d.ptrs[:0], d.seen[:0], d.last[:0]
}

// Finish reads the rest of the document after the root element, which must hold nothing but white
// space, comments and processing instructions.
func (d *Decoder) Finish() error {
	for {
		_, err := d.r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return d.wrap(err)
		}
		return d.Errorf("content after the root element")
	}
}

// BufferEncoded prepares d to read the SOAP Body whose start tag was just read as the Body of an
// rpc/encoded message: the rest of the Body is read into memory, and served again with every
// accessor referring to a multi-reference value (href="#x", SOAP 1.1 section 5.4.1; enc:ref, SOAP 1.2
// Part 2 section 3.1.5.1) read as that value.
func (d *Decoder) BufferEncoded() error { return d.bufferEncoded() }
