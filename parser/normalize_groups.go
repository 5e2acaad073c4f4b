package parser

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
)

// ArrayItem returns the item particle of a complex type shaped as a wrapped array: a type named
// ArrayOf... (the WCF and Axis convention) or a SOAP-ENC array, with no base, attributes or mixed
// content, whose content is a sequence of one repeated element. It returns nil for any other type.
func ArrayItem(ct *ComplexType) *Particle {
	if !strings.HasPrefix(ct.Name.Local, "ArrayOf") && ct.EncArray == (xml.Name{}) || ct.Base != (xml.Name{}) || len(ct.Attributes) > 0 ||
		ct.AnyAttribute || ct.Mixed || ct.Content != ElementContent || ct.Particle == nil {
		return nil
	}
	p := ct.Particle
	if p.Kind != Sequence || p.MinOccurs != 1 || p.MaxOccurs != 1 || len(p.Children) != 1 {
		return nil
	}
	item := p.Children[0]
	if item.Kind != ElementParticle || item.MaxOccurs == 1 {
		return nil
	}
	return item
}

// DictEntry returns the pair, key and value elements of a complex type shaped as a WCF dictionary (a
// sequence of one repeated pair element holding a key and a value element), or nil.
func DictEntry(ct *ComplexType) []*Element {
	if ct.Base != (xml.Name{}) || ct.Particle == nil || ct.Particle.Kind != Sequence || len(ct.Particle.Children) != 1 {
		return nil
	}
	pair := ct.Particle.Children[0]
	if pair.Kind != ElementParticle || pair.MaxOccurs == 1 || pair.Element.Complex == nil {
		return nil
	}
	inner := pair.Element.Complex.Particle
	if inner == nil || inner.Kind != Sequence || len(inner.Children) != 2 {
		return nil
	}
	k, v := inner.Children[0], inner.Children[1]
	if k.Kind != ElementParticle || v.Kind != ElementParticle || k.MaxOccurs != 1 || v.MaxOccurs != 1 ||
		k.Element.Ref != (xml.Name{}) || v.Element.Ref != (xml.Name{}) {
		return nil
	}
	return []*Element{pair.Element, k.Element, v.Element}
}

// Bases returns the names of the complex types other complex types derive from.
func (s *Set) Bases() map[xml.Name]bool {
	bases := map[xml.Name]bool{}
	for _, ct := range s.ComplexTypes {
		if ct.Base != (xml.Name{}) {
			bases[ct.Base] = true
		}
	}
	return bases
}

// substitutionGroups rewrites every element particle referring to the head of a substitution group
// (or to an abstract element) as the xs:choice it stands for (XML Schema Part 1 section 3.3.6): the
// head unless it is abstract, and every member, directly or through other members, that is not
// abstract, in name order; the choice has the particle's occurrence range and Head set. The branches
// are references that stand for themselves only. The item of a wrapped array is left as it is (an
// array of the head's type).
func (n *normalizer) substitutionGroups() error {
	s := n.s
	heads := map[xml.Name][]xml.Name{}
	for name, e := range s.Elements {
		if e.SubstitutionGroup != (xml.Name{}) {
			heads[e.SubstitutionGroup] = append(heads[e.SubstitutionGroup], name)
		}
	}
	for _, m := range heads {
		s.SortNames(m)
	}
	keep := map[*Particle]bool{} // array items and the branches made here
	bases := s.Bases()
	for name, ct := range s.ComplexTypes {
		if item := ArrayItem(ct); item != nil && !bases[name] {
			keep[item] = true
		}
	}
	var err error
	walker{particle: func(p *Particle) {
		if err != nil || p.Kind != ElementParticle || p.Element.Ref == (xml.Name{}) || keep[p] {
			return
		}
		e := s.Elements[p.Element.Ref]
		if len(heads[e.Name]) == 0 && !e.Abstract {
			return
		}
		var branches []*Particle
		seen := map[xml.Name]bool{}
		var walk func(name xml.Name)
		walk = func(name xml.Name) {
			if seen[name] {
				return
			}
			seen[name] = true
			if !s.Elements[name].Abstract {
				b := &Particle{Kind: ElementParticle, Pos: p.Pos, MinOccurs: 1, MaxOccurs: 1, Element: &Element{Pos: p.Pos, Ref: name}}
				keep[b] = true
				branches = append(branches, b)
			}
			for _, m := range heads[name] {
				walk(m)
			}
		}
		walk(e.Name)
		if len(branches) == 0 {
			err = errorf(e.Pos, "element %s is abstract and no element that is not abstract substitutes for it", e.Name.Local)
			return
		}
		p.Kind, p.Element, p.Children, p.Head = Choice, nil, branches, e.Name
	}}.set(s)
	return err
}

