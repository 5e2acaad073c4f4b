package parser

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// Namespaces of the SOAP encoding (SOAP 1.1 section 5, SOAP 1.2 Part 2 section 3).
const (
	NSSOAPEnc11 = "http://schemas.xmlsoap.org/soap/encoding/"
	NSSOAPEnc12 = "http://www.w3.org/2003/05/soap-encoding"
)

// skipImport reports whether the xs:import el is not followed: an import of a SOAP encoding
// namespace from a remote location. sogen knows the types of the SOAP 1.1 encoding that WSDLs use
// (soapenc:Array and its arrayType attribute, the built-in types it redefines), and literal WSDLs
// often import it for nothing; a notice says so.
func skipImport(f *file, el *etree.Element, loc string) bool {
	ns := el.SelectAttrValue("namespace", "")
	if ns != NSSOAPEnc11 && ns != NSSOAPEnc12 || !isURL(loc) {
		return false
	}
	f.l.set.Notices = append(f.l.set.Notices, fmt.Sprintf("%s: the SOAP encoding schema %s is not read (sogen knows the types encoded bindings use from it)", f.pos(el), loc))
	return true
}

// Encoded reports whether binding operation bop uses SOAP encoding (use="encoded" on the soap:body of
// its input or output).
func Encoded(bop *BindingOperation) bool {
	for _, io := range []*BindingIO{bop.Input, bop.Output} {
		if io != nil && io.Body != nil && io.Body.Use == "encoded" {
			return true
		}
	}
	return false
}

// EncodingOf returns the namespace of the SOAP encoding of binding b: the SOAP 1.1 encoding for a
// SOAP 1.1 binding, the SOAP 1.2 encoding for a SOAP 1.2 one.
func EncodingOf(b *Binding) string {
	if b.Protocol == SOAP12 {
		return NSSOAPEnc12
	}
	return NSSOAPEnc11
}

// EncodedError returns the error refusing binding operation bop of b when it uses SOAP encoding in a
// way sogen does not support, or nil. sogen supports rpc/encoded operations with the encoding of
// their binding's SOAP version (SOAP 1.1 section 5 in SOAP 1.1 bindings, SOAP 1.2 Part 2 section 3 in
// SOAP 1.2 ones); it refuses document/encoded and other encodingStyle values.
func EncodedError(b *Binding, bop *BindingOperation) error {
	if !Encoded(bop) {
		return nil
	}
	style := OperationStyle(b, bop)
	if style != "rpc" {
		return errorf(bop.Pos, "operation %s of binding %s is %s/encoded, which sogen refuses: SOAP encoding is only supported with style=\"rpc\" "+
			"(document/encoded has no wrapper element to carry the encoded parts, and practically no service uses it); use a literal binding of the service if it has one",
			bop.Name, b.Name.Local, style)
	}
	enc := EncodingOf(b)
	for _, io := range []*BindingIO{bop.Input, bop.Output} {
		if io == nil || io.Body == nil || io.Body.Use != "encoded" {
			continue
		}
		ok := io.Body.EncodingStyle == ""
		for _, st := range strings.Fields(io.Body.EncodingStyle) {
			if strings.HasPrefix(st, enc) {
				ok = true
			}
		}
		if !ok {
			return errorf(bop.Pos, "operation %s of binding %s is rpc/encoded with encodingStyle %q, which sogen refuses: a %s binding is supported with the %s encoding (%s) only",
				bop.Name, b.Name.Local, io.Body.EncodingStyle, b.Protocol, b.Protocol, enc)
		}
	}
	return nil
}

// EncodedBinding returns the error of the first operation of b that uses SOAP encoding in a way
// sogen refuses, or nil.
func EncodedBinding(b *Binding) error {
	for _, bop := range b.Operations {
		if err := EncodedError(b, bop); err != nil {
			return err
		}
	}
	return nil
}

// EncodedAny reports whether an operation of b uses SOAP encoding.
func EncodedAny(b *Binding) bool {
	for _, bop := range b.Operations {
		if Encoded(bop) {
			return true
		}
	}
	return false
}

