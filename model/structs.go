package model

import (
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/sogen-go/sogen/parser"
)

// inheritance links derived structs to their bases and names the interfaces of polymorphic bases.
func (b *builder) inheritance() error {
	for _, w := range b.structList {
		ct := w.ct
		if ct.Base == (xml.Name{}) || ct.Content != parser.ElementContent || ct.Derivation != parser.Extension {
			continue
		}
		if parser.IsBuiltin(ct.Base) {
			continue // extension of xs:anyType adds nothing
		}
		base := b.named[ct.Base]
		if base == nil {
			return errorf(ct.Pos, "base type {%s}%s cannot be extended: it is an array or dictionary type", ct.Base.Space, ct.Base.Local)
		}
		w.t.Base = base
	}
	for _, w := range b.structList {
		for base := w.t.Base; base != nil; base = base.Base {
			if base.Poly == nil {
				base.Poly = &Poly{}
				b.polyBases = append(b.polyBases, base)
			}
			base.Poly.Derived = append(base.Poly.Derived, w.t)
		}
	}
	sort.Slice(b.polyBases, func(i, j int) bool { return b.polyBases[i].GoName < b.polyBases[j].GoName })
	for _, t := range b.polyBases {
		t.Poly.Interface = b.scope.Claim("Any"+t.GoName, "Value")
		t.Poly.Method = "As" + t.GoName
		t.Poly.Var = b.scope.Claim(Unexported("poly" + t.GoName))
		sort.Slice(t.Poly.Derived, func(i, j int) bool { return t.Poly.Derived[i].GoName < t.Poly.Derived[j].GoName })
	}
	return nil
}

// structScope returns a new scope for the fields of the struct t: the names of its methods, of
// the types it extends (embedded, so promoted) and of the methods of their interfaces are taken, and
// extra. The names of the types t extends come from scopes shared along the chain of extension (see
// lineage), so that a chain of n extensions takes memory linear in n.
func (b *builder) structScope(t *Type, extra ...string) *Scope {
	var parent *Scope
	if t.Base != nil {
		parent = b.lineage(t.Base)
	}
	s := NewScopeIn(parent, "MarshalSOAP", "UnmarshalSOAP", "SOAPType")
	if t.Poly != nil {
		s.take(t.Poly.Method)
	}
	for _, name := range extra {
		s.take(name)
	}
	return s
}

// lineage returns the scope holding the names the fields of a type extending t may not take: t's
// own and its interface's method, then those of the types t extends (its parent scope). It is made
// once per type.
func (b *builder) lineage(t *Type) *Scope {
	if s, ok := b.lineages[t]; ok {
		return s
	}
	var parent *Scope
	if t.Base != nil {
		parent = b.lineage(t.Base)
	}
	s := NewScopeIn(parent, t.GoName)
	if t.Poly != nil {
		s.take(t.Poly.Method)
	}
	if b.lineages == nil {
		b.lineages = map[*Type]*Scope{}
	}
	b.lineages[t] = s
	return s
}

// buildStructs fills every struct's fields; anonymous types met on the way are appended to the work
// list and filled in turn.
//
// A struct that cannot be filled is, with Options.Lenient, kept as XML (see rawStruct), and so are
// the types derived from it; without, the error suggests -lenient.
func (b *builder) buildStructs() error {
	for i := 0; i < len(b.structList); i++ {
		w := b.structList[i]
		if w.raw {
			continue // made raw as a type derived from one that is
		}
		if w.ct.KeptAsXML != "" {
			b.rawStruct(w, w.ct.KeptAsXML, false) // parser.Normalize recorded the fix-up
			continue
		}
		err := b.fillStruct(w)
		if err == nil {
			continue
		}
		t := w.t
		var me *Error
		if t.ItemOfChoice || t.ItemOfSequence || t.BodyParts || !errors.As(err, &me) {
			return err
		}
		if !b.opts.Lenient {
			me.Hint = parser.Hint{Kind: parser.HintLenient, Effect: "keep the content of the type as XML"}
			return err
		}
		b.rawStruct(w, me.at(w.ct.Pos), true)
		if t.Poly != nil {
			for _, d := range t.Poly.Derived {
				for _, dw := range b.structList {
					if dw.t == d && !dw.raw {
						b.rawStruct(dw, fmt.Sprintf("it extends %s, which sogen cannot map", qstring(t.QName)), true)
					}
				}
			}
			t.Poly.Derived = nil
		}
	}
	return nil
}