// repeatedGroups rewrites the model groups that repeat (maxOccurs other than 1; XML Schema Part 1
// section 3.8), so that the model maps each to a slice:
//
//   - a repeated reference to a group holding a choice is that choice repeated; to a group holding
//     a sequence, a repeated sequence of the reference;
//   - a repeated sequence of one particle is that particle repeated, the occurrence ranges
//     multiplied: a sequence of one element (Exchange Web Services has them) is the element repeated;
//   - a repeated choice holding choices holds their branches ((a | (b | c))* is (a | b | c)*); one
//     holding only wildcards is a repeated wildcard; one holding nothing is removed;
//   - any other repeated choice, whose branches must then be elements or wildcards, and any other
//     repeated sequence, whose particles must not be wildcards, gets the type of one occurrence
//     (Particle.Occurrence): in it, each branch or particle occurs as in one occurrence of the group.
//
// xs:all may not repeat (XML Schema Part 1 section 3.8.6).
//
// A repeated group sogen does not map is, with Options.Lenient, read as a wildcard: its elements are
// kept as XML (an Unmapped fix-up); without, the error suggests -lenient.
func (n *normalizer) repeatedGroups() error {
	var err error
	var sequences []*Particle // with an occurrence type
	unmapped := func(p *Particle, e error) {
		var pe *Error
		if e == nil || !errors.As(e, &pe) || !pe.unmappable {
			err = e
			return
		}
		if !n.opts.Lenient {
			pe.Hint = Hint{Kind: HintLenient, Effect: "keep its elements as XML"}
			err = e
			return
		}
		n.s.fixup(Unmapped, pe.Pos, "%s: its elements are kept as XML, as if it were xs:any", pe.Msg)
		*p = Particle{Kind: AnyParticle, Pos: p.Pos, MinOccurs: 0, MaxOccurs: Unbounded, Namespace: "##any"}
	}
	walker{particle: func(p *Particle) {
		if err == nil {
			unmapped(p, n.repeated(p))
			if p.Occurrence != nil && p.Kind == Sequence {
				sequences = append(sequences, p)
			}
		}
	}}.set(n.s)
	for _, p := range sequences {
		if err == nil && p.Occurrence != nil && n.holdsRepeatedSequence(p.Occurrence.Particle, map[xml.Name]bool{}) {
			unmapped(p, unsupported(p.Pos, "a repeated xs:sequence holding another repeated xs:sequence is not supported yet"))
		}
	}
	return err
}

// holdsRepeatedSequence reports whether the model group p holds, directly or through group
// references, a repeated sequence with an occurrence type.
func (n *normalizer) holdsRepeatedSequence(p *Particle, groups map[xml.Name]bool) bool {
	for _, c := range p.Children {
		switch {
		case c.Kind == Sequence && c.Occurrence != nil:
			return true
		case c.Kind == GroupRef && !groups[c.Ref]:
			groups[c.Ref] = true
			if g := n.s.Groups[c.Ref]; g != nil && n.holdsRepeatedSequence(&Particle{Children: []*Particle{g.Particle}}, groups) {
				return true
			}
		case c.Kind == Sequence || c.Kind == Choice || c.Kind == All:
			if n.holdsRepeatedSequence(c, groups) {
				return true
			}
		}
	}
	return false
}

// unsupported returns the error for a construct at pos that is valid but that sogen does not map
// (see repeatedGroups).
func unsupported(pos Pos, format string, args ...any) *Error {
	e := errorf(pos, format, args...)
	e.unmappable = true
	return e
}