// refuseEncoded returns the refusal of the first SOAP binding with an encoded operation sogen does
// not support whose port type has no SOAP binding free of encoded operations (the model skips an
// encoded binding, with a notice, when there is one). It runs before references are checked, since
// encoded schemas may refer to SOAP encoding types that are not read: the refusal is the useful
// message. When a SOAP binding uses SOAP encoding, the type soapenc:Array of the SOAP 1.1 or 1.2
// encoding (an array of anything, []any in Go) is defined when something refers to it, unless the input
// defines it.
func refuseEncoded(s *Set) error {
	literal := map[xml.Name]bool{}
	encoded := false
	for _, b := range s.Bindings {
		if b.Protocol == SOAP11 || b.Protocol == SOAP12 {
			if !EncodedAny(b) {
				literal[b.Type] = true
			} else {
				encoded = true
			}
		}
	}
	for _, b := range s.Bindings {
		if b.Protocol != SOAP11 && b.Protocol != SOAP12 || literal[b.Type] {
			continue
		}
		if err := EncodedBinding(b); err != nil {
			return err
		}
	}
	for _, ns := range []string{NSSOAPEnc11, NSSOAPEnc12} {
		arr := xml.Name{Space: ns, Local: "Array"}
		if encoded && s.ComplexTypes[arr] == nil && refersTo(s, arr) {
			any := xml.Name{Space: NSXSD, Local: "anyType"}
			s.ComplexTypes[arr] = &ComplexType{Name: arr, Doc: "A SOAP-ENC array whose items may be of any type.", EncArray: any,
				Particle: &Particle{Kind: Sequence, MinOccurs: 1, MaxOccurs: 1, Children: []*Particle{{Kind: ElementParticle, MinOccurs: 0, MaxOccurs: Unbounded,
					Element: &Element{Name: xml.Name{Local: "item"}, Type: any}}}}}
		}
	}
	return nil
}

// OperationStyle returns the style of a binding operation: its own soap:operation style, else the
// binding's soap:binding style, else "document" (WSDL 1.1 section 3.4).
func OperationStyle(b *Binding, op *BindingOperation) string {
	switch {
	case op.Style != "":
		return op.Style
	case b.Style != "":
		return b.Style
	}
	return "document"
}

