package parser

import (
	"encoding/xml"
	"fmt"
)

// lenientTypeParts, with Options.Lenient, reads a part that names a type in the body of a
// document-style literal operation as an element named after the part, in no namespace, of that type,
// with a warning naming the file and message. WSDL 1.1 section 3.5 puts a document-style body's parts
// in it as they are, so a type part describes the content of a body child without naming it (WS-I
// Basic Profile 1.1 R2204 requires element parts). Toolkits that accept such files name the element
// after the part (zeep, IBM's SMO); sogen puts it in no namespace, as rpc style puts its accessors
// (BP R2735), where early zeep used the WSDL's target namespace. An element of that name is declared
// once, as a global element in no namespace, and shared by the messages that need it.
//
// A message also used by an rpc-style operation is left alone (it is valid there), and so is one whose
// part would clash with a different element of the same name: the strict error remains for those.
func lenientTypeParts(s *Set) {
	rpc := map[xml.Name]bool{}
	type use struct {
		m   *Message
		bio *BindingIO
	}
	var uses []use
	s.soapOperations(func(b *Binding, bop *BindingOperation, op *Operation) error {
		for _, x := range []struct {
			io  *IO
			bio *BindingIO
		}{{op.Input, bop.Input}, {op.Output, bop.Output}} {
			if x.io == nil || s.Messages[x.io.Message] == nil {
				continue
			}
			if OperationStyle(b, bop) == "rpc" {
				rpc[x.io.Message] = true
				continue
			}
			uses = append(uses, use{s.Messages[x.io.Message], x.bio})
		}
		return nil
	})
	for _, u := range uses {
		if rpc[u.m.Name] {
			continue
		}
		parts, _ := bodyParts(u.m, u.bio)
		for _, p := range parts {
			if p.Type == (xml.Name{}) || !validNCName(p.Name) {
				continue
			}
			name := xml.Name{Local: p.Name}
			if old := s.Elements[name]; old != nil && (old.Type != p.Type || old.Complex != nil || old.Simple != nil) {
				continue
			}
			if s.Elements[name] == nil {
				s.Elements[name] = &Element{Name: name, Pos: u.m.Pos, Type: p.Type,
					Doc: fmt.Sprintf("The part %s of message %s, which names a type: read as an element named after the part (-lenient).", p.Name, u.m.Name.Local)}
			}
			s.fixup(TypePart, u.m.Pos, "part %s names the type %s, not an element, which a document-style body needs; read as an element %s in no namespace of that type",
				p.Name, show(p.Type), p.Name)
			p.Element, p.Type = name, xml.Name{}
		}
	}
}