// repeated rewrites particle p when it is a repeated model group or group reference.
func (n *normalizer) repeated(p *Particle) error {
	if p.Kind == Choice && len(p.Children) == 0 {
		// An empty choice allows no element at all, however often it occurs.
		*p = Particle{Kind: Sequence, Pos: p.Pos, MinOccurs: 1, MaxOccurs: 1}
		return nil
	}
	if p.MaxOccurs == 1 || p.Occurrence != nil {
		return nil
	}
	switch p.Kind {
	case GroupRef:
		g := n.s.Groups[p.Ref].Particle
		switch {
		case g.Kind == Choice && g.MaxOccurs == 1:
			p.Kind, p.Ref, p.MinOccurs, p.Children = Choice, xml.Name{}, p.MinOccurs*g.MinOccurs, copyParticles(g.Children)
		case g.Kind == Sequence && g.MaxOccurs == 1:
			ref := &Particle{Kind: GroupRef, Pos: p.Pos, MinOccurs: 1, MaxOccurs: 1, Ref: p.Ref}
			p.Kind, p.Ref, p.Children = Sequence, xml.Name{}, []*Particle{ref}
		default:
			return unsupported(p.Pos, "a repeated reference to group {%s}%s, whose %s repeats itself too, is not supported yet", p.Ref.Space, p.Ref.Local, g.Kind)
		}
		return n.repeated(p)
	case All:
		return errorf(p.Pos, "xs:all has maxOccurs %s: XML Schema allows only 0 or 1 (Part 1 section 3.8.6)", occurs(p.MaxOccurs))
	case Sequence:
		for len(p.Children) == 1 && p.Children[0].Kind == Sequence && p.Children[0].MaxOccurs == 1 && p.Children[0].MinOccurs == 1 {
			p.Children = p.Children[0].Children
		}
		if len(p.Children) == 1 && p.Children[0].Kind != GroupRef && p.Children[0].Kind != Sequence {
			c := *p.Children[0]
			c.MinOccurs, c.MaxOccurs = p.MinOccurs*c.MinOccurs, mulOccurs(p.MaxOccurs, c.MaxOccurs)
			*p = c
			return n.repeated(p)
		}
		for _, c := range p.Children {
			if c.Kind == AnyParticle {
				return unsupported(p.Pos, "a repeated xs:sequence (maxOccurs %s) holding a wildcard (xs:any) is not supported yet", occurs(p.MaxOccurs))
			}
		}
		inner := *p
		inner.MinOccurs, inner.MaxOccurs = 1, 1
		p.Occurrence = &ComplexType{Pos: p.Pos, Particle: &inner}
	case Choice:
		p.Children = flattenChoices(p.Children)
		wild := len(p.Children) > 0
		for _, c := range p.Children {
			wild = wild && c.Kind == AnyParticle
		}
		switch {
		case len(p.Children) == 0:
			return n.repeated(p)
		case wild:
			c := *p.Children[0]
			for _, o := range p.Children[1:] {
				if o.Namespace != c.Namespace {
					c.Namespace = "##any"
				}
			}
			c.MinOccurs, c.MaxOccurs, c.Pos = p.MinOccurs*c.MinOccurs, mulOccurs(p.MaxOccurs, c.MaxOccurs), p.Pos
			*p = c
			return nil
		}
		inner := *p
		inner.MinOccurs, inner.MaxOccurs, inner.Children = 1, 1, nil
		for _, c := range p.Children {
			if c.Kind != ElementParticle && c.Kind != AnyParticle {
				return unsupported(p.Pos, "a repeated xs:choice (maxOccurs %s) whose branches are not elements or wildcards is not supported yet", occurs(p.MaxOccurs))
			}
			// Inside a repeated choice, a branch repeating itself is the choice repeating: (a* | b)*
			// and (a | b)* allow the same sequences of elements, one occurrence per element.
			one := *c
			one.MinOccurs, one.MaxOccurs = 1, 1
			inner.Children = append(inner.Children, &one)
		}
		p.Occurrence = &ComplexType{Pos: p.Pos, Particle: &inner}
	}
	return nil
}

// flattenChoices returns the branches of a repeated choice with the choices among them replaced by
// their own branches.
func flattenChoices(branches []*Particle) []*Particle {
	var out []*Particle
	for _, c := range branches {
		if c.Kind == Choice {
			out = append(out, flattenChoices(c.Children)...)
			continue
		}
		out = append(out, c)
	}
	return out
}

func copyParticles(ps []*Particle) []*Particle {
	out := make([]*Particle, len(ps))
	for i, p := range ps {
		c := *p
		out[i] = &c
	}
	return out
}

func mulOccurs(a, b int) int {
	if a == Unbounded || b == Unbounded {
		return Unbounded
	}
	return a * b
}

func occurs(n int) string {
	if n == Unbounded {
		return "unbounded"
	}
	return fmt.Sprint(n)
}
