package parser

import (
	"encoding/xml"
	"fmt"
)

// IsBuiltin reports whether n names an XML Schema built-in type.
func IsBuiltin(n xml.Name) bool {
	return n.Space == NSXSD && builtins[n.Local]
}

var builtins = map[string]bool{
	"anyType": true, "anySimpleType": true,
	"string": true, "normalizedString": true, "token": true, "language": true, "Name": true, "NCName": true,
	"ID": true, "IDREF": true, "IDREFS": true, "ENTITY": true, "ENTITIES": true, "NMTOKEN": true, "NMTOKENS": true,
	"anyURI": true, "QName": true, "NOTATION": true, "boolean": true,
	"decimal": true, "integer": true, "nonPositiveInteger": true, "negativeInteger": true, "long": true, "int": true,
	"short": true, "byte": true, "nonNegativeInteger": true, "unsignedLong": true, "unsignedInt": true,
	"unsignedShort": true, "unsignedByte": true, "positiveInteger": true,
	"float": true, "double": true, "duration": true, "dateTime": true, "date": true, "time": true,
	"gYearMonth": true, "gYear": true, "gMonthDay": true, "gDay": true, "gMonth": true,
	"hexBinary": true, "base64Binary": true,
}

// check verifies that every reference in s resolves, and that derivation chains end.
func check(s *Set) error {
	c := &checker{s: s}
	walker{c.simple, c.complex, c.element, c.attribute, c.particle}.set(s)
	if c.err != nil {
		return c.err
	}
	for _, n := range sortedNames(s.ComplexTypes) {
		c.cycle(s.ComplexTypes[n])
	}
	for _, n := range sortedNames(s.SimpleTypes) {
		c.simpleCycle(s.SimpleTypes[n])
	}
	done := map[xml.Name]bool{}
	for _, n := range sortedNames(s.AttributeGroups) {
		c.groupCycle(n, map[xml.Name]bool{}, done)
	}
	for _, n := range sortedNames(s.Messages) {
		m := s.Messages[n]
		for _, p := range m.Parts {
			if p.Element != (xml.Name{}) && s.Elements[p.Element] == nil {
				c.fail(m.Pos, "part %s: element {%s}%s is not defined", p.Name, p.Element.Space, p.Element.Local)
			}
			if p.Type != (xml.Name{}) {
				c.typeRef(m.Pos, "part "+p.Name+": type", p.Type)
			}
		}
	}
	for _, pt := range s.PortTypes {
		for _, op := range pt.Operations {
			ios := append([]*IO{op.Input, op.Output}, op.Faults...)
			for _, io := range ios {
				if io != nil && s.Messages[io.Message] == nil {
					c.fail(op.Pos, "message {%s}%s is not defined", io.Message.Space, io.Message.Local)
				}
			}
		}
	}
	for _, b := range s.Bindings {
		pt := s.PortType(b.Type)
		if pt == nil {
			c.fail(b.Pos, "port type {%s}%s is not defined", b.Type.Space, b.Type.Local)
			continue
		}
		for _, bop := range b.Operations {
			op := pt.Operation(bop.Name)
			if op == nil {
				c.fail(bop.Pos, "operation %s is not in port type {%s}%s", bop.Name, pt.Name.Space, pt.Name.Local)
				continue
			}
			for _, bio := range []*BindingIO{bop.Input, bop.Output} {
				if bio == nil {
					continue
				}
				for _, h := range bio.Headers {
					m := s.Messages[h.Message]
					if m == nil {
						c.fail(bop.Pos, "soap:header message {%s}%s is not defined", h.Message.Space, h.Message.Local)
						continue
					}
					if m.Part(h.Part) == nil {
						c.fail(bop.Pos, "soap:header part %q is not in message {%s}%s", h.Part, h.Message.Space, h.Message.Local)
					}
				}
			}
		}
	}
	for _, sv := range s.Services {
		for _, p := range sv.Ports {
			if s.Binding(p.Binding) == nil {
				c.fail(sv.Pos, "port %s: binding {%s}%s is not defined", p.Name, p.Binding.Space, p.Binding.Local)
			}
		}
	}
	return c.err
}

// Part returns the part named name, or nil.
func (m *Message) Part(name string) *Part {
	for _, p := range m.Parts {
		if p.Name == name {
			return p
		}
	}
	return nil
}

type checker struct {
	s   *Set
	err error
	// cyclic records, for the complex types whose chain of bases cycle has followed, whether it comes
	// back to a type met before.
	cyclic map[xml.Name]bool
}

