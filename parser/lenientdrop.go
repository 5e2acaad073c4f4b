package parser

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// anyType is xs:anyType, what -lenient reads a reference to an undefined type as.
var anyType = xml.Name{Space: NSXSD, Local: "anyType"}

// lenientDrop, with Options.Lenient and after lenient's fix-ups, makes the references that still do
// not resolve harmless, with a warning for each, so that the rest of the file can be generated:
//
//   - an undefined type of an element, attribute or part is read as xs:anyType, an undefined simple
//     base or item type as xs:string, an undefined complexContent base as none;
//   - a reference to an undefined element or group is dropped from its content model;
//   - an operation whose input or output message is undefined, or names an undefined element, is
//     dropped, with its binding operations; an undefined fault message is dropped from its operation;
//   - a body part a binding names that its message lacks is dropped from the body (the operation is
//     kept, as zeep keeps it);
//   - a soap:header naming an undefined message or part is dropped; a binding operation naming no
//     operation of its port type is dropped; a binding of an undefined port type, and a port of an
//     undefined binding, are dropped.
func lenientDrop(s *Set) {
	undefined := func(pos Pos, format string, args ...any) { s.fixup(Undefined, pos, format, args...) }
	leaveOut := func(pos Pos, format string, args ...any) { s.fixup(LeftOut, pos, format, args...) }
	isType := func(n xml.Name) bool {
		return n == (xml.Name{}) || IsBuiltin(n) || s.SimpleTypes[n] != nil || s.ComplexTypes[n] != nil
	}
	isSimple := func(n xml.Name) bool {
		return n == (xml.Name{}) || IsBuiltin(n) || s.SimpleTypes[n] != nil
	}
	str := xml.Name{Space: NSXSD, Local: "string"}
	walker{
		simple: func(t *SimpleType) {
			switch {
			case t.Restriction != nil:
				if !isSimple(t.Restriction.Base) && s.ComplexTypes[t.Restriction.Base] == nil {
					undefined(t.Pos, "restriction base %s is not defined; read as xs:string", show(t.Restriction.Base))
					t.Restriction.Base = str
				}
			case t.List != nil:
				if !isSimple(t.List.ItemType) && s.ComplexTypes[t.List.ItemType] == nil {
					undefined(t.Pos, "list itemType %s is not defined; read as xs:string", show(t.List.ItemType))
					t.List.ItemType = str
				}
			case t.Union != nil:
				var keep []xml.Name
				for _, m := range t.Union.MemberTypes {
					if isType(m) {
						keep = append(keep, m)
					} else {
						undefined(t.Pos, "union member type %s is not defined; left out", show(m))
					}
				}
				t.Union.MemberTypes = keep
			}
		},
		complex: func(t *ComplexType) {
			if t.Base != (xml.Name{}) && !isType(t.Base) {
				undefined(t.Pos, "base type %s is not defined; read as no base", show(t.Base))
				t.Base, t.Derivation = xml.Name{}, NoDerivation
			}
			var attrs []*Attribute
			for _, a := range t.Attributes {
				switch {
				case a.GroupRef != (xml.Name{}) && s.AttributeGroups[a.GroupRef] == nil:
					undefined(a.Pos, "attribute group %s is not defined; left out", show(a.GroupRef))
					continue
				case a.Ref != (xml.Name{}) && s.Attributes[a.Ref] == nil && a.Ref.Space != "http://www.w3.org/XML/1998/namespace":
					undefined(a.Pos, "attribute %s is not defined; left out", show(a.Ref))
					continue
				}
				attrs = append(attrs, a)
			}
			t.Attributes = attrs
		},
		element: func(e *Element) {
			if e.Type != (xml.Name{}) && !isType(e.Type) {
				undefined(e.Pos, "type %s is not defined; read as xs:anyType", show(e.Type))
				e.Type = anyType
			}
			if e.SubstitutionGroup != (xml.Name{}) && s.Elements[e.SubstitutionGroup] == nil {
				undefined(e.Pos, "substitution group head %s is not defined; left out", show(e.SubstitutionGroup))
				e.SubstitutionGroup = xml.Name{}
			}
		},
		// Attribute groups' attributes too: an undefined type there is read as xs:string as well.
		attribute: func(a *Attribute) {
			if a.Type != (xml.Name{}) && !isSimple(a.Type) {
				undefined(a.Pos, "attribute type %s is not defined; read as xs:string", show(a.Type))
				a.Type = str
			}
		},
		particle: func(p *Particle) {
			var keep []*Particle
			for _, c := range p.Children {
				switch {
				case c.Kind == ElementParticle && c.Element != nil && c.Element.Ref != (xml.Name{}) && s.Elements[c.Element.Ref] == nil:
					undefined(c.Element.Pos, "element %s is not defined; left out", show(c.Element.Ref))
					continue
				case c.Kind == GroupRef && s.Groups[c.Ref] == nil:
					undefined(c.Pos, "group %s is not defined; left out", show(c.Ref))
					continue
				}
				keep = append(keep, c)
			}
			p.Children = keep
		},
	}.set(s)

	// Messages: an undefined part type is xs:anyType; an undefined part element breaks the message.
	broken := map[xml.Name]string{}
	for _, n := range sortedNames(s.Messages) {
		m := s.Messages[n]
		for _, p := range m.Parts {
			if p.Type != (xml.Name{}) && !isType(p.Type) {
				undefined(m.Pos, "part %s: type %s is not defined; read as xs:anyType", p.Name, show(p.Type))
				p.Type = anyType
			}
			if p.Element != (xml.Name{}) && s.Elements[p.Element] == nil {
				broken[n] = fmt.Sprintf("its part %s names the undefined element %s", p.Name, show(p.Element))
			}
		}
	}
	usable := func(n xml.Name) (bool, string) {
		if s.Messages[n] == nil {
			return false, fmt.Sprintf("message %s is not defined", show(n))
		}
		if why, bad := broken[n]; bad {
			return false, fmt.Sprintf("message %s: %s", n.Local, why)
		}
		return true, ""
	}
	// Bindings naming body parts their messages lack: the part is left out of the body (zeep, too,
	// keeps the operation).
	s.boundOperations(func(b *Binding, bop *BindingOperation, op *Operation) error {
		for i, bio := range []*BindingIO{bop.Input, bop.Output} {
			io := []*IO{op.Input, op.Output}[i]
			if bio == nil || bio.Body == nil || bio.Body.Parts == nil || io == nil || s.Messages[io.Message] == nil {
				continue
			}
			keep := []string{}
			for _, part := range bio.Body.Parts {
				if s.Messages[io.Message].Part(part) == nil {
					leaveOut(bop.Pos, "soap:body part %s left out: message %s has no such part", part, io.Message.Local)
					continue
				}
				keep = append(keep, part)
			}
			bio.Body.Parts = keep
		}
		return nil
	})
	for _, pt := range s.PortTypes {
		var keep []*Operation
		for _, op := range pt.Operations {
			ok, why := true, ""
			for _, io := range []*IO{op.Input, op.Output} {
				if io != nil && ok {
					ok, why = usable(io.Message)
				}
			}
			if !ok {
				leaveOut(op.Pos, "operation %s left out: %s", op.Name, why)
				continue
			}
			var faults []*IO
			for _, f := range op.Faults {
				if ok, why := usable(f.Message); !ok {
					leaveOut(op.Pos, "fault %s left out: %s", f.Name, why)
					continue
				}
				faults = append(faults, f)
			}
			op.Faults = faults
			keep = append(keep, op)
		}
		pt.Operations = keep
	}
	var bindings []*Binding
	for _, b := range s.Bindings {
		pt := s.PortType(b.Type)
		if pt == nil {
			leaveOut(b.Pos, "binding %s left out: port type %s is not defined", b.Name.Local, show(b.Type))
			continue
		}
		var ops []*BindingOperation
		for _, bop := range b.Operations {
			if pt.Operation(bop.Name) == nil {
				leaveOut(bop.Pos, "binding operation %s left out: port type %s has no (usable) operation of that name", bop.Name, pt.Name.Local)
				continue
			}
			for _, bio := range []*BindingIO{bop.Input, bop.Output} {
				if bio == nil {
					continue
				}
				var hs []*Header
				for _, h := range bio.Headers {
					m := s.Messages[h.Message]
					switch {
					case m == nil:
						leaveOut(bop.Pos, "soap:header left out: message %s is not defined", show(h.Message))
					case broken[h.Message] != "":
						leaveOut(bop.Pos, "soap:header left out: message %s: %s", h.Message.Local, broken[h.Message])
					case m.Part(h.Part) == nil:
						leaveOut(bop.Pos, "soap:header left out: message %s has no part %s", h.Message.Local, h.Part)
					case m.Part(h.Part).Element == (xml.Name{}):
						leaveOut(bop.Pos, "soap:header left out: part %s of message %s names a type, not an element, so the header block has no name", h.Part, h.Message.Local)
					case m.Part(h.Part).Element != (xml.Name{}) && s.Elements[m.Part(h.Part).Element] == nil:
						leaveOut(bop.Pos, "soap:header left out: part %s of message %s names the undefined element %s", h.Part, h.Message.Local, show(m.Part(h.Part).Element))
					default:
						hs = append(hs, h)
					}
				}
				bio.Headers = hs
			}
			ops = append(ops, bop)
		}
		b.Operations = ops
		bindings = append(bindings, b)
	}
	s.Bindings = bindings
	for n := range broken {
		delete(s.Messages, n) // every use was left out above
	}
	for _, sv := range s.Services {
		var ports []*Port
		for _, p := range sv.Ports {
			if s.Binding(p.Binding) == nil {
				leaveOut(sv.Pos, "port %s left out: binding %s is not defined", p.Name, show(p.Binding))
				continue
			}
			ports = append(ports, p)
		}
		sv.Ports = ports
	}
}

// show formats a reference for a warning: {namespace}local, or prefix:local for an undeclared prefix.
func show(n xml.Name) string {
	if p, ok := strings.CutPrefix(n.Space, undeclared); ok {
		return p + ":" + n.Local + " (undeclared prefix)"
	}
	return "{" + n.Space + "}" + n.Local
}
