package soap

import "encoding/xml"

// BareArray is the body element of a document/literal bare message whose element's type is a wrapped
// array (<tns:Names><tns:string>a</tns:string>...</tns:Names> directly in the Body): generated code
// wraps the parameter, or the result, in one. The element is always written (a nil Value sends it
// empty) unless Presence says xsi:nil; Presence also records nil items (see BareValue).
type BareArray[T any] struct {
	// Array describes the items.
	Array *Array[T]
	// Value holds the items.
	Value []T
	// Presence holds the element's state and its nil items, as BareValue's does.
	Presence Presence
}

// MarshalSOAP writes b as the element start.Name.
func (b *BareArray[T]) MarshalSOAP(e *Encoder, start Start) {
	f := bareField(start.Name)
	b.Array.Encode(e, &f, &b.Presence, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value (xsi:nil gives nil, recorded in Presence).
func (b *BareArray[T]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	f := bareField(start.Name)
	return b.Array.Decode(d, start, &f, &b.Presence, &b.Value)
}

// SOAPType returns the zero name: the array type is not in the type registry.
func (b *BareArray[T]) SOAPType() xml.Name { return xml.Name{} }

// BareDict is the body element of a document/literal bare message whose element's type is a
// dictionary (WCF's IsDictionary pattern), as BareArray is for wrapped arrays. A nil Value sends the
// element empty; Presence may send xsi:nil and records nil values (see BareValue).
type BareDict[K comparable, V any] struct {
	// Dict describes the entries.
	Dict *Dict[K, V]
	// Value holds the entries.
	Value map[K]V
	// Presence holds the element's state and its nil values, as BareValue's does.
	Presence Presence
}

// MarshalSOAP writes b as the element start.Name, entries in key order.
func (b *BareDict[K, V]) MarshalSOAP(e *Encoder, start Start) {
	f := bareField(start.Name)
	b.Dict.Encode(e, &f, &b.Presence, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value (xsi:nil gives nil, recorded in Presence).
func (b *BareDict[K, V]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	f := bareField(start.Name)
	return b.Dict.Decode(d, start, &f, &b.Presence, &b.Value)
}

// SOAPType returns the zero name: the dictionary type is not in the type registry.
func (b *BareDict[K, V]) SOAPType() xml.Name { return xml.Name{} }
