package soap

import "encoding/xml"

// Bare is the body element of a document/literal bare message whose element has a simple type
// (<tns:Price>12.5</tns:Price> directly in the Body): generated code wraps the parameter, or the
// result, in one. The element is always written, with Value's lexical form as its text.
type Bare[T any] struct {
	// Codec converts the value to and from text.
	Codec Codec[T]
	// Value is the element's value.
	Value T
}

// MarshalSOAP writes b as the element start.Name.
func (b *Bare[T]) MarshalSOAP(e *Encoder, start Start) {
	f := Field{Name: start.Name}
	b.Codec.Encode(e, &f, nil, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value (xsi:nil gives the zero value).
func (b *Bare[T]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	f := Field{Name: start.Name}
	return b.Codec.Decode(d, start, &f, nil, &b.Value)
}

// SOAPType returns the codec's schema type.
func (b *Bare[T]) SOAPType() xml.Name { return b.Codec.Type }

// BareAny is the body element of a document/literal bare message whose element has no type (or
// xs:anyType): its value is held in an any, encoded and decoded as EncodeAny and DecodeAny describe
// (nil sends an empty element).
type BareAny struct {
	// Value is the element's value.
	Value any
}

// SOAPType returns the zero name: the element's type is xs:anyType.
func (b *BareAny) SOAPType() xml.Name { return xml.Name{} }

// MarshalSOAP writes b as the element start.Name.
func (b *BareAny) MarshalSOAP(e *Encoder, start Start) {
	EncodeAny(e, &Field{Name: start.Name}, nil, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value.
func (b *BareAny) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	return DecodeAny(d, start, &Field{Name: start.Name}, nil, &b.Value)
}
