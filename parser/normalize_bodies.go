package parser

import (
	"encoding/xml"
	"strings"
)

// documentBodies gives the input and output of every document-style operation of a SOAP binding its
// body (rpc ones have theirs from rpcBodies): nothing, the element of its one part, or, for several
// parts, a stand-in element (see BindingIO).
//
// Several parts side by side in the Body: WSDL 1.1 section 3.5 allows it ("document: the message
// parts appear directly under the soap:Body element", one element per part, in message order); WS-I
// Basic Profile 1.1 R2201 and R2210 forbid it, but services exist that do it. Every part must name an
// element, and no two the same one (the reply's elements are matched to the parts by name). One
// stand-in is made per message and list of parts, however many operations use it.
func (n *normalizer) documentBodies() error {
	standIns := map[string]*Element{}
	return n.s.soapOperations(func(b *Binding, bop *BindingOperation, op *Operation) error {
		if OperationStyle(b, bop) == "rpc" || op.Input == nil {
			return nil
		}
		for _, x := range []struct {
			io  *IO
			bio **BindingIO
		}{{op.Input, &bop.Input}, {op.Output, &bop.Output}} {
			if x.io == nil {
				continue
			}
			if *x.bio == nil {
				*x.bio = &BindingIO{}
			}
			bio := *x.bio
			m := n.s.Messages[x.io.Message]
			parts, missing := bodyParts(m, bio)
			if missing != "" {
				return lenientf(op.Pos, "leave it out of the body", "soap:body part %s is not in message %s", missing, m.Name.Local)
			}
			bio.Message, bio.Parts = m, parts
			switch {
			case len(parts) == 0:
				bio.BodyKind = EmptyBody
			case len(parts) > 1:
				e, err := partsElement(n.s, standIns, m, parts, op.Pos)
				if err != nil {
					return err
				}
				bio.BodyKind, bio.Element = PartsBody, e
			case parts[0].Element == (xml.Name{}):
				return typePartError(op.Pos, m, parts[0])
			default:
				bio.BodyKind, bio.Element = ElementBody, n.s.Elements[parts[0].Element]
			}
		}
		return nil
	})
}

// typePartError is the error for part p of message m, which names a type, in a document-style body.
func typePartError(pos Pos, m *Message, p *Part) error {
	return lenientf(pos, "read it as an element named after the part, in no namespace",
		"part %s of message %s names a type, not an element, which a document-style binding cannot put in the body (sogen supports type parts in rpc style)", p.Name, m.Name.Local)
}

// partsElement returns the stand-in body element of message m whose parts, several, go side by side in
// a document-style Body: named after the first part's element (the first element the Body holds),
// with an anonymous type whose sequence refers to each part's element in order.
func partsElement(s *Set, made map[string]*Element, m *Message, parts []*Part, pos Pos) (*Element, error) {
	var names []string
	seen := map[xml.Name]string{}
	for _, p := range parts {
		if p.Element == (xml.Name{}) {
			return nil, typePartError(pos, m, p)
		}
		if s.Elements[p.Element] == nil {
			return nil, errorf(pos, "part %s of message %s: element {%s}%s is not defined", p.Name, m.Name.Local, p.Element.Space, p.Element.Local)
		}
		if other, ok := seen[p.Element]; ok {
			return nil, errorf(pos, "parts %s and %s of message %s both put the element %s in the body; sogen could not tell them apart in a reply", other, p.Name, m.Name.Local, p.Element.Local)
		}
		seen[p.Element] = p.Name
		names = append(names, p.Name)
	}
	key := m.Name.Space + "\x00" + m.Name.Local + "\x00" + strings.Join(names, " ")
	if e, ok := made[key]; ok {
		return e, nil
	}
	seq := &Particle{Kind: Sequence, Pos: m.Pos, MinOccurs: 1, MaxOccurs: 1}
	for _, p := range parts {
		seq.Children = append(seq.Children, &Particle{Kind: ElementParticle, Pos: m.Pos, MinOccurs: 1, MaxOccurs: 1, Element: &Element{Ref: p.Element, Pos: m.Pos}})
	}
	e := &Element{Name: parts[0].Element, Pos: m.Pos, Complex: &ComplexType{Pos: m.Pos, Particle: seq}}
	made[key] = e
	return e, nil
}