// rpcWrappers gives every rpc binding operation (literal or encoded) of a SOAP binding the wrapper elements its
// messages travel in (WSDL 1.1 section 3.5; WS-I Basic Profile 1.1 section 4.7), as global elements
// with an anonymous complex type, so that the rest of sogen treats them as document/literal wrapped
// messages:
//
//   - the request wrapper is named after the operation, the reply wrapper after the operation suffixed
//     with "Response" (BP R2729), both in the namespace of their soap:body's namespace attribute
//     (no namespace when it is absent);
//   - each part the body carries becomes one child, in message order: an accessor element named after
//     the part (BP R2755), in no namespace (BP R2735), whose type is the part's type; a part naming an
//     element (which BP R2203 forbids for rpc-literal) gets an accessor holding that element, as WSDL
//     1.1 section 3.5 describes ("under an accessor element named after the message part").
//
// Bindings with an encoded operation sogen refuses are left alone (they are refused or skipped).
// The wrappers of rpc/encoded operations have the same shape; the runtime writes and reads them
// following the SOAP 1.1 encoding.
func rpcWrappers(s *Set) error {
	made := map[xml.Name]*Element{}
	return s.soapOperations(func(b *Binding, bop *BindingOperation, op *Operation) error {
		if OperationStyle(b, bop) != "rpc" || op.Input == nil {
			return nil
		}
		type msg struct {
			io   *IO
			bio  *BindingIO
			name string
			what string
		}
		msgs := []msg{{op.Input, bop.Input, op.Name, "input"}}
		if op.Output != nil {
			msgs = append(msgs, msg{op.Output, bop.Output, op.Name + "Response", "output"})
		}
		for _, x := range msgs {
			if x.bio == nil {
				return errorf(bop.Pos, "operation %s has no wsdl:%s for its message %s", bop.Name, x.what, x.io.Message.Local)
			}
			ns := ""
			if x.bio.Body != nil {
				ns = x.bio.Body.Namespace
			}
			if ns == "" {
				s.Notices = append(s.Notices, fmt.Sprintf("%s: the soap:body of the %s of rpc operation %s has no namespace attribute (WS-I BP R2717 requires one); its wrapper element %s is in no namespace", bop.Pos, x.what, bop.Name, x.name))
			}
			m := s.Messages[x.io.Message]
			parts, missing := bodyParts(m, x.bio)
			if missing != "" {
				return errorf(bop.Pos, "soap:body part %s is not in message %s", missing, m.Name.Local)
			}
			w, err := rpcWrapper(bop, m, parts, xml.Name{Space: ns, Local: x.name})
			if err != nil {
				return err
			}
			if old := made[w.Name]; old != nil {
				if canonical(old) != canonical(w) {
					return errorf(bop.Pos, "operation %s: the rpc wrapper element {%s}%s is also made, differently, for %s", bop.Name, ns, x.name, old.Pos)
				}
				w = old
			} else if old := s.Elements[w.Name]; old != nil {
				return errorf(bop.Pos, "operation %s: its rpc wrapper element {%s}%s has the name of the element declared at %s; sogen cannot map both", bop.Name, ns, x.name, old.Pos)
			}
			made[w.Name] = w
			s.Elements[w.Name] = w
			x.bio.BodyKind, x.bio.Element, x.bio.Parts, x.bio.Message = RPCBody, w, parts, m
		}
		return nil
	})
}

// rpcWrapper builds the wrapper element of message m, holding parts.
func rpcWrapper(bop *BindingOperation, m *Message, parts []*Part, name xml.Name) (*Element, error) {
	seq := &Particle{Kind: Sequence, Pos: bop.Pos, MinOccurs: 1, MaxOccurs: 1}
	for _, p := range parts {
		if !validNCName(p.Name) {
			return nil, errorf(m.Pos, "part name %q is not a valid XML name, so it cannot name an rpc accessor element", p.Name)
		}
		acc := &Element{Name: xml.Name{Local: p.Name}, Pos: m.Pos, Type: p.Type,
			Doc: fmt.Sprintf("The part %s of message %s.", p.Name, m.Name.Local)}
		if p.Element != (xml.Name{}) {
			acc.Type = xml.Name{}
			acc.Complex = &ComplexType{Pos: m.Pos,
				Doc: fmt.Sprintf("The rpc accessor of part %s of message %s, holding the element %s.", p.Name, m.Name.Local, p.Element.Local),
				Particle: &Particle{Kind: Sequence, Pos: m.Pos, MinOccurs: 1, MaxOccurs: 1,
					Children: []*Particle{{Kind: ElementParticle, Pos: m.Pos, MinOccurs: 1, MaxOccurs: 1, Element: &Element{Ref: p.Element, Pos: m.Pos}}}}}
		}
		seq.Children = append(seq.Children, &Particle{Kind: ElementParticle, Pos: m.Pos, MinOccurs: 1, MaxOccurs: 1, Element: acc})
	}
	doc := fmt.Sprintf("The rpc wrapper of message %s of operation %s: its children are the message's parts.", m.Name.Local, bop.Name)
	return &Element{Name: name, Pos: bop.Pos, Doc: doc, Complex: &ComplexType{Pos: bop.Pos, Doc: doc, Particle: seq}}, nil
}

// refersTo reports whether a message part, an element or a complex type's element declaration
// names the type n.
func refersTo(s *Set, n xml.Name) bool {
	for _, m := range s.Messages {
		for _, p := range m.Parts {
			if p.Type == n {
				return true
			}
		}
	}
	found := false
	walker{element: func(e *Element) { found = found || e.Type == n }}.set(s)
	return found
}
