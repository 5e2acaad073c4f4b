package soapimpl

import (
	"encoding/xml"
	"slices"
	"strconv"

	"github.com/sogen-go/sogen/soap"
)

type ref[T any] struct{ c *Codec[T] }

// Ref returns the Value of a simple value held by pointer (a nillable number in an array, a choice
// branch, a response header block): nil is "no value".
func Ref[T any](c *Codec[T]) Value[*T] { return ref[T]{c} }

func (r ref[T]) encodeValue(e *Encoder, f *Field, owner string, v *T) {
	var x T
	if v != nil {
		x = *v
	}
	r.c.encodeValue(e, f, owner, x)
}

func (r ref[T]) decodeValue(d *Decoder, dst **T) error {
	v := new(T)
	if err := r.c.decodeValue(d, v); err != nil {
		return err
	}
	*dst = v
	return nil
}

func (r ref[T]) unset(v *T) bool { return v == nil }
func (r ref[T]) emptyOK() bool   { return false }

type ptr[P interface {
	comparable
	Message
}] struct{}

// Ptr returns the Value of a generated struct held by pointer (P): nil is "no value".
func Ptr[P interface {
	comparable
	Message
}]() Value[P] {
	return ptr[P]{}
}

func (ptr[P]) table() *Struct[P] {
	var zero P
	return zero.SOAPType().(*Struct[P])
}

func (x ptr[P]) encodeValue(e *Encoder, f *Field, _ string, v P) {
	t := x.table()
	var zero P
	if v == zero {
		v = t.New() // sent on purpose (Presence says Present): an empty element
	}
	var typ xml.Name
	if e.encoded {
		typ = t.Type
	}
	t.encodeElem(e, &f.Name, typ, v)
}

func (x ptr[P]) decodeValue(d *Decoder, dst *P) error {
	t := x.table()
	v := t.New()
	if err := t.decode(d, v); err != nil {
		return err
	}
	*dst = v
	return nil
}

func (ptr[P]) unset(v P) bool {
	var zero P
	return v == zero
}

func (ptr[P]) emptyOK() bool { return false }

type poly[I any, B interface {
	comparable
	Message
}] struct{}

// Poly returns the Value of a field declared with a base type that other types derive from, held in
// the interface I: the base type itself (B, a pointer to the base struct) or any derived type. A
// derived value is written with its schema type as xsi:type; decoding chooses the Go type from
// xsi:type through the Decoder's registry.
func Poly[I any, B interface {
	comparable
	Message
}]() Value[I] {
	return poly[I, B]{}
}

func (poly[I, B]) base() *Struct[B] {
	var zero B
	return zero.SOAPType().(*Struct[B])
}

// message returns the Message v holds, or nil when v holds nothing (or a nil pointer).
func message(v any) (Message, Type) {
	m, ok := v.(Message)
	if !ok {
		return nil, nil
	}
	t := m.SOAPType()
	if t.isNil(v) {
		return nil, nil
	}
	return m, t
}

func (x poly[I, B]) encodeValue(e *Encoder, f *Field, _ string, v I) {
	m, t := message(v)
	if m == nil {
		e.startName(&f.Name, xml.Name{})
		e.EndElement()
		return
	}
	var typ xml.Name
	if n := t.Name(); n != x.base().Type || e.encoded {
		typ = n
	}
	t.encodeAny(e, &f.Name, typ, m)
}

func (x poly[I, B]) decodeValue(d *Decoder, dst *I) error {
	typ, typed, err := d.xsiTypeRaw()
	if err != nil {
		return err
	}
	base := x.base()
	var t Type = base
	if typed && !base.named(typ) {
		t = d.types.lookupRaw(typ)
		if t == nil {
			n := d.xmlName(typ)
			return d.Errorf("xsi:type {%s}%s is not a known type", n.Space, n.Local)
		}
	}
	v, ok := t.newAny().(I)
	if !ok {
		n := d.xmlName(typ)
		return d.Errorf("xsi:type {%s}%s is not derived from {%s}%s", n.Space, n.Local, base.Type.Space, base.Type.Local)
	}
	if err := t.decodeAny(d, v); err != nil {
		return err
	}
	*dst = v
	return nil
}

func (poly[I, B]) unset(v I) bool {
	m, _ := message(v)
	return m == nil
}

func (poly[I, B]) emptyOK() bool { return false }

// Array encodes and decodes a wrapped array type (the ArrayOfX pattern): an element holding one item
// element per value. Generated code declares one per array type, with NewArray or NewEncArray.
type Array[T any] struct {
	item Field
	c    Value[T]
	// arrayType is, for a SOAP-ENC array (a restriction of soapenc:Array, SOAP 1.1 section 5.4.2), the
	// schema type of the items: the array is written with soapenc:arrayType="T[n]" (and
	// xsi:type="soapenc:Array" in an encoded message), and its items are read whatever their names.
	arrayType xml.Name
}

// NewArray returns the Array whose items are the elements {space}local, each encoded by c.
func NewArray[T any](space, local string, flags Flags, c Value[T]) *Array[T] {
	return &Array[T]{item: NewField(space, local, "", flags), c: c}
}

// NewEncArray returns the SOAP-ENC array whose items are the elements {space}local of schema type
// arrayType, each encoded by c.
func NewEncArray[T any](space, local string, flags Flags, c Value[T], arrayType xml.Name) *Array[T] {
	return &Array[T]{item: NewField(space, local, "", flags), c: c, arrayType: arrayType}
}

func (a *Array[T]) encodeValue(e *Encoder, f *Field, owner string, v []T) {
	if a.arrayType != (xml.Name{}) {
		a.encodeSOAPArray(e, f, owner, v, false)
		return
	}
	e.startName(&f.Name, xml.Name{})
	a.encodeItems(e, f, owner, v)
	e.EndElement()
}