// rawStruct makes the struct of w, whose content sogen cannot map or does not know (why), hold it as
// XML: its text and child elements in document order in a []soap.Node, its attributes in a
// []xml.Attr, both written back unchanged (the emitter writes it as mixed content with an attribute
// wildcard). It no longer embeds its base. unmapped says that sogen cannot map it, which a
// parser.Unmapped fix-up records; otherwise Normalize kept it as XML (parser.ComplexType.KeptAsXML)
// and recorded the fix-up.
func (b *builder) rawStruct(w *structWork, why string, unmapped bool) {
	t := w.t
	w.raw = true
	for _, x := range b.structList {
		if p := x.t.Poly; p != nil {
			p.Derived = slices.DeleteFunc(p.Derived, func(d *Type) bool { return d == t })
		}
	}
	t.Base = nil
	b.lineages = nil // made with t's former base
	t.Fields, t.Choices, t.Attrs, t.Text, t.Presence = nil, nil, nil, nil, ""
	w.scope = b.structScope(t)
	t.Mixed = w.scope.Claim("Content")
	t.AnyAttr = w.scope.Claim("AnyAttr", "Wildcard")
	t.RawType = w.scope.Claim("XSIType")
	what := "the anonymous type of the element " + t.GoName
	if !t.QName.IsZero() {
		what = "the complex type " + qstring(t.QName)
	}
	if !unmapped {
		t.Doc = joinDoc(fmt.Sprintf("%s is %s, whose content sogen does not know (%s): %s holds its text and child elements in document order, the elements as *soap.Element, %s its attributes and %s its xsi:type; all are written back unchanged.",
			t.GoName, what, why, t.Mixed, t.AnyAttr, t.RawType), w.ct.Doc)
		return
	}
	t.Doc = joinDoc(fmt.Sprintf("%s is %s, which sogen cannot map (%s): %s holds its text and child elements in document order, the elements as *soap.Element, %s its attributes and %s its xsi:type; all are written back unchanged.",
		t.GoName, what, why, t.Mixed, t.AnyAttr, t.RawType), w.ct.Doc)
	b.pkg.Fixups = append(b.pkg.Fixups, parser.Fixup{Kind: parser.Unmapped, Pos: w.ct.Pos,
		Msg: fmt.Sprintf("%s kept as XML in the fields %s and %s of %s, since sogen cannot map it: %s", what, t.Mixed, t.AnyAttr, t.GoName, why)})
}