func (c *checker) fail(pos Pos, format string, args ...any) {
	if c.err == nil {
		c.err = &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
}

func (c *checker) typeRef(pos Pos, what string, n xml.Name) {
	if n == (xml.Name{}) || IsBuiltin(n) || c.s.SimpleTypes[n] != nil || c.s.ComplexTypes[n] != nil {
		return
	}
	c.fail(pos, "%s {%s}%s is not defined", what, n.Space, n.Local)
}

func (c *checker) simpleRef(pos Pos, what string, n xml.Name) {
	if n == (xml.Name{}) || IsBuiltin(n) && n.Local != "anyType" || c.s.SimpleTypes[n] != nil {
		return
	}
	if c.s.ComplexTypes[n] != nil || n.Local == "anyType" && IsBuiltin(n) {
		c.fail(pos, "%s {%s}%s is a complex type, where a simple type is required", what, n.Space, n.Local)
		return
	}
	c.fail(pos, "%s {%s}%s is not defined", what, n.Space, n.Local)
}

func (c *checker) simple(t *SimpleType) {
	switch {
	case t.Restriction != nil:
		c.simpleRef(t.Pos, "restriction base", t.Restriction.Base)
	case t.List != nil:
		c.simpleRef(t.Pos, "list itemType", t.List.ItemType)
	case t.Union != nil:
		for _, m := range t.Union.MemberTypes {
			c.simpleRef(t.Pos, "union member type", m)
		}
	}
}

func (c *checker) complex(t *ComplexType) {
	if t.Base != (xml.Name{}) {
		if t.Content == SimpleContent {
			c.typeRef(t.Pos, "base type", t.Base)
		} else if !(IsBuiltin(t.Base) && t.Base.Local == "anyType") && c.s.ComplexTypes[t.Base] == nil {
			if c.s.SimpleTypes[t.Base] != nil || IsBuiltin(t.Base) {
				c.fail(t.Pos, "complexContent base {%s}%s is a simple type", t.Base.Space, t.Base.Local)
			} else {
				c.fail(t.Pos, "base type {%s}%s is not defined", t.Base.Space, t.Base.Local)
			}
		}
	}
}

func (c *checker) particle(p *Particle) {
	if p.Kind == GroupRef && c.s.Groups[p.Ref] == nil {
		c.fail(p.Pos, "group {%s}%s is not defined", p.Ref.Space, p.Ref.Local)
	}
}

func (c *checker) element(e *Element) {
	if e.Ref != (xml.Name{}) {
		if c.s.Elements[e.Ref] == nil {
			c.fail(e.Pos, "element {%s}%s is not defined", e.Ref.Space, e.Ref.Local)
		}
		return
	}
	c.typeRef(e.Pos, "type", e.Type)
	if e.SubstitutionGroup != (xml.Name{}) && c.s.Elements[e.SubstitutionGroup] == nil {
		c.fail(e.Pos, "substitution group head {%s}%s is not defined", e.SubstitutionGroup.Space, e.SubstitutionGroup.Local)
	}
}

func (c *checker) attribute(a *Attribute) {
	switch {
	case a.GroupRef != (xml.Name{}):
		if c.s.AttributeGroups[a.GroupRef] == nil {
			c.fail(a.Pos, "attribute group {%s}%s is not defined", a.GroupRef.Space, a.GroupRef.Local)
		}
	case a.Ref != (xml.Name{}):
		if c.s.Attributes[a.Ref] == nil && a.Ref.Space != NSXML {
			c.fail(a.Pos, "attribute {%s}%s is not defined", a.Ref.Space, a.Ref.Local)
		}
	default:
		c.simpleRef(a.Pos, "attribute type", a.Type)
	}
}

// cycle reports a complex type that derives from itself, through complex types with element or
// simple content: one whose chain of bases comes back to a type met before. Every type on the chain
// followed shares its ending, so it is recorded for all of them in c.cyclic, and each chain is
// followed once however long (a chain of n extensions is checked in time linear in n).
func (c *checker) cycle(t *ComplexType) {
	if c.cyclic == nil {
		c.cyclic = map[xml.Name]bool{}
	}
	path := []xml.Name{t.Name}
	seen := map[xml.Name]bool{t.Name: true}
	cyclic := false
	for cur := t; cur != nil && cur.Base != (xml.Name{}); {
		if known, ok := c.cyclic[cur.Base]; ok {
			cyclic = known
			break
		}
		if seen[cur.Base] {
			cyclic = true
			break
		}
		seen[cur.Base] = true
		path = append(path, cur.Base)
		cur = c.s.ComplexTypes[cur.Base]
	}
	for _, n := range path {
		c.cyclic[n] = cyclic
	}
	if cyclic {
		c.fail(t.Pos, "type {%s}%s derives from itself", t.Name.Space, t.Name.Local)
	}
}

// simpleCycle reports a simple type whose restriction or list chain returns to itself.
func (c *checker) simpleCycle(t *SimpleType) {
	seen := map[xml.Name]bool{t.Name: true}
	cur := t
	for cur != nil {
		var next xml.Name
		switch {
		case cur.Restriction != nil:
			next = cur.Restriction.Base
		case cur.List != nil:
			next = cur.List.ItemType
		}
		if next == (xml.Name{}) || IsBuiltin(next) {
			return
		}
		if seen[next] {
			c.fail(t.Pos, "simple type {%s}%s derives from itself", t.Name.Space, t.Name.Local)
			return
		}
		seen[next] = true
		cur = c.s.SimpleTypes[next]
	}
}

// groupCycle reports an attribute group that refers to itself, directly or through other attribute
// groups (XML Schema Part 1 section 3.6.6: circular attribute groups are only allowed in xs:redefine,
// which sogen does not read). path holds the groups being followed, done those known to end.
func (c *checker) groupCycle(n xml.Name, path, done map[xml.Name]bool) {
	g := c.s.AttributeGroups[n]
	if g == nil || c.err != nil || done[n] {
		return
	}
	path[n] = true
	defer func() { delete(path, n); done[n] = true }()
	for _, a := range g.Attributes {
		if a.GroupRef == (xml.Name{}) {
			continue
		}
		if path[a.GroupRef] {
			c.fail(a.Pos, "attribute group {%s}%s refers to itself, through the attribute groups it refers to (XML Schema Part 1 section 3.6.6)", a.GroupRef.Space, a.GroupRef.Local)
			return
		}
		c.groupCycle(a.GroupRef, path, done)
	}
}
