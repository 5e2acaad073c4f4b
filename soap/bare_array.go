package soap

import "encoding/xml"

// BareArray is the body element of a document/literal bare message whose element's type is a wrapped
// array (<tns:Names><tns:string>a</tns:string>...</tns:Names> directly in the Body): generated code
// wraps the parameter, or the result, in one. The element is always written; a nil Value sends it
// empty.
type BareArray[T any] struct {
	// Array describes the items.
	Array *Array[T]
	// Value holds the items.
	Value []T
}

// MarshalSOAP writes b as the element start.Name.
func (b *BareArray[T]) MarshalSOAP(e *Encoder, start Start) {
	b.Array.Encode(e, &Field{Name: start.Name}, nil, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value (xsi:nil gives nil).
func (b *BareArray[T]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	return b.Array.Decode(d, start, &Field{Name: start.Name}, nil, &b.Value)
}

// SOAPType returns the zero name: the array type is not in the type registry.
func (b *BareArray[T]) SOAPType() xml.Name { return xml.Name{} }

// BareDict is the body element of a document/literal bare message whose element's type is a
// dictionary (WCF's IsDictionary pattern), as BareArray is for wrapped arrays. A nil Value sends the
// element empty.
type BareDict[K comparable, V any] struct {
	// Dict describes the entries.
	Dict *Dict[K, V]
	// Value holds the entries.
	Value map[K]V
}

// MarshalSOAP writes b as the element start.Name, entries in key order.
func (b *BareDict[K, V]) MarshalSOAP(e *Encoder, start Start) {
	b.Dict.Encode(e, &Field{Name: start.Name}, nil, b.Value)
}

// UnmarshalSOAP reads the element start into b.Value (xsi:nil gives nil).
func (b *BareDict[K, V]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	return b.Dict.Decode(d, start, &Field{Name: start.Name}, nil, &b.Value)
}

// SOAPType returns the zero name: the dictionary type is not in the type registry.
func (b *BareDict[K, V]) SOAPType() xml.Name { return xml.Name{} }