func (b *builder) fillStruct(w *structWork) error {
	t, ct := w.t, w.ct
	if t.ItemOfChoice {
		t.Doc = fmt.Sprintf("%s is one occurrence of a repeated xs:choice: set exactly one field. It has no element of its own: it is written as the chosen branch's element.", t.GoName)
	} else if t.ItemOfSequence {
		t.Doc = fmt.Sprintf("%s is one occurrence of a repeated xs:sequence. It has no element of its own: it is written as its fields' elements, in order. "+
			"When decoding, an element starts a new occurrence unless it can follow the elements of the last one in the sequence.", t.GoName)
	} else if t.QName.IsZero() {
		t.Doc = fmt.Sprintf("%s is the content of the element of the same name.", t.GoName)
	} else {
		t.Doc = fmt.Sprintf("%s is the complex type %s.", t.GoName, qstring(t.QName))
	}
	if t.Base != nil {
		t.Doc += fmt.Sprintf(" It extends %s, whose fields it embeds and encodes first.", t.Base.GoName)
	}
	if t.Poly != nil {
		t.Doc += fmt.Sprintf(" Types derived from it implement %s; fields declared with this type hold an %s.", t.Poly.Interface, t.Poly.Interface)
	}
	if ct.Abstract {
		t.Abstract = true
		t.Doc += " The schema declares it abstract: only values of the types derived from it can be sent."
	}
	w.scope = b.structScope(t)
	if ct.Unmapped != "" {
		return &Error{Msg: ct.Unmapped} // located already
	}
	var fields []*Field
	switch {
	case ct.Content == parser.SimpleContent:
		gt, c, what, err := b.simpleContent(ct, 0)
		if err != nil {
			return err
		}
		name := w.scope.Claim("Value")
		t.Text = &TextField{GoName: name, Type: gt, Codec: c,
			Doc: fmt.Sprintf("%s is the element's text (%s); the attributes are the other fields.", name, what)}
		t.Doc += " It has simple content: a value with attributes."
	case b.mixed(ct):
		if t.Base != nil || t.Poly != nil {
			return errorf(ct.Pos, "mixed content in a type that extends or is extended by another is not supported yet")
		}
		if ct.Particle == nil || len(ct.Particle.Children) == 0 && ct.Particle.Kind != parser.GroupRef {
			name := w.scope.Claim("Value")
			t.Text = &TextField{GoName: name, Type: &GoType{Kind: Basic, Name: "string"}, Codec: builtinTypes["string"].codecRef(),
				Doc: fmt.Sprintf("%s is the element's text: the type is mixed and declares no child elements.", name)}
		} else {
			t.Mixed = w.scope.Claim("Content")
			t.Doc += fmt.Sprintf(" Its content is mixed (text between the child elements): %s holds text and elements in document order, the elements as *soap.Element, and is written back unchanged.", t.Mixed)
		}
	default:
		if err := b.particleFields(w, ct.Particle, false, false, &fields); err != nil {
			return err
		}
	}
	for i, f := range fields {
		f.Index = i
	}
	t.Fields = fields
	t.Choices = w.choices
	uses, anyAttr, err := b.attrUses(ct, 0)
	if err != nil {
		return err
	}
	for _, u := range uses {
		a, err := b.attrField(w, u)
		if err != nil {
			return err
		}
		a.Index = len(t.Attrs)
		t.Attrs = append(t.Attrs, a)
	}
	if anyAttr {
		t.AnyAttr = w.scope.Claim("AnyAttr", "Wildcard")
	}
	t.Doc = joinDoc(t.Doc, ct.Doc)
	if len(fields) > 0 {
		t.Presence = w.scope.Claim("Presence", "XML")
	}
	return nil
}

// maxDepth bounds the chains of derivations and attribute groups the model follows. The normalisation
// has refused circular ones (parser.Normalize), so a longer chain is a deep one, not a loop.
const maxDepth = 100

// mixed reports whether ct has mixed content, declared on it or inherited from its base.
func (b *builder) mixed(ct *parser.ComplexType) bool {
	for depth := 0; ct != nil && depth < maxDepth; depth++ {
		if ct.Mixed {
			return true
		}
		if ct.Derivation != parser.Extension || ct.Content != parser.ElementContent {
			return false
		}
		ct = b.set.ComplexTypes[ct.Base]
	}
	return false
}

// simpleContent returns the Go type and codec of the value of a type with simple content, and a
// description of it: its base's value type (a simple type, or the value of a complex type with
// simple content, whose facets a restriction may narrow but not change).
func (b *builder) simpleContent(ct *parser.ComplexType, depth int) (*GoType, *Codec, string, error) {
	if depth > maxDepth {
		return nil, nil, "", errorf(ct.Pos, "the simple content of this type is derived through more than %d complex types, more than sogen follows", maxDepth)
	}
	base := ct.Base
	if bt := b.set.ComplexTypes[base]; bt != nil {
		if bt.Content != parser.SimpleContent {
			if b.mixed(bt) && ct.Derivation == parser.Restricted {
				return &GoType{Kind: Basic, Name: "string"}, builtinTypes["string"].codecRef(), "xs:string", nil
			}
			return nil, nil, "", errorf(ct.Pos, "simple content derived from {%s}%s, which has element content", base.Space, base.Local)
		}
		return b.simpleContent(bt, depth+1)
	}
	if parser.IsBuiltin(base) && (base.Local == "anyType" || base.Local == "anySimpleType") {
		return &GoType{Kind: Basic, Name: "string"}, builtinTypes["string"].codecRef(), "xs:string", nil
	}
	gt, v, err := b.typeValue(base, ct.Pos)
	if err != nil {
		return nil, nil, "", err
	}
	if v.Kind != SimpleValue {
		return nil, nil, "", errorf(ct.Pos, "simple content of type {%s}%s, which is not a simple type", base.Space, base.Local)
	}
	what := base.Local
	if base.Space == parser.NSXSD {
		what = "xs:" + what
	}
	return gt, v.Codec, what, nil
}
