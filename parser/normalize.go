package parser

import (
	"encoding/xml"
	"errors"
	"sort"
)

// Normalize rewrites the definitions Load read into the form the model maps, in small named steps,
// each about one quirk of the inputs or one construct the model would otherwise have to rewrite:
//
//  1. encodedArrays defines soapenc:Array when an encoded binding refers to it, and refuses the SOAP
//     encodings sogen does not support (before references are checked: encoded schemas refer to the
//     SOAP encoding schema, which is not read);
//  2. localNames resolves references that resolve only by their local name (unless Options.Strict);
//  3. undefinedRefs repairs the references that do not resolve at all (see undefinedRefs: the
//     loss-free repairs unless Options.Strict, the lossy ones with Options.Lenient), and, with
//     Options.Lenient, typeParts reads type parts of document-style bodies as elements;
//  4. check verifies that every reference resolves and that derivations end, and extensions refuses
//     what XML Schema forbids extensions to declare (an attribute or a differently typed element their
//     base has);
//  5. rpcBodies and documentBodies give every input and output of a SOAP binding operation its body
//     (BindingIO.BodyKind and Element): the rpc wrapper, the element of the one part, or a stand-in
//     for several parts;
//  6. substitutionGroups rewrites each reference to the head of a substitution group (or to an
//     abstract element) as the xs:choice of the elements that may stand for it (Particle.Head);
//  7. repeatedGroups rewrites repeated model groups: a repeated group reference as the group,
//     a repeated sequence of one element (or wildcard, or choice) as that particle repeated, an empty
//     choice as nothing, and gives every other repeated choice and sequence the type of one
//     occurrence (Particle.Occurrence); with Options.Lenient one it cannot map is read as a wildcard.
//
// Each fix-up is recorded in Set.Fixups. The model maps a normalised Set only. The steps that look
// inside types go through one walker (see walker), which visits every nested type.
func Normalize(s *Set, opts Options) error {
	if s.normalized {
		return errors.New("parser: the set is already normalised")
	}
	n := &normalizer{s: s, opts: opts}
	for _, step := range []func() error{
		n.encodedArrays,
		n.localNames,
		n.undefinedRefs,
		n.check,
		n.extensions,
		n.rpcBodies,
		n.documentBodies,
		n.substitutionGroups,
		n.repeatedGroups,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	s.normalized = true
	return nil
}

// Normalized reports whether Normalize has run on s.
func (s *Set) Normalized() bool { return s.normalized }

type normalizer struct {
	s    *Set
	opts Options
}

func (n *normalizer) encodedArrays() error { return refuseEncoded(n.s) }

func (n *normalizer) localNames() error {
	if n.opts.Strict {
		return nil
	}
	return lenient(n.s)
}

func (n *normalizer) undefinedRefs() error {
	if err := undefinedRefs(n.s, n.opts); err != nil {
		return err
	}
	if n.opts.Lenient {
		lenientTypeParts(n.s)
	}
	return nil
}

func (n *normalizer) check() error { return check(n.s) }

func (n *normalizer) rpcBodies() error { return rpcWrappers(n.s) }

// SortNames orders schema names as the model declares them: the namespace of the first port type
// first, then by namespace and local name.
func (s *Set) SortNames(names []xml.Name) {
	p := ""
	if len(s.PortTypes) > 0 {
		p = s.PortTypes[0].Name.Space
	}
	sort.SliceStable(names, func(i, j int) bool {
		pi, pj := names[i].Space == p, names[j].Space == p
		if pi != pj {
			return pi
		}
		if names[i].Space != names[j].Space {
			return names[i].Space < names[j].Space
		}
		return names[i].Local < names[j].Local
	})
}

// soapOperations calls f for every operation of a SOAP binding that sogen maps (bindings with an
// encoded operation sogen refuses are left out: they are refused or skipped), with the port type
// operation it binds, in document order.
func (s *Set) soapOperations(f func(b *Binding, bop *BindingOperation, op *Operation) error) error {
	return s.boundOperations(func(b *Binding, bop *BindingOperation, op *Operation) error {
		if b.Protocol != SOAP11 && b.Protocol != SOAP12 || EncodedBinding(b) != nil {
			return nil
		}
		return f(b, bop, op)
	})
}

// boundOperations calls f for every operation of every binding whose port type has it, with that
// port type operation, in document order.
func (s *Set) boundOperations(f func(b *Binding, bop *BindingOperation, op *Operation) error) error {
	for _, b := range s.Bindings {
		pt := s.PortType(b.Type)
		if pt == nil {
			continue
		}
		for _, bop := range b.Operations {
			if op := pt.Operation(bop.Name); op != nil {
				if err := f(b, bop, op); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// bodyParts returns the parts of message m that bio puts in the SOAP Body: those its soap:body lists
// (its parts attribute), else every part no soap:header of bio takes. missing is the first name the
// parts attribute lists that m lacks ("" when none).
func bodyParts(m *Message, bio *BindingIO) (parts []*Part, missing string) {
	if bio != nil && bio.Body != nil && bio.Body.Parts != nil {
		for _, name := range bio.Body.Parts {
			p := m.Part(name)
			if p == nil {
				if missing == "" {
					missing = name
				}
				continue
			}
			parts = append(parts, p)
		}
		return parts, missing
	}
	for _, p := range m.Parts {
		header := false
		if bio != nil {
			for _, h := range bio.Headers {
				if h.Message == m.Name && h.Part == p.Name {
					header = true
				}
			}
		}
		if !header {
			parts = append(parts, p)
		}
	}
	return parts, ""
}
