package parser

import (
	"encoding/xml"
	"fmt"

	"github.com/beevik/etree"
)

// Namespaces of the SOAP encoding (SOAP 1.1 section 5, SOAP 1.2 Part 2 section 3).
const (
	NSSOAPEnc11 = "http://schemas.xmlsoap.org/soap/encoding/"
	NSSOAPEnc12 = "http://www.w3.org/2003/05/soap-encoding"
)

// skipImport reports whether the xs:import el is not followed: an import of a SOAP encoding
// namespace from a remote location. Its types serve only encoded bindings, which sogen refuses (see
// EncodedError), and literal WSDLs often import it for nothing; a notice says so. A reference to one of
// its types is still an error, naming the type.
func skipImport(f *file, el *etree.Element, loc string) bool {
	ns := el.SelectAttrValue("namespace", "")
	if ns != NSSOAPEnc11 && ns != NSSOAPEnc12 || !isURL(loc) {
		return false
	}
	f.l.set.Notices = append(f.l.set.Notices, fmt.Sprintf("%s: the SOAP encoding schema %s is not read (sogen refuses encoded bindings, the only users of its types)", f.pos(el), loc))
	return true
}

// EncodedError returns the error refusing binding operation bop of b when it uses SOAP encoding
// (use="encoded" on its soap:body), or nil.
func EncodedError(b *Binding, bop *BindingOperation) error {
	for _, io := range []*BindingIO{bop.Input, bop.Output} {
		if io != nil && io.Body != nil && io.Body.Use == "encoded" {
			return errorf(bop.Pos, "operation %s of binding %s is %s/encoded, which sogen refuses: with use=\"encoded\" the wire form follows "+
				"the SOAP section 5 encoding rules (xsi:type on every value, SOAP-ENC arrays with arrayType, values shared through href/id) "+
				"instead of the schema, so a typed client cannot promise what it sends or decode every reply; use a literal binding of the service if it has one",
				bop.Name, b.Name.Local, OperationStyle(b, bop))
		}
	}
	return nil
}

// EncodedBinding returns the error of the first encoded operation of b, or nil.
func EncodedBinding(b *Binding) error {
	for _, bop := range b.Operations {
		if err := EncodedError(b, bop); err != nil {
			return err
		}
	}
	return nil
}

// refuseEncoded returns the refusal of the first SOAP binding with an encoded operation whose port
// type has no other SOAP binding free of them (the model skips an encoded binding, with a notice, when
// there is one). It runs before references are checked, since encoded schemas refer to SOAP encoding
// types (soapenc:Array) that are not read: the refusal is the useful message.
func refuseEncoded(s *Set) error {
	literal := map[xml.Name]bool{}
	for _, b := range s.Bindings {
		if (b.Protocol == SOAP11 || b.Protocol == SOAP12) && EncodedBinding(b) == nil {
			literal[b.Type] = true
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

// rpcWrappers gives every rpc/literal binding operation of a SOAP binding the wrapper elements its
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
// Encoded operations are left alone (they are refused or their binding skipped).
func rpcWrappers(s *Set) error {
	made := map[xml.Name]*Element{}
	for _, b := range s.Bindings {
		if b.Protocol != SOAP11 && b.Protocol != SOAP12 || EncodedBinding(b) != nil {
			continue
		}
		pt := s.PortType(b.Type)
		for _, bop := range b.Operations {
			if OperationStyle(b, bop) != "rpc" {
				continue
			}
			var op *Operation
			for _, o := range pt.Operations {
				if o.Name == bop.Name {
					op = o
				}
			}
			if op == nil || op.Input == nil {
				continue
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
				w, err := rpcWrapper(bop, s.Messages[x.io.Message], x.bio, xml.Name{Space: ns, Local: x.name})
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
				x.bio.Wrapper = w
			}
		}
	}
	return nil
}

// rpcWrapper builds the wrapper element of message m as bio binds it.
func rpcWrapper(bop *BindingOperation, m *Message, bio *BindingIO, name xml.Name) (*Element, error) {
	var parts []*Part
	if bio.Body != nil && bio.Body.Parts != nil {
		for _, n := range bio.Body.Parts {
			p := m.Part(n)
			if p == nil {
				return nil, errorf(bop.Pos, "soap:body part %s is not in message %s", n, m.Name.Local)
			}
			parts = append(parts, p)
		}
	} else {
		for _, p := range m.Parts {
			header := false
			for _, h := range bio.Headers {
				if h.Message == m.Name && h.Part == p.Name {
					header = true
				}
			}
			if !header {
				parts = append(parts, p)
			}
		}
	}
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
