package parser

import "fmt"

// A Fixup is one repair made to an input that does not follow the specifications, so that it can be
// generated: where, what kind, and what was read how.
type Fixup struct {
	Kind FixupKind
	Pos  Pos
	// Msg says what was read how, without the position.
	Msg string
}

func (f Fixup) String() string {
	if f.Pos.File == "" {
		return f.Msg
	}
	return f.Pos.String() + ": " + f.Msg
}

// FixupKind is a kind of fix-up. The loss-free kinds repair what is not in doubt (the meaning of the
// input is clear, only its form is wrong); they are made unless Options.Strict. The lossy kinds guess
// or leave something out; they are made only with Options.Lenient.
type FixupKind int

// Fix-up kinds, loss-free first.
const (
	// LocalName: a reference that does not resolve as written (an undeclared namespace prefix, or a
	// namespace without such a definition) resolved to the one definition of the kind wanted with its
	// local name.
	LocalName FixupKind = iota + 1
	// TrimmedName: a name with white space around it, trimmed (XML Schema reads an NCName collapsed).
	TrimmedName
	// ImpliedComplexType: a model group written directly inside xs:element, read as the content of an
	// anonymous xs:complexType there.
	ImpliedComplexType
	// SOAPInput: soap:input or soap:output written where wsdl:input or wsdl:output belongs, read as
	// such.
	SOAPInput

	// Undefined (lossy): a reference to something not defined, read as xs:anyType (xs:string for a
	// simple type) or left out of its content model, list or union.
	Undefined
	// LeftOut (lossy): an operation, fault, header, binding operation, binding or port that cannot be
	// used, left out; or a body part a message lacks, left out of the body.
	LeftOut
	// TypePart (lossy): a part naming a type in a document-style body, read as an element named after
	// the part, in no namespace.
	TypePart
	// Unmapped (lossy): a type sogen cannot map, kept as XML, or an operation it cannot map, left out.
	Unmapped
)

// Lossy reports whether fix-ups of kind k guess or leave something out (Options.Lenient makes them);
// the others are loss-free (made unless Options.Strict).
func (k FixupKind) Lossy() bool { return k >= Undefined }

// FixupKinds are the kinds of fix-ups, in the order their summaries are given.
var FixupKinds = []FixupKind{LocalName, TrimmedName, ImpliedComplexType, SOAPInput, Undefined, LeftOut, TypePart, Unmapped}

// Summary describes n fix-ups of kind k in one line, such as "3 references resolved by their local
// name (an undeclared namespace prefix, or the wrong namespace)".
func (k FixupKind) Summary(n int) string {
	one := func(singular, plural string) string {
		if n == 1 {
			return "1 " + singular
		}
		return fmt.Sprintf("%d %s", n, plural)
	}
	switch k {
	case LocalName:
		return one("reference", "references") + " resolved by the local name (an undeclared namespace prefix, or the wrong namespace)"
	case TrimmedName:
		return one("name", "names") + " with white space around trimmed"
	case ImpliedComplexType:
		return one("model group", "model groups") + " directly inside xs:element read as the content of an anonymous xs:complexType"
	case SOAPInput:
		return one("soap:input or soap:output", "soap:input and soap:output elements") + " read as wsdl:input or wsdl:output"
	case Undefined:
		return one("reference", "references") + " to nothing defined read as xs:anyType or xs:string, or left out"
	case LeftOut:
		return one("operation, fault, header, binding, port or body part", "operations, faults, headers, bindings, ports and body parts") + " that cannot be used left out"
	case TypePart:
		return one("type part", "type parts") + " of document-style bodies read as elements named after the part"
	case Unmapped:
		return one("type or operation", "types and operations") + " sogen cannot map kept as XML or left out"
	}
	return one("fix-up", "fix-ups")
}

// Summaries returns one line per kind of the fix-ups given (see FixupKind.Summary), in the order of
// FixupKinds, with whether that kind is lossy.
func Summaries(fixups []Fixup) []FixupSummary {
	counts := map[FixupKind]int{}
	for _, f := range fixups {
		counts[f.Kind]++
	}
	var out []FixupSummary
	for _, k := range FixupKinds {
		if n := counts[k]; n > 0 {
			out = append(out, FixupSummary{Kind: k, Count: n, Text: k.Summary(n)})
		}
	}
	return out
}

// FixupSummary is the summary of the fix-ups of one kind.
type FixupSummary struct {
	Kind  FixupKind
	Count int
	Text  string
}

// fixup records a fix-up of kind k at pos in s.
func (s *Set) fixup(k FixupKind, pos Pos, format string, args ...any) {
	s.Fixups = append(s.Fixups, Fixup{Kind: k, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}
