package parser

// components visits the schema components of a Set in a deterministic order (each kind sorted by
// name): simple types, complex types, global elements and attributes, the particles of named groups
// and the attributes of attribute groups. The reference check and the lenient fix-ups walk the
// schemas with it; a nil func skips that kind.
type components struct {
	simple    func(*SimpleType)
	complex   func(*ComplexType)
	element   func(*Element)
	attribute func(*Attribute)
	particle  func(*Particle)
}

func (v components) walk(s *Set) {
	if v.simple != nil {
		for _, n := range sortedNames(s.SimpleTypes) {
			v.simple(s.SimpleTypes[n])
		}
	}
	if v.complex != nil {
		for _, n := range sortedNames(s.ComplexTypes) {
			v.complex(s.ComplexTypes[n])
		}
	}
	if v.element != nil {
		for _, n := range sortedNames(s.Elements) {
			v.element(s.Elements[n])
		}
	}
	if v.attribute != nil {
		for _, n := range sortedNames(s.Attributes) {
			v.attribute(s.Attributes[n])
		}
	}
	if v.particle != nil {
		for _, n := range sortedNames(s.Groups) {
			v.particle(s.Groups[n].Particle)
		}
	}
	if v.attribute != nil {
		for _, n := range sortedNames(s.AttributeGroups) {
			for _, a := range s.AttributeGroups[n].Attributes {
				v.attribute(a)
			}
		}
	}
}
