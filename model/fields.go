package model

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// particleFields appends the fields of particle p; optional is true inside an optional group, and
// choice inside a branch of an xs:choice (whose fields must be able to say "not chosen").
func (b *builder) particleFields(w *structWork, p *parser.Particle, optional, choice bool, out *[]*Field) error {
	if p == nil {
		return nil
	}
	switch p.Kind {
	case parser.Sequence, parser.All:
		if p.MaxOccurs != 1 {
			return b.occurrences(w, p, out)
		}
		for _, c := range p.Children {
			if err := b.particleFields(w, c, optional || p.MinOccurs == 0, choice, out); err != nil {
				return err
			}
		}
		return nil
	case parser.GroupRef:
		g := b.set.Groups[p.Ref]
		if p.MaxOccurs != 1 {
			return errorf(p.Pos, "a repeated reference to a group is not supported yet")
		}
		if w.groups[p.Ref] {
			return errorf(p.Pos, "group {%s}%s contains itself", p.Ref.Space, p.Ref.Local)
		}
		if w.groups == nil {
			w.groups = map[xml.Name]bool{}
		}
		w.groups[p.Ref] = true
		defer delete(w.groups, p.Ref)
		inner := *g.Particle
		if p.MinOccurs == 0 {
			inner.MinOccurs = 0
		}
		return b.particleFields(w, &inner, optional, choice, out)
	case parser.Choice:
		if p.MaxOccurs != 1 {
			return b.occurrences(w, p, out)
		}
		ch := &Choice{Required: !optional && p.MinOccurs > 0}
		for _, c := range p.Children {
			start := len(*out)
			if err := b.particleFields(w, c, true, true, out); err != nil {
				return err
			}
			var br []int
			for i := start; i < len(*out); i++ {
				br = append(br, i)
			}
			if len(br) == 0 {
				// an empty branch (an empty sequence) makes choosing nothing valid
				ch.Required = false
				continue
			}
			ch.Branches = append(ch.Branches, br)
		}
		w.choices = append(w.choices, ch)
		return nil
	case parser.AnyParticle:
		f := &Field{
			GoName:    w.scope.Claim("Any", "Elements"),
			Optional:  true,
			ZeroUnset: true,
			Shape:     Wildcard,
			Type:      &GoType{Kind: Slice, Elem: &GoType{Kind: Pointer, Elem: &GoType{Kind: Runtime, Name: "Element"}}},
		}
		ns := p.Namespace
		f.Doc = fmt.Sprintf("%s holds the elements matched by the wildcard xs:any (namespace %q; occurs %d to %s times), kept as XML and written back unchanged. "+
			"When decoding, every child element the type does not declare is put here.", f.GoName, ns, p.MinOccurs, occursText(p.MaxOccurs))
		*out = append(*out, f)
		return nil
	}
	f, err := b.elementField(w, p, optional, choice)
	if err != nil {
		return err
	}
	*out = append(*out, f)
	return nil
}

// occurrences appends the field of a repeated xs:choice or xs:sequence: a slice of a struct holding
// one occurrence (p.Occurrence). A choice's occurrence has single elements for branches, so that each
// element on the wire starts an occurrence; it is named after its branches ("NoteOrCount") when it has
// up to three, after the head of the substitution group it stands for, else "Choice". A sequence's is
// named after its elements and group references ("KeyAndValue") when it holds up to three, else
// "Sequence".
func (b *builder) occurrences(w *structWork, p *parser.Particle, out *[]*Field) error {
	choice := p.Kind == parser.Choice
	switch {
	case p.Occurrence == nil:
		return errorf(p.Pos, "a repeated xs:%s that the normalisation left as it is", p.Kind)
	case !choice && w.t.ItemOfSequence:
		return errorf(p.Pos, "a repeated xs:sequence inside a repeated xs:sequence is not supported yet")
	}
	var names []string
	for _, c := range p.Occurrence.Particle.Children {
		switch c.Kind {
		case parser.ElementParticle:
			names = append(names, Exported(b.element(c.Element).Name.Local))
		case parser.AnyParticle:
			names = append(names, "Any")
		case parser.GroupRef:
			names = append(names, Exported(c.Ref.Local))
		default:
			names = append(names, "")
		}
	}
	base, join, what := "Sequence", "And", "the repeated xs:sequence"
	if choice {
		base, join, what = "Choice", "Or", "the repeated xs:choice"
	}
	switch {
	case p.Head != (xml.Name{}):
		base, what = Exported(p.Head.Local), "the elements of the substitution group of "+p.Head.Local
	case len(names) > 0 && len(names) <= 3 && !slices.Contains(names, ""):
		base = strings.Join(names, join)
	}
	f := &Field{GoName: w.scope.Claim(base, "Items"), Optional: true, ZeroUnset: true, Shape: Sequences}
	it := &Type{Kind: Struct, GoName: b.scope.Claim(w.t.GoName+f.GoName, "Item"), ItemOfSequence: !choice, ItemOfChoice: choice}
	if choice {
		f.Shape = Choices
	}
	b.structList = append(b.structList, &structWork{t: it, ct: p.Occurrence})
	f.Type = &GoType{Kind: Slice, Elem: &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: it}}}
	f.Value = &Value{Kind: StructValue, Type: it}
	each := "is one occurrence, its fields written in schema order"
	if choice {
		each = "sets one branch"
	}
	f.Doc = fmt.Sprintf("%s holds the occurrences of %s (occurs %d to %s times), in order; each %s %s.",
		f.GoName, what, p.MinOccurs, occursText(p.MaxOccurs), it.GoName, each)
	*out = append(*out, f)
	return nil
}

