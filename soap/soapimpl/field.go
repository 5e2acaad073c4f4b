package soapimpl

import (
	"encoding/xml"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Name is the name of an element or attribute as generated code declares it, once: the engine
// compares the names the reader returns against it without allocating, and writes it without
// building a string.
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

// Flags are the occurrence constraints of an element.
type Flags uint8

// Flags of an element.
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
	// so it has no state of its own in a Presence. The constructors of repeated fields set it.
	Repeated
)

// Field describes a child element of a generated type: its name on the wire, its Go field (the key of
// its entry in a Presence) and its occurrence constraints.
type Field struct {
	Name
	// GoName is the Go field's name ("" for array items and dictionary keys and values).
	GoName string
	// Flags are the element's occurrence constraints.
	Flags Flags
}

// NewField returns the descriptor of element {space}local held by the Go field goName.
func NewField(space, local, goName string, flags Flags) Field {
	return Field{Name: NewName(space, local), GoName: goName, Flags: flags}
}

// missing is the state of a required, non-nillable element whose Go value means "no value": the
// schema gives no way to send it, so encoding reports an error (see Value.emptyOK).
const missing soap.State = 100

// state resolves the wire state of f given the recorded states and whether the Go value is unset.
func (f *Field) state(p *soap.Presence, unset bool) soap.State {
	if p != nil && !empty(p) {
		if s := p.State(f.GoName); s != soap.Default {
			return s
		}
	}
	return f.defaultState(unset)
}

func (f *Field) defaultState(unset bool) soap.State {
	if unset && f.Flags&ZeroUnset != 0 {
		switch {
		case f.Flags&Optional != 0:
			return soap.Absent
		case f.Flags&Nillable != 0:
			return soap.Nil
		}
		return missing
	}
	return soap.Present
}

// observe records in p what decoding saw for f (Present, Absent or Nil), when that differs from what
// the decoded Go value would produce on its own. p may be nil (array items, dictionary entries), in
// which case nothing is recorded.
func (f *Field) observe(p *soap.Presence, seen soap.State, unset bool) {
	if p == nil || f.Flags&Repeated != 0 {
		return
	}
	def := f.defaultState(unset)
	if def == missing {
		def = soap.Present
	}
	if seen != def {
		p.Set(f.GoName, seen)
	} else if !empty(p) {
		p.Set(f.GoName, soap.Default)
	}
}

var zeroPresence soap.Presence

// empty reports whether p records nothing.
func empty(p *soap.Presence) bool { return p.Equal(zeroPresence) }

// where names a field in errors: "Webhook.Name", or the element's local name when the field has no
// Go name of its own.
func where(owner string, f *Field) string {
	switch {
	case owner != "" && f.GoName != "":
		return owner + "." + f.GoName
	case f.GoName != "":
		return f.GoName
	}
	return f.Local
}

// Value encodes and decodes one Go value of type T as an element: a simple value (a *Codec), a
// simple value held by pointer (Ref), a generated struct held by pointer (Ptr), a value of a base
// type's interface (Poly), an xs:anyType value (Any), a wrapped array (*Array) or a dictionary
// (*Dict). Its methods are the engine's; generated code only passes values around.
type Value[T any] interface {
	// encodeValue writes v, whose state is Present, as the element f; owner names the Go type
	// holding the field, for errors.
	encodeValue(e *Encoder, f *Field, owner string, v T)
	// decodeValue reads the element just started, which is not xsi:nil, into *dst.
	decodeValue(d *Decoder, dst *T) error
	// unset reports whether v means "no value".
	unset(v T) bool
	// emptyOK reports whether an unset value may be written in a required, non-nillable element
	// (an empty wrapper for a nil slice, for instance). When it may not, encoding it is an error
	// naming the field: a nil pointer, an item of a repeated element, a zero QName.
	emptyOK() bool
}

// encodeField writes v as the element f following its state.
func encodeField[T any](e *Encoder, c Value[T], f *Field, owner string, p *soap.Presence, v T) {
	switch f.state(p, c.unset(v)) {
	case soap.Absent:
	case soap.Nil:
		e.nilName(&f.Name)
	case missing:
		if !c.emptyOK() {
			e.Errorf("soap: %s has no value, but the element %s is required and not nillable", where(owner, f), f.Local)
			return
		}
		c.encodeValue(e, f, owner, v)
	default:
		c.encodeValue(e, f, owner, v)
	}
}

// decodeField reads the element just started into *dst, recording its state in p.
func decodeField[T any](d *Decoder, c Value[T], f *Field, p *soap.Presence, dst *T) error {
	if d.isNil() {
		var zero T
		*dst = zero
		f.observe(p, soap.Nil, true)
		return d.skip()
	}
	if err := c.decodeValue(d, dst); err != nil {
		return err
	}
	f.observe(p, soap.Present, c.unset(*dst))
	return nil
}
