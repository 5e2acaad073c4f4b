package parser

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
)

// undeclared marks, in the Space of a name, a QName whose prefix was not declared (kept unless
// Options.Strict, which refuses it): the Space is this marker followed by the prefix.
const undeclared = "\x00undeclared:"

// fixup is one reference that resolves only by its local name.
type fixup struct {
	pos  Pos
	what string
	ref  *xml.Name
	to   xml.Name // zero when there is no single candidate
	n    int      // number of candidates
}

func (x fixup) from() string {
	if p, ok := strings.CutPrefix(x.ref.Space, undeclared); ok {
		return fmt.Sprintf("%s %s:%s (namespace prefix %q is not declared)", x.what, p, x.ref.Local, p)
	}
	return fmt.Sprintf("%s {%s}%s (not defined)", x.what, x.ref.Space, x.ref.Local)
}

// lenientFixups finds the references of s that do not resolve, and the single definition of the
// right kind with the same local name each resolves to, if any.
func lenientFixups(s *Set) []fixup {
	var out []fixup
	var kinds = map[string]func(xml.Name) bool{}
	locals := map[string]map[string][]xml.Name{} // kind -> local -> names
	addAll := func(kind string, names []xml.Name) {
		m := map[string][]xml.Name{}
		for _, n := range names {
			m[n.Local] = append(m[n.Local], n)
		}
		locals[kind] = m
	}
	typeNames := append(sortedNames(s.SimpleTypes), sortedNames(s.ComplexTypes)...)
	addAll("type", typeNames)
	addAll("element", sortedNames(s.Elements))
	addAll("attribute", sortedNames(s.Attributes))
	addAll("group", sortedNames(s.Groups))
	addAll("attribute group", sortedNames(s.AttributeGroups))
	addAll("message", sortedNames(s.Messages))
	var pts, bds []xml.Name
	for _, p := range s.PortTypes {
		pts = append(pts, p.Name)
	}
	for _, b := range s.Bindings {
		bds = append(bds, b.Name)
	}
	addAll("port type", pts)
	addAll("binding", bds)
	kinds["type"] = func(n xml.Name) bool {
		return IsBuiltin(n) || s.SimpleTypes[n] != nil || s.ComplexTypes[n] != nil
	}
	kinds["element"] = func(n xml.Name) bool { return s.Elements[n] != nil }
	kinds["attribute"] = func(n xml.Name) bool {
		return s.Attributes[n] != nil || n.Space == NSXML
	}
	kinds["group"] = func(n xml.Name) bool { return s.Groups[n] != nil }
	kinds["attribute group"] = func(n xml.Name) bool { return s.AttributeGroups[n] != nil }
	kinds["message"] = func(n xml.Name) bool { return s.Messages[n] != nil }
	kinds["port type"] = func(n xml.Name) bool { return s.PortType(n) != nil }
	kinds["binding"] = func(n xml.Name) bool { return s.Binding(n) != nil }

	ref := func(pos Pos, kind, what string, n *xml.Name) {
		if *n == (xml.Name{}) || kinds[kind](*n) {
			return
		}
		if _, ok := s.unread[n.Space]; ok {
			// The definition may be in the schema that was not read: resolving the reference to
			// another namespace's definition would be a guess. undefinedRefs repairs it.
			return
		}
		cands := locals[kind][n.Local]
		if kind == "type" && IsBuiltin(xml.Name{Space: NSXSD, Local: n.Local}) {
			cands = append(cands, xml.Name{Space: NSXSD, Local: n.Local})
		}
		x := fixup{pos: pos, what: what, ref: n, n: len(cands)}
		if len(cands) == 1 {
			x.to = cands[0]
		}
		out = append(out, x)
	}
	walker{
		simple: func(t *SimpleType) {
			switch {
			case t.Restriction != nil:
				ref(t.Pos, "type", "restriction base", &t.Restriction.Base)
			case t.List != nil:
				ref(t.Pos, "type", "list itemType", &t.List.ItemType)
			case t.Union != nil:
				for i := range t.Union.MemberTypes {
					ref(t.Pos, "type", "union member type", &t.Union.MemberTypes[i])
				}
			}
		},
		complex: func(t *ComplexType) { ref(t.Pos, "type", "base type", &t.Base) },
		element: func(e *Element) {
			ref(e.Pos, "element", "element", &e.Ref)
			ref(e.Pos, "type", "type", &e.Type)
			ref(e.Pos, "element", "substitution group head", &e.SubstitutionGroup)
		},
		attribute: func(a *Attribute) {
			ref(a.Pos, "attribute group", "attribute group", &a.GroupRef)
			ref(a.Pos, "attribute", "attribute", &a.Ref)
			ref(a.Pos, "type", "attribute type", &a.Type)
		},
		particle: func(p *Particle) {
			if p.Kind == GroupRef {
				ref(p.Pos, "group", "group", &p.Ref)
			}
		},
	}.set(s)
	for _, n := range sortedNames(s.Messages) {
		m := s.Messages[n]
		for _, p := range m.Parts {
			ref(m.Pos, "element", "part "+p.Name+": element", &p.Element)
			ref(m.Pos, "type", "part "+p.Name+": type", &p.Type)
		}
	}
	for _, pt := range s.PortTypes {
		for _, op := range pt.Operations {
			for _, io := range append([]*IO{op.Input, op.Output}, op.Faults...) {
				if io != nil {
					ref(op.Pos, "message", "message", &io.Message)
				}
			}
		}
	}
	for _, b := range s.Bindings {
		ref(b.Pos, "port type", "port type", &b.Type)
		for _, bop := range b.Operations {
			for _, bio := range []*BindingIO{bop.Input, bop.Output} {
				if bio == nil {
					continue
				}
				for _, h := range bio.Headers {
					ref(bop.Pos, "message", "soap:header message", &h.Message)
				}
			}
		}
	}
	for _, sv := range s.Services {
		for _, p := range sv.Ports {
			ref(sv.Pos, "binding", "port "+p.Name+": binding", &p.Binding)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos.String() < out[j].pos.String() })
	return out
}

// lenient resolves the references that resolve only by their local name, recording a fix-up for
// each. A reference with an undeclared prefix that several definitions match is an error; the other
// references that do not resolve are left for undefinedRefs.
func lenient(s *Set) error {
	for _, x := range lenientFixups(s) {
		if x.to == (xml.Name{}) {
			if strings.HasPrefix(x.ref.Space, undeclared) && x.n > 1 {
				return errorf(x.pos, "%s: %d definitions have the local name %s, so sogen cannot tell which one is meant", x.from(), x.n, x.ref.Local)
			}
			continue // left for undefinedRefs
		}
		s.Fixups = append(s.Fixups, Fixup{Kind: LocalName, Pos: x.pos, Ref: *x.ref,
			Msg: fmt.Sprintf("%s resolved by its local name to {%s}%s", x.from(), x.to.Space, x.to.Local)})
		*x.ref = x.to
	}
	return nil
}
