package soap

import "encoding/xml"

// BareValue is the whole body element of a document/literal bare message whose element has a simple
// type, no type (xs:anyType), or a wrapped array or dictionary type: its value, and in Presence, under
// the name "Value", what the value alone cannot say — the element sent as xsi:nil (SetNil("Value")),
// the nil items of a string array (SetNilItem("Value", i)) and the nil values of a string dictionary
// (SetNilValue("Value", key)). The message-level methods of such operations (a client's Messages
// view) take and return one; decoding records there what the reply said.
type BareValue[T any] struct {
	// Value is the element's value.
	Value T
	// Presence holds the states of the element ("Value") that Value cannot hold.
	Presence Presence
}

// bareField describes the body element of a bare message: always written, from its value, unless
// its Presence says otherwise; its state is recorded under "Value".
func bareField(name xml.Name) Field { return Field{Name: name, GoName: "Value"} }

// Bare is the body element of a document/literal bare message whose element has a simple type
// (<tns:Price>12.5</tns:Price> directly in the Body): generated code wraps the parameter, or the
// result, in one. The element is written with Value's lexical form as its text, or as xsi:nil when
// Presence says so (see BareValue).
type Bare[T any] struct {
	// Codec converts the value to and from text.
	Codec Codec[T]
	// Value is the element's value.
	Value T
	// Presence holds the element's state, as BareValue's does.
	Presence Presence
}

// MarshalSOAP writes b as the element start.Name.
func (b *Bare[T]) MarshalSOAP(e *Encoder, start Start) {
	f := bareField(start.Name)
	b.Codec.Encode(e, &f, &b.Presence, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value (xsi:nil gives the zero value, recorded in
// Presence).
func (b *Bare[T]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	f := bareField(start.Name)
	return b.Codec.Decode(d, start, &f, &b.Presence, &b.Value)
}

// SOAPType returns the codec's schema type.
func (b *Bare[T]) SOAPType() xml.Name { return b.Codec.Type }

// BareAny is the body element of a document/literal bare message whose element has no type (or
// xs:anyType): its value is held in an any, encoded and decoded as EncodeAny and DecodeAny describe
// (nil sends an empty element; Presence may send xsi:nil, as BareValue's does).
type BareAny struct {
	// Value is the element's value.
	Value any
	// Presence holds the element's state, as BareValue's does.
	Presence Presence
}

// SOAPType returns the zero name: the element's type is xs:anyType.
func (b *BareAny) SOAPType() xml.Name { return xml.Name{} }

// MarshalSOAP writes b as the element start.Name.
func (b *BareAny) MarshalSOAP(e *Encoder, start Start) {
	f := bareField(start.Name)
	EncodeAny(e, &f, &b.Presence, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value.
func (b *BareAny) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	f := bareField(start.Name)
	return DecodeAny(d, start, &f, &b.Presence, &b.Value)
}

// NillableResult returns the Unmarshaler of a reply body element declared nillable: a reply sending
// it as xsi:nil sets *isNil (u is left as it is); any other is decoded by u. Generated methods then
// return a nil result.
func NillableResult(u Unmarshaler, isNil *bool) Unmarshaler {
	return &nillableResult{u: u, isNil: isNil}
}

type nillableResult struct {
	u     Unmarshaler
	isNil *bool
}

// UnmarshalSOAP reads the body element start.
func (r *nillableResult) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	if IsNil(start) {
		*r.isNil = true
		return d.Skip()
	}
	return r.u.UnmarshalSOAP(d, start)
}