func (a *Array[T]) encodeItems(e *Encoder, f *Field, owner string, v []T) {
	for i, x := range v {
		switch a.item.defaultState(a.c.unset(x)) {
		case soap.Absent:
		case soap.Nil:
			e.nilName(&a.item.Name)
		case missing:
			if !a.c.emptyOK() {
				e.Errorf("soap: %s: item %d has no value, but the item element %s is not nillable", where(owner, f), i, a.item.Local)
				continue
			}
			a.c.encodeValue(e, &a.item, owner, x)
		default:
			a.c.encodeValue(e, &a.item, owner, x)
		}
	}
}

func (a *Array[T]) decodeValue(d *Decoder, dst *[]T) error {
	soapArray := a.arrayType != (xml.Name{})
	if soapArray && d.hasEncAttr("offset") {
		return d.Errorf("partially transmitted SOAP-ENC arrays (soapenc:offset) are not supported")
	}
	out := make([]T, 0, 4)
	for {
		ok, err := d.child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch {
		case soapArray:
			if d.hasEncAttr("position") {
				return d.Errorf("sparse SOAP-ENC arrays (soapenc:position) are not supported")
			}
		case !d.match(&a.item.Name):
			if err := d.unknown(); err != nil {
				return err
			}
			continue
		}
		var zero T
		out = append(out, zero) // decoded in place: a local would escape, one allocation per item
		if err := decodeField(d, a.c, &a.item, nil, &out[len(out)-1]); err != nil {
			return err
		}
	}
	*dst = out
	return nil
}

func (a *Array[T]) unset(v []T) bool { return v == nil }
func (a *Array[T]) emptyOK() bool    { return true }

// encArrayTypeAttr is soapenc:arrayType (SOAP 1.1 section 5.4.2).
var encArrayTypeAttr = NewName(soap.SOAPEncNamespace, "arrayType")

// encodeSOAPArray writes v as the SOAP-ENC array element f (SOAP 1.1 section 5.4.2). The array
// carries xsi:type="soapenc:Array" when e follows the SOAP encoding or typed is set (a value in an
// xs:anyType slot).
func (a *Array[T]) encodeSOAPArray(e *Encoder, f *Field, owner string, v []T, typed bool) {
	enc := e.encoding()
	var typ xml.Name
	if enc == soap.SOAP12EncNamespace {
		if typed {
			typ = xml.Name{Space: enc, Local: "Array"}
		}
		e.startName(&f.Name, typ)
		e.Attr(xml.Name{Space: enc, Local: "itemType"}, e.QName(a.arrayType))
		e.Attr(xml.Name{Space: enc, Local: "arraySize"}, strconv.Itoa(len(v)))
	} else {
		if e.encoded || typed {
			typ = xml.Name{Space: enc, Local: "Array"}
		}
		e.startName(&f.Name, typ)
		e.attr(encArrayTypeAttr.Space, encArrayTypeAttr.Local, false, e.QName(a.arrayType)+"["+strconv.Itoa(len(v))+"]")
	}
	a.encodeItems(e, f, owner, v)
	e.EndElement()
}

// encoding returns the namespace of the SOAP encoding e writes.
func (e *Encoder) encoding() string {
	if e.encNS != "" {
		return e.encNS
	}
	return soap.SOAPEncNamespace
}

// Dict describes a dictionary type (WCF's IsDictionary pattern): a sequence of pair elements, each
// holding a key and a value element. Generated code declares one per dictionary type, with NewDict.
type Dict[K comparable, V any] struct {
	pair       Name
	key, value Field
	kc         Value[K]
	vc         Value[V]
	compare    func(a, b K) int
}

// NewDict returns the Dict whose entries are pair elements {pairSpace}pairLocal holding the key and
// value elements, key first, encoded by kc and vc; compare orders the keys, so that entries are
// written in a deterministic order.
func NewDict[K comparable, V any](pair Name, key Field, kc Value[K], value Field, vc Value[V], compare func(a, b K) int) *Dict[K, V] {
	return &Dict[K, V]{pair: pair, key: key, kc: kc, value: value, vc: vc, compare: compare}
}

func (t *Dict[K, V]) encodeValue(e *Encoder, f *Field, owner string, m map[K]V) {
	var buf [16]K
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, t.compare)
	e.startName(&f.Name, xml.Name{})
	for _, k := range keys {
		e.startName(&t.pair, xml.Name{})
		encodeField(e, t.kc, &t.key, owner, nil, k)
		encodeField(e, t.vc, &t.value, owner, nil, m[k])
		e.EndElement()
	}
	e.EndElement()
}

func (t *Dict[K, V]) decodeValue(d *Decoder, dst *map[K]V) error {
	m := make(map[K]V)
	// One pair decoded into, reused: locals passed to the codecs' methods would escape, two
	// allocations per entry.
	kv := new(struct {
		k K
		v V
	})
	for {
		ok, err := d.child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if !d.match(&t.pair) {
			if err := d.unknown(); err != nil {
				return err
			}
			continue
		}
		var zk K
		var zv V
		kv.k, kv.v = zk, zv
		for {
			ok, err := d.child()
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			switch {
			case d.match(&t.key.Name):
				err = decodeField(d, t.kc, &t.key, nil, &kv.k)
			case d.match(&t.value.Name):
				err = decodeField(d, t.vc, &t.value, nil, &kv.v)
			default:
				err = d.unknown()
			}
			if err != nil {
				return err
			}
		}
		m[kv.k] = kv.v
	}
	*dst = m
	return nil
}

func (t *Dict[K, V]) unset(m map[K]V) bool { return m == nil }
func (t *Dict[K, V]) emptyOK() bool        { return true }