func occursText(n int) string {
	if n == parser.Unbounded {
		return "unbounded"
	}
	return fmt.Sprint(n)
}

// element resolves an element reference.
func (b *builder) element(e *parser.Element) *parser.Element {
	if e.Ref != (xml.Name{}) {
		return b.set.Elements[e.Ref]
	}
	return e
}

func (b *builder) elementField(w *structWork, p *parser.Particle, optional, choice bool) (*Field, error) {
	e := b.element(p.Element)
	f := &Field{
		GoName:   w.scope.Claim(Exported(e.Name.Local)),
		Elem:     b.qname(e.Name),
		Optional: optional || p.MinOccurs == 0,
		Nillable: e.Nillable,
	}
	gt, v, err := b.elementValue(e, w.t.GoName+Exported(e.Name.Local))
	if err != nil {
		return nil, err
	}
	f.Type, f.Value = gt, v
	switch {
	case p.MaxOccurs != 1:
		f.Shape = Repeated
		gt, v = refItem(e.Nillable, gt, v)
		f.Value = v
		f.Type = &GoType{Kind: Slice, Elem: gt}
		f.Optional = false
		f.ZeroUnset = v.reference() || v.Ref
	case v.Kind == ArrayValue:
		f.Shape, f.Array, f.Value = Wrapped, v.Array, nil
		f.ZeroUnset = true
	case v.Kind == DictValue:
		f.Shape, f.Dict, f.Value = Dictionary, v.Dict, nil
		f.ZeroUnset = true
	default:
		// An empty element with a default or fixed value means that value (XML Schema Part 1 section
		// 3.3.4), so such a string element cannot carry "": the empty string means no value.
		valued := e.Default != nil || e.Fixed != nil
		f.ZeroUnset = v.reference() || v.emptyUnset() || gt.Kind == XMLName || (f.Nillable || valued) && gt.stringKind()
		if choice && !f.ZeroUnset {
			// a branch of a choice must be able to say "not chosen": nil is that
			r := *v
			r.Ref = true
			f.Type, f.Value, f.ZeroUnset = &GoType{Kind: Pointer, Elem: gt}, &r, true
		}
	}
	f.Doc = fieldDoc(f, e, p)
	if choice {
		f.Doc += " It is a branch of an xs:choice: encoding fails when more than one branch is set."
	}
	return f, nil
}

// fieldDoc documents a field with its element name, schema type and occurrence.
func fieldDoc(f *Field, e *parser.Element, p *parser.Particle) string {
	var occ []string
	switch {
	case p.MaxOccurs != 1:
		max := "unbounded"
		if p.MaxOccurs > 0 {
			max = fmt.Sprint(p.MaxOccurs)
		}
		occ = append(occ, fmt.Sprintf("occurs %d to %s times", p.MinOccurs, max))
	case f.Optional:
		occ = append(occ, "optional")
	default:
		occ = append(occ, "required")
	}
	if f.Nillable {
		occ = append(occ, "nillable")
	}
	if e.Default != nil {
		occ = append(occ, fmt.Sprintf("default %q, which a receiver assumes for an empty element", *e.Default))
	}
	if e.Fixed != nil {
		occ = append(occ, fmt.Sprintf("fixed to %q", *e.Fixed))
	}
	typ := "an anonymous type"
	if e.Type != (xml.Name{}) {
		typ = e.Type.Local
		if e.Type.Space == parser.NSXSD {
			typ = "xs:" + typ
		}
	} else if e.Simple == nil && e.Complex == nil {
		typ = "xs:anyType"
	}
	d := fmt.Sprintf("%s is the element %s (%s; %s).", f.GoName, e.Name.Local, typ, strings.Join(occ, ", "))
	return joinDoc(d, e.Doc)
}

func (v *Value) reference() bool {
	switch v.Kind {
	case StructValue, PolyValue, AnyValue, ArrayValue, DictValue:
		return true
	}
	return v.Kind == SimpleValue && v.Codec != nil && v.Codec.bytes
}

// emptyUnset reports a simple type whose lexical space has no empty string (an enumeration, a pattern
// not matching it, a minimum length): its zero value cannot be sent, so it means "no value".
func (v *Value) emptyUnset() bool {
	return v.Kind == SimpleValue && v.Codec != nil && v.Codec.emptyUnset
}

// refItem turns the value of a nillable array item, repeated element or dictionary value of a simple
// type other than a string into a pointer, so that xsi:nil decodes to nil and not to the zero value.
// Strings stay plain: a nil string item decodes as "" (documented), which keeps []string for WCF's
// ArrayOfstring, whose items are all declared nillable.
func refItem(nillable bool, gt *GoType, v *Value) (*GoType, *Value) {
	if !nillable || v.Kind != SimpleValue || v.reference() || gt.stringKind() || gt.Kind == XMLName {
		return gt, v
	}
	r := *v
	r.Ref = true
	return &GoType{Kind: Pointer, Elem: gt}, &r
}

func (g *GoType) stringKind() bool {
	switch g.Kind {
	case Basic:
		return g.Name == "string"
	case Named:
		return g.Type.Underlying != nil && g.Type.Underlying.Kind == Basic && g.Type.Underlying.Name == "string"
	}
	return false
}
