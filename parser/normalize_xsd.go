package parser

import (
	"encoding/xml"
)

// extensions refuses the complex type extensions XML Schema forbids and the model would map wrongly:
//
//   - an extension declaring an attribute its base already has (XML Schema Part 1 section 3.4.6,
//     Complex Type Definition Properties Correct 4: the attribute uses of an extension are its base's
//     and its own, and no two may have one name); the client would write the attribute twice;
//   - an extension declaring an element of a name its base's content model has, with another type
//     (section 3.8.6, Element Declarations Consistent); the two Go fields would have one element name
//     and different types.
//
// An attribute group that the base and the extension both refer to declares its attributes once.
func (n *normalizer) extensions() error {
	var err error
	walker{complex: func(t *ComplexType) {
		if err != nil || t.Derivation != Extension {
			return
		}
		base := n.s.ComplexTypes[t.Base]
		if base == nil {
			return // an extension of a built-in or simple type adds to no attributes or elements
		}
		if err = n.redeclaredAttribute(t, base); err == nil {
			err = n.inconsistentElement(t, base)
		}
	}}.set(n.s)
	return err
}

// redeclaredAttribute returns the error for the first attribute of extension t that its base type
// base (named t.Base) declares too.
func (n *normalizer) redeclaredAttribute(t, base *ComplexType) error {
	inherited := map[xml.Name]*Attribute{}
	n.attributeUses(base, inherited, 0)
	for _, u := range n.expandAttributes(t.Attributes, 0) {
		name := attributeName(u)
		if b := inherited[name]; b != nil && b != u && u.Use != "prohibited" {
			return errorf(u.Pos, "attribute %s is declared by the base type {%s}%s too (at %s); an extension may not declare it again (XML Schema Part 1 section 3.4.6, Complex Type Definition Properties Correct)",
				name.Local, t.Base.Space, t.Base.Local, b.Pos)
		}
	}
	return nil
}

// attributeUses adds to uses, by name, the attribute uses of complex type t: those it inherits from
// its base, and its own (attribute groups expanded).
func (n *normalizer) attributeUses(t *ComplexType, uses map[xml.Name]*Attribute, depth int) {
	if t == nil || depth > 100 {
		return
	}
	if base := n.s.ComplexTypes[t.Base]; base != nil {
		n.attributeUses(base, uses, depth+1)
	}
	for _, u := range n.expandAttributes(t.Attributes, 0) {
		uses[attributeName(u)] = u
	}
}

// expandAttributes returns attrs with attribute group references replaced by their attributes, in
// order. check has refused circular attribute groups.
func (n *normalizer) expandAttributes(attrs []*Attribute, depth int) []*Attribute {
	var out []*Attribute
	for _, a := range attrs {
		if a.GroupRef == (xml.Name{}) {
			out = append(out, a)
			continue
		}
		if g := n.s.AttributeGroups[a.GroupRef]; g != nil && depth < 100 {
			out = append(out, n.expandAttributes(g.Attributes, depth+1)...)
		}
	}
	return out
}

func attributeName(a *Attribute) xml.Name {
	if a.Ref != (xml.Name{}) {
		return a.Ref
	}
	return a.Name
}

// inconsistentElement returns the error for the first element of extension t's own content whose
// name an element of its base's content model has, with another type.
func (n *normalizer) inconsistentElement(t, base *ComplexType) error {
	inherited := map[xml.Name]*Element{}
	for b, depth := base, 0; b != nil && depth < 100; depth++ {
		n.elementsOf(b.Particle, func(e *Element) {
			if _, ok := inherited[e.Name]; !ok {
				inherited[e.Name] = e
			}
		}, map[xml.Name]bool{})
		if b.Derivation != Extension {
			break
		}
		b = n.s.ComplexTypes[b.Base]
	}
	var err error
	n.elementsOf(t.Particle, func(e *Element) {
		if b := inherited[e.Name]; err == nil && b != nil && !sameType(b, e) {
			err = errorf(e.Pos, "element %s has %s here and %s in the base type {%s}%s (at %s); XML Schema requires the elements of one name in a content model to have one type (Part 1 section 3.8.6, Element Declarations Consistent)",
				e.Name.Local, typeOf(e), typeOf(b), t.Base.Space, t.Base.Local, b.Pos)
		}
	}, map[xml.Name]bool{})
	return err
}

// elementsOf calls f for each element declaration of particle p's content model, references resolved
// and named groups followed (not the content of the elements' types).
func (n *normalizer) elementsOf(p *Particle, f func(*Element), groups map[xml.Name]bool) {
	if p == nil {
		return
	}
	switch p.Kind {
	case ElementParticle:
		e := p.Element
		if e.Ref != (xml.Name{}) {
			e = n.s.Elements[e.Ref]
		}
		if e != nil {
			f(e)
		}
	case GroupRef:
		if g := n.s.Groups[p.Ref]; g != nil && !groups[p.Ref] {
			groups[p.Ref] = true
			n.elementsOf(g.Particle, f, groups)
			delete(groups, p.Ref)
		}
	}
	for _, c := range p.Children {
		n.elementsOf(c, f, groups)
	}
}

// sameType reports whether element declarations a and b have one type: the same named type, or
// anonymous types defined identically.
func sameType(a, b *Element) bool {
	if a == b {
		return true
	}
	if anyTypeOf(a) != anyTypeOf(b) || (a.Simple == nil) != (b.Simple == nil) || (a.Complex == nil) != (b.Complex == nil) {
		return false
	}
	switch {
	case a.Simple != nil:
		return canonical(a.Simple) == canonical(b.Simple)
	case a.Complex != nil:
		return canonical(a.Complex) == canonical(b.Complex)
	}
	return true
}

// typeOf describes the type of element declaration e for an error.
func typeOf(e *Element) string {
	switch {
	case e.Type != (xml.Name{}):
		return "type {" + e.Type.Space + "}" + e.Type.Local
	case e.Simple != nil || e.Complex != nil:
		return "an anonymous type"
	}
	return "type xs:anyType"
}

// anyTypeOf returns the type name of e, xs:anyType for an element without a type.
func anyTypeOf(e *Element) xml.Name {
	if e.Type == (xml.Name{}) && e.Simple == nil && e.Complex == nil {
		return anyType
	}
	return e.Type
}
