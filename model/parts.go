package model

import (
	"fmt"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// partsType returns the struct of the parts of a document-style message that the binding IO bio puts
// side by side in the Body (parser.PartsBody; see Type.BodyParts), so that the operation is built as a
// wrapped one: the request's parts become the method's parameters, the reply's parts the fields of
// the result struct. The struct is the type of the normalisation's stand-in body element, named after
// the message; one is made per stand-in, however many operations use it.
func (b *builder) partsType(bio *parser.BindingIO) (*Type, error) {
	ct, m := bio.Element.Complex, bio.Message
	if t := b.structs[ct]; t != nil {
		return t, nil
	}
	var names []string
	for _, p := range bio.Parts {
		names = append(names, p.Name)
	}
	t := &Type{Kind: Struct, BodyParts: true, GoName: b.scope.Claim(Exported(m.Name.Local), "Parts")}
	t.Doc = fmt.Sprintf("%s holds the parts of message %s (%s), which the binding puts side by side in the SOAP Body (document style with several parts, WSDL 1.1 section 3.5): one field per part, in order. It has no element of its own.",
		t.GoName, m.Name.Local, strings.Join(names, ", "))
	t.Doc = joinDoc(t.Doc, m.Doc)
	w := &structWork{t: t, ct: ct, scope: b.structScope(t, "UnmarshalSOAPBody")}
	b.structs[ct] = t
	b.structList = append(b.structList, w)
	goNames := b.structScope(t, "UnmarshalSOAPBody")
	for i, pp := range ct.Particle.Children {
		p := bio.Parts[i]
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
	return t, nil
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
