package parser

import (
	"encoding/xml"
	"fmt"
)

// A Fixup is one repair made to an input that does not follow the specifications, so that it can be
// generated: where, what kind, and what was read how.
type Fixup struct {
	Kind FixupKind
	Pos  Pos
	// Msg says what was read how, without the position.
	Msg string
	// Ref is the reference repaired, for the repairs of a reference to a definition (the zero Name
	// for the others).
	Ref xml.Name
	// Hint says, when its Kind is not zero, what would have made the repair unnecessary: for kind
	// Unread, the remote document that was not read (HintRemote).
	Hint Hint
}

func (f Fixup) String() string {
	if f.Pos.File == "" {
		return f.Msg
	}
	return f.Pos.String() + ": " + f.Msg
}

// FixupKind is a kind of fix-up. The loss-free kinds are made unless Options.Strict: they lose no
// data on the wire and guess nothing about its form. Either the meaning of the input is clear and only
// its form is wrong (LocalName, TrimmedName, ImpliedComplexType, SOAPInput), or what the input leaves
// undefined is read so that whatever arrives there is kept as it is and written back unchanged
// (AnyContent, Unread), or what refers to nothing is ignored where nothing callable depends on it and the
// soap package still reaches what it describes (Ignored). The lossy kinds guess the wire form or
// leave out what a client could have called; they are made only with Options.Lenient.
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
	// AnyContent: a reference to a schema component that is not defined, read as content kept as it
	// arrives: an undefined type of an element or part as xs:anyType (the value is kept as XML, or
	// typed by its xsi:type), an undefined simple type (of an attribute, a restriction, a list or a
	// union) as xs:string (the text as it is), an undefined element or attribute as one of that name
	// of xs:anyType or xs:string, a reference whose name is not known (an undeclared prefix) or an
	// undefined group as a wildcard, an undefined attribute group as xs:anyAttribute, a simpleContent
	// extension of an undefined base as one of xs:string with xs:anyAttribute, and another complex
	// type with an undefined base (and the types derived from it) as XML kept in full
	// (ComplexType.KeptAsXML).
	AnyContent
	// Ignored: a reference to nothing that nothing callable depends on, ignored: an undefined fault
	// message (the fault still arrives as a *soap.Fault, its detail as XML), a soap:header whose
	// message or part is undefined or names a type (the block can be sent with soap.WithHeaderBlock
	// and read with soap.WithUnknownResponseHeaders), a binding operation that no operation of its
	// port type has, a port of an undefined binding, an undefined substitution group head, and a
	// soap:body parts name that the message lacks when every part of it is placed already.
	Ignored

	// LeftOut (lossy): what cannot be described left out: an operation whose input or output message
	// is undefined or names an element whose name is not known (an undeclared prefix), a binding of
	// an undefined port type; or a soap:body parts name the message lacks, left out of the body when
	// a part of the message could have been meant.
	LeftOut
	// TypePart (lossy): a part naming a type in a document-style body, read as an element named after
	// the part, in no namespace.
	TypePart
	// Unmapped (lossy): a type sogen cannot map, kept as XML, or an operation it cannot map, left out.
	Unmapped

	// Unread: an xs:import whose schemaLocation is a remote location the Resolver did not read
	// (ErrNotRead), passed over, since XML Schema makes that location a hint (Part 1 section 4.2.3);
	// and each reference into the namespace it imports that then names nothing, read as AnyContent
	// reads it (Fixup.Ref set). Fixup.Hint names the location (HintRemote, with the namespace).
	// Loss-free; an xs:include or a wsdl:import of a location that was not read stays an error.
	Unread
)

// Lossy reports whether fix-ups of kind k guess or leave something out (Options.Lenient makes them);
// the others are loss-free (made unless Options.Strict).
func (k FixupKind) Lossy() bool {
	switch k {
	case LeftOut, TypePart, Unmapped:
		return true
	}
	return false
}

// FixupKinds are the kinds of fix-ups, in the order their summaries are given.
var FixupKinds = []FixupKind{LocalName, TrimmedName, ImpliedComplexType, SOAPInput, Unread, AnyContent, Ignored, LeftOut, TypePart, Unmapped}

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
	case AnyContent:
		return one("reference", "references") + " to nothing defined read as any content (xs:anyType, xs:string, a wildcard, a type kept as XML), kept as it arrives"
	case Ignored:
		return one("fault, header, binding operation, port or name that refers", "faults, headers, binding operations, ports and names that refer") + " to nothing defined ignored"
	case LeftOut:
		return one("operation, binding or body part", "operations, bindings and body parts") + " that cannot be described left out"
	case TypePart:
		return one("type part", "type parts") + " of document-style bodies read as elements named after the part"
	case Unmapped:
		return one("type or operation", "types and operations") + " sogen cannot map kept as XML or left out"
	case Unread:
		return one("reference", "references") + " into the namespaces of remote schemas that were not read, read as any content (xs:anyType, xs:string, a wildcard, a type kept as XML), kept as it arrives"
	}
	return one("fix-up", "fix-ups")
}

// Summaries returns one line per kind of the fix-ups given (see FixupKind.Summary), in the order of
// FixupKinds; the fix-ups of kind Unread get one line per remote location that was not read instead,
// in the order they were met, saying how many references into its namespace were read as any content.
func Summaries(fixups []Fixup) []FixupSummary {
	counts := map[FixupKind]int{}
	var unread []FixupSummary
	at := map[string]int{} // index in unread, by URL
	for _, f := range fixups {
		counts[f.Kind]++
		if f.Kind != Unread {
			continue
		}
		i, ok := at[f.Hint.URL]
		if !ok {
			i = len(unread)
			at[f.Hint.URL] = i
			unread = append(unread, FixupSummary{Kind: Unread, Hint: f.Hint})
		}
		if f.Ref != (xml.Name{}) {
			unread[i].Count++
		}
	}
	var out []FixupSummary
	for _, k := range FixupKinds {
		if k == Unread {
			for _, u := range unread {
				u.Text = unreadSummary(u.Hint, u.Count)
				out = append(out, u)
			}
			continue
		}
		if n := counts[k]; n > 0 {
			out = append(out, FixupSummary{Kind: k, Count: n, Text: k.Summary(n)})
		}
	}
	return out
}

// unreadSummary describes the remote location of h that was not read, n references into whose
// namespace were read as any content.
func unreadSummary(h Hint, n int) string {
	head := fmt.Sprintf("the schema %s (%s) was not read", h.URL, nsPhrase(h.Namespace))
	switch n {
	case 0:
		return head + "; no reference needed it"
	case 1:
		return head + ": 1 reference into its namespace read as any content, kept as it arrives"
	}
	return fmt.Sprintf("%s: %d references into its namespace read as any content, kept as it arrives", head, n)
}

// FixupSummary is the summary of the fix-ups of one kind, or, for kind Unread, of one remote location
// that was not read.
type FixupSummary struct {
	Kind FixupKind
	// Count is the number of fix-ups of the kind; for kind Unread, the number of references into the
	// namespace of the location that were read as any content (the xs:import itself not counted).
	Count int
	Text  string
	// Hint is, for kind Unread, the location that was not read (HintRemote, with the namespace).
	Hint Hint
}

// fixup records a fix-up of kind k at pos in s.
func (s *Set) fixup(k FixupKind, pos Pos, format string, args ...any) {
	s.Fixups = append(s.Fixups, Fixup{Kind: k, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}
