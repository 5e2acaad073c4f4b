package model

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// partsElement returns, for a document-style message whose binding puts several parts in the Body,
// a stand-in body element whose anonymous type is the struct of those parts (see Type.BodyParts), so
// that the operation is built as a wrapped one: the request's parts become the method's parameters,
// the reply's parts the fields of the result struct. The stand-in is named after the first part's
// element, the first element the Body holds; it is never written itself.
//
// WSDL 1.1 section 3.5 allows it ("document: the message parts appear directly under the soap:Body
// element", one element per part, in message order); WS-I Basic Profile 1.1 R2201 and R2210 forbid
// it, but services exist that do it. Every part must name an element, and no two the same one (the
// reply's elements are matched to the parts by name). One struct is made per message and list of
// parts, however many operations use it.
func (b *builder) partsElement(m *parser.Message, parts []*parser.Part, pos parser.Pos) (*parser.Element, error) {
	var names []string
	seen := map[xml.Name]string{}
	for _, p := range parts {
		if p.Element == (xml.Name{}) {
			return nil, typePartError(pos, p, m)
		}
		if b.set.Elements[p.Element] == nil {
			return nil, errorf(pos, "part %s of message %s: element {%s}%s is not defined", p.Name, m.Name.Local, p.Element.Space, p.Element.Local)
		}
		if other, ok := seen[p.Element]; ok {
			return nil, errorf(pos, "parts %s and %s of message %s both put the element %s in the body; sogen could not tell them apart in a reply", other, p.Name, m.Name.Local, p.Element.Local)
		}
		seen[p.Element] = p.Name
		names = append(names, p.Name)
	}
	key := m.Name.Space + "\x00" + m.Name.Local + "\x00" + strings.Join(names, " ")
	if e, ok := b.partsElems[key]; ok {
		return e, nil
	}
	ct := &parser.ComplexType{Pos: m.Pos}
	e := &parser.Element{Name: parts[0].Element, Pos: m.Pos, Complex: ct}
	t := &Type{Kind: Struct, BodyParts: true, GoName: b.scope.Claim(Exported(m.Name.Local), "Parts")}
	t.Doc = fmt.Sprintf("%s holds the parts of message %s (%s), which the binding puts side by side in the SOAP Body (document style with several parts, WSDL 1.1 section 3.5): one field per part, in order. It has no element of its own.",
		t.GoName, m.Name.Local, strings.Join(names, ", "))
	t.Doc = joinDoc(t.Doc, m.Doc)
	w := &structWork{t: t, ct: ct, scope: NewScope(append(structReserved(t), "UnmarshalSOAPBody")...)}
	b.structs[ct] = t
	b.structList = append(b.structList, w)
	goNames := NewScope(append(structReserved(t), "UnmarshalSOAPBody")...)
	for i, p := range parts {
		pp := &parser.Particle{Kind: parser.ElementParticle, Pos: m.Pos, MinOccurs: 1, MaxOccurs: 1, Element: &parser.Element{Ref: p.Element, Pos: m.Pos}}
		f, err := b.elementField(w, pp, false, false)
		if err != nil {
			return nil, err
		}
		f.GoName = goNames.Claim(Exported(p.Name), "Part")
		f.Index = i
		f.Doc = strings.Replace(fieldDoc(f, b.element(pp.Element), pp), " is the element ", fmt.Sprintf(" is the part %s, the element ", p.Name), 1)
		t.Fields = append(t.Fields, f)
	}
	t.Presence = goNames.Claim("Presence", "XML")
	t.FieldsVar = b.scope.Claim(Unexported("fields" + t.GoName))
	if b.partsElems == nil {
		b.partsElems = map[string]*parser.Element{}
	}
	b.partsElems[key] = e
	return e, nil
}

// partsList describes the elements of a BodyParts struct for method documentation: "the elements a,
// b and c side by side".
func partsList(t *Type) string {
	var names []string
	for _, f := range t.Fields {
		names = append(names, f.Elem.Local)
	}
	last := names[len(names)-1]
	return "the elements " + strings.Join(names[:len(names)-1], ", ") + " and " + last + " side by side"
}

// typePartError is the error for part p of message m, which names a type, in a document-style body.
func typePartError(pos parser.Pos, p *parser.Part, m *parser.Message) error {
	return lenientf(pos, "read it as an element named after the part, in no namespace",
		"part %s of message %s names a type, not an element, which a document-style binding cannot put in the body (sogen supports type parts in rpc style)", p.Name, m.Name.Local)
}
