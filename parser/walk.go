package parser

// walker visits the schema components of a Set and every component nested in them, in a
// deterministic order: simple types, complex types, global elements and attributes (each kind sorted
// by name), then the particles of named groups and the attributes of attribute groups. Inside a
// component it goes depth first, a node before what it holds:
//
//   - a simple type, then its anonymous restriction base, list item type or union members;
//   - a complex type, then its particle, then its attributes;
//   - an element (a declaration or a reference), then its anonymous simple or complex type;
//   - a particle, then its element (for an element particle), then its children;
//   - an attribute (a declaration, a reference or an attribute group reference), then its anonymous
//     simple type.
//
// Each func may be nil. A func may edit the node it is given before the walk goes into it: a particle
// func may drop children, a complex type func attributes; the walk then visits what is left. The
// reference check, the lenient fix-ups and every normalisation step that looks inside types use this
// one walk.
type walker struct {
	simple    func(*SimpleType)
	complex   func(*ComplexType)
	element   func(*Element)
	attribute func(*Attribute)
	particle  func(*Particle)
}

// set walks every component of s.
func (w walker) set(s *Set) {
	for _, n := range sortedNames(s.SimpleTypes) {
		w.simpleType(s.SimpleTypes[n])
	}
	for _, n := range sortedNames(s.ComplexTypes) {
		w.complexType(s.ComplexTypes[n])
	}
	for _, n := range sortedNames(s.Elements) {
		w.elementDecl(s.Elements[n])
	}
	for _, n := range sortedNames(s.Attributes) {
		w.attributeUse(s.Attributes[n])
	}
	for _, n := range sortedNames(s.Groups) {
		w.particleTree(s.Groups[n].Particle)
	}
	for _, n := range sortedNames(s.AttributeGroups) {
		for _, a := range s.AttributeGroups[n].Attributes {
			w.attributeUse(a)
		}
	}
}

func (w walker) simpleType(t *SimpleType) {
	if t == nil {
		return
	}
	if w.simple != nil {
		w.simple(t)
	}
	switch {
	case t.Restriction != nil:
		w.simpleType(t.Restriction.BaseType)
	case t.List != nil:
		w.simpleType(t.List.Item)
	case t.Union != nil:
		for _, m := range t.Union.Members {
			w.simpleType(m)
		}
	}
}

func (w walker) complexType(t *ComplexType) {
	if t == nil {
		return
	}
	if w.complex != nil {
		w.complex(t)
	}
	w.particleTree(t.Particle)
	for _, a := range t.Attributes {
		w.attributeUse(a)
	}
}

func (w walker) elementDecl(e *Element) {
	if e == nil {
		return
	}
	if w.element != nil {
		w.element(e)
	}
	w.simpleType(e.Simple)
	w.complexType(e.Complex)
}

func (w walker) attributeUse(a *Attribute) {
	if a == nil {
		return
	}
	if w.attribute != nil {
		w.attribute(a)
	}
	w.simpleType(a.Simple)
}

func (w walker) particleTree(p *Particle) {
	if p == nil {
		return
	}
	if w.particle != nil {
		w.particle(p)
	}
	if p.Kind == ElementParticle {
		w.elementDecl(p.Element)
	}
	for _, c := range p.Children {
		w.particleTree(c)
	}
}
