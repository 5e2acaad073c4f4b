package soapimpl

import (
	"encoding/xml"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Name is the name of an element or attribute as the engine handles it: compared with the names the
// reader returns without allocating, and written without building a string.
type Name struct {
	// Space is the namespace (empty for an unqualified name) and Local the local name.
	Space, Local string
	// ns is the namespace as the reader identifies it.
	ns xmlr.NS
	// secret is set when the local name is that of a secret (soap.IsSecretName): the values written
	// under it are kept out of error messages.
	secret bool
}

// NewName returns the Name {space}local.
func NewName(space, local string) Name {
	return Name{Space: space, Local: local, ns: xmlr.Intern(space), secret: soap.IsSecretName(local)}
}

// XML returns n as an xml.Name.
func (n *Name) XML() xml.Name { return xml.Name{Space: n.Space, Local: n.Local} }

// Flags describe a field: its occurrence constraints and how its Go field holds the value.
type Flags uint8

// Flags of a field.
const (
	// Optional is set for an element with minOccurs="0".
	Optional Flags = 1 << iota
	// Nillable is set for an element with nillable="true".
	Nillable
	// ZeroUnset is set when the Go zero value of the field means "no value" rather than a value to
	// send: nil pointers, slices, maps and interfaces, the empty string of a nillable string or of an
	// enumeration (whose lexical space does not contain it).
	ZeroUnset
	// Repeated is set for an element with maxOccurs > 1: its occurrences are the values of a Go slice,
	// so it has no state of its own in a Presence.
	Repeated
	// Ref is set for a simple value held by pointer (a choice branch, a response header block, a
	// nillable number among repeated elements): nil is "no value".
	Ref
	// Wildcard is set for an xs:any wildcard: the Go field holds the elements it matched, as
	// []*soap.Element; when decoding, every child element the type does not declare is put there.
	Wildcard
)

// Field describes a child element of a generated struct: its name on the wire, its Go field (the
// key of its entry in a Presence), its occurrence constraints and the codec of its value. Generated
// code writes the descriptors as composite literals, which the compiler lays out as static data.
type Field struct {
	// Space is the element's namespace (empty for an unqualified element) and Local its local name.
	Space, Local string
	// GoName is the Go field's name.
	GoName string
	// Flags are the element's occurrence constraints and how the Go field holds the value.
	Flags Flags
	// Codec converts the value; nil for a wildcard. For a field holding a generated struct by pointer
	// (or a slice of them) it is the struct's Ptr codec; for the occurrences of a repeated choice, the
	// Ptr codec of the Occurrence type.
	Codec *Codec
}

// elem is an element as the engine handles it: a field of a struct, an array item, a dictionary key
// or value.
type elem struct {
	name   Name
	goName string // "" for array items and dictionary keys and values
	flags  Flags
	fc     *codec  // the codec of the field's values; nil for wildcards
	mode   Flags   // how the Go field holds them: Repeated and Ref flags
	occ    *Type   // the Occurrence type of a repeated choice
	names  []*Name // the names the field takes when decoding
	wild   bool    // the field takes the elements no other field matches
}

// newElem returns the elem {space}local, for items, keys and values.
func newElem(space, local string, flags Flags) elem {
	return elem{name: NewName(space, local), flags: flags}
}

// missing is the state of a required, non-nillable element whose Go value means "no value": the
// schema gives no way to send it, so encoding reports an error (see ops.noEmpty).
const missing soap.State = 100

// state resolves the wire state of f given the recorded states and whether the Go value is unset.
func (f *elem) state(p *soap.Presence, unset bool) soap.State {
	if p != nil && !empty(p) {
		if s := p.State(f.goName); s != soap.Default {
			return s
		}
	}
	return f.defaultState(unset)
}

func (f *elem) defaultState(unset bool) soap.State {
	if unset && f.flags&ZeroUnset != 0 {
		switch {
		case f.flags&Optional != 0:
			return soap.Absent
		case f.flags&Nillable != 0:
			return soap.Nil
		}
		return missing
	}
	return soap.Present
}

// observe records in p what decoding saw for f (Present, Absent or Nil), when that differs from what
// the decoded Go value would produce on its own. p may be nil (array items, dictionary entries), in
// which case nothing is recorded.
func (f *elem) observe(p *soap.Presence, seen soap.State, unset bool) {
	if p == nil || f.flags&Repeated != 0 {
		return
	}
	def := f.defaultState(unset)
	if def == missing {
		def = soap.Present
	}
	if seen != def {
		p.Set(f.goName, seen)
	} else if !empty(p) {
		p.Set(f.goName, soap.Default)
	}
}

// empty reports whether p records nothing.
func empty(p *soap.Presence) bool { return presenceEmpty(p) }

// where names a field in errors: "Webhook.Name", or the element's local name when the field has no
// Go name of its own.
func where(owner string, f *elem) string {
	switch {
	case owner != "" && f.goName != "":
		return owner + "." + f.goName
	case f.goName != "":
		return f.goName
	}
	return f.name.Local
}

// Attr describes an attribute of a generated struct: its name, its Go field, the value the schema
// fixes, and the codec of its value.
type Attr struct {
	// Space is the attribute's namespace (empty for an unqualified attribute) and Local its local
	// name.
	Space, Local string
	// GoName is the Go field's name, used in errors.
	GoName string
	// Codec converts the value, a simple type's.
	Codec *Codec
	// Ref is set for an optional attribute, held by pointer: nil leaves it out.
	Ref bool
	// Fixed is the value the schema fixes (xs:attribute fixed="..."), when HasFixed is set: encoding
	// another value is an error, and a zero Go value in a required attribute is written as Fixed.
	Fixed    string
	HasFixed bool
}

// attrInfo is an attribute as the engine handles it.
type attrInfo struct {
	name     Name
	goName   string
	fixed    string
	hasFixed bool
	ref      bool
	c        *codec
}
