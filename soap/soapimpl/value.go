package soapimpl

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/sogen-go/sogen/soap"
)

// lazyTable returns a function giving the table of the generated struct type P points to, looked up
// through its SOAPType method the first time (tables refer to each other, so they are found when
// used, not while the package is initialised).
//
//go:noinline
func lazyTable[P any]() func() *Type {
	var cache atomic.Pointer[Type]
	return func() *Type {
		if t := cache.Load(); t != nil {
			return t
		}
		var zero P
		t := any(zero).(Message).SOAPType()
		cache.Store(t)
		return t
	}
}

// isZero reports whether v, a pointer or an interface, is nil.
func isZero[P any](v P) bool {
	var zero P
	return any(v) == any(zero)
}

// Ptr returns the codec of a generated struct held by pointer (P, whose SOAPType gives its table):
// nil is "no value". Generated code declares one per struct type that fields, array items or
// dictionary values hold.
//
//go:noinline
func Ptr[P any]() Codec {
	table := lazyTable[P]()
	c := wrapBase(&ops[P]{
		zero:    isZero[P],
		noEmpty: true,
		elem: func(e *Encoder, f *elem, _ string, _ *soap.Presence, v P) {
			t := table()
			var x any = v
			if isZero(v) {
				x = t.newValue() // sent on purpose (Presence says Present): an empty element
			}
			var typ xml.Name
			if e.encoded {
				typ = t.s.Type
			}
			t.encodeElem(e, &f.name, typ, x)
		},
		elemDec: func(d *Decoder, _ *elem, _ *soap.Presence, dst *P) error {
			t := table()
			v := t.newValue()
			if err := t.decode(d, v); err != nil {
				return err
			}
			*dst = v.(P)
			return nil
		},
	})
	c = withArrays[P](c)
	c.c.table = table
	c.c.sliceLen = func(s any) int { return len(*s.(*[]P)) }
	c.c.sliceAt = func(s any, i int) any { return (*s.(*[]P))[i] }
	c.c.sliceAppend = func(s, x any) { p := s.(*[]P); *p = append(*p, x.(P)) }
	return c
}

// Poly returns the codec of a field declared with a base type that other types derive from, held in
// the interface I: the base type itself (B, a pointer to the base struct) or any derived type. A
// derived value is written with its schema type as xsi:type; decoding chooses the Go type from
// xsi:type through the Decoder's registry.
//
//go:noinline
func Poly[I, B any]() Codec {
	base := lazyTable[B]()
	return wrapBase(&ops[I]{
		zero:    func(v I) bool { _, t := message(v); return t == nil },
		noEmpty: true,
		elem: func(e *Encoder, f *elem, _ string, _ *soap.Presence, v I) {
			m, t := message(v)
			if t == nil {
				e.startName(&f.name, xml.Name{})
				e.EndElement()
				return
			}
			var typ xml.Name
			if t.s.Type != base().s.Type || e.encoded {
				typ = t.s.Type
			}
			t.encodeElem(e, &f.name, typ, m)
		},
		elemDec: func(d *Decoder, _ *elem, _ *soap.Presence, dst *I) error {
			typ, typed, err := d.xsiTypeRaw()
			if err != nil {
				return err
			}
			b := base()
			t := b
			if typed && !b.named(typ) {
				t = d.types.lookupRaw(typ)
				if t == nil {
					n := d.xmlName(typ)
					return d.Errorf("xsi:type {%s}%s is not a known type", n.Space, n.Local)
				}
			}
			v, ok := t.newValue().(I)
			if !ok {
				n := d.xmlName(typ)
				return d.Errorf("xsi:type {%s}%s is not derived from {%s}%s", n.Space, n.Local, b.s.Type.Space, b.s.Type.Local)
			}
			if err := t.decode(d, v); err != nil {
				return err
			}
			*dst = v
			return nil
		},
	})
}

// message returns the generated struct v holds and its table, or nil when v holds nothing (or a nil
// pointer).
func message(v any) (Message, *Type) {
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

// array is a wrapped array type (the ArrayOfX pattern): an element holding one item element per
// value, or a SOAP-ENC array.
type array[T any] struct {
	item elem
	c    *ops[T]
	// arrayType is, for a SOAP-ENC array (a restriction of soapenc:Array, SOAP 1.1 section 5.4.2), the
	// schema type of the items: the array is written with soapenc:arrayType="T[n]" (and
	// xsi:type="soapenc:Array" in an encoded message), and its items are read whatever their names.
	// For an array of arrays it is the type of the innermost items, and itemRanks the ranks of the
	// items written after it ("[]" for arrays, "[,]" for two-dimensional arrays: "xsd:byte[][n]").
	arrayType xml.Name
	itemRanks string
}

// NewArray returns the codec of a wrapped array type (the ArrayOfX pattern) whose items are the
// elements {space}local, each converted by item (by pointer when flags has Ref). A present but empty
// wrapper decodes as an empty, non-nil slice. The item codec must be able to make arrays: those of
// the built-in types, Any and Ptr's; NewArrayOf makes arrays of the others' values.
func NewArray(space, local string, flags Flags, item *Codec) Codec {
	return arrayOf(item, space, local, flags, xml.Name{})
}

// arrayOf returns the codec of an array of the values of item, which must be able to make arrays.
func arrayOf(item *Codec, space, local string, flags Flags, arrayType xml.Name) Codec {
	if item.c.arrayOf == nil {
		panic(fmt.Sprintf("soapimpl: the codec of %s cannot make arrays: use NewArrayOf", item.c.typ.Local))
	}
	return item.c.arrayOf(space, local, flags, arrayType)
}

// NewEncArray returns the codec of a SOAP-ENC array whose items are the elements {space}local of
// schema type arrayType, each converted by item.
func NewEncArray(space, local string, flags Flags, item *Codec, arrayType xml.Name) Codec {
	return arrayOf(item, space, local, flags, arrayType)
}

// NewArrayOf is NewArray, or NewEncArray, for items whose codec cannot make arrays (those of generated
// simple types, Poly, arrays and dictionaries): T is the Go type of an item (a *T when flags has Ref). For a SOAP-ENC array of arrays, itemRanks are the ranks
// of its items ("[]" for arrays, "[,]" for two-dimensional arrays) and arrayType the type of the
// innermost items, written together as soapenc:arrayType="xsd:byte[][n]".
//
//go:noinline
func NewArrayOf[T any](space, local string, flags Flags, item *Codec, arrayType xml.Name, itemRanks string) Codec {
	return newArray[T](space, local, flags, item.c, arrayType, itemRanks)
}

// newArray returns the codec of an array of the values of item, T being their Go type (a *T when
// flags has Ref).
//
//go:noinline
func newArray[T any](space, local string, flags Flags, item *codec, arrayType xml.Name, itemRanks string) Codec {
	a := &array[T]{item: newElem(space, local, flags), arrayType: arrayType, itemRanks: itemRanks}
	if flags&Ref != 0 {
		a.c = item.refOps.(*ops[T])
	} else {
		a.c = item.t.(*ops[T])
	}
	return arrayCodec(a)
}

// arrayCodec returns the codec of the array a.
//
//go:noinline
func arrayCodec[T any](a *array[T]) Codec {
	return wrapBase(&ops[[]T]{
		zero:  func(v []T) bool { return v == nil },
		items: true,
		elem: func(e *Encoder, f *elem, owner string, p *soap.Presence, v []T) {
			if a.arrayType != (xml.Name{}) {
				encodeSOAPArray(a, e, f, owner, p, v, false)
				return
			}
			nils := nilItems(e, a.c, f, p, v)
			e.startName(&f.name, xml.Name{})
			encodeItems(a, e, f, owner, v, nils)
			e.EndElement()
		},
		elemDec: func(d *Decoder, f *elem, p *soap.Presence, dst *[]T) error { return decodeArray(a, d, f, p, dst) },
	})
}

// itemOps returns the operations of item on values of type T: those of a simple value held by
// pointer when flags has Ref.
//
//go:noinline
func itemOps[T any](item *Codec, flags Flags) *ops[T] {
	if flags&Ref != 0 {
		return item.c.refOps.(*ops[T])
	}
	return item.c.t.(*ops[T])
}

// encodeItems writes the items of v; those at the positions nils lists are written as xsi:nil.
func encodeItems[T any](a *array[T], e *Encoder, f *elem, owner string, v []T, nils []int) {
	for i, x := range v {
		if len(nils) > 0 && nils[0] == i {
			nils = nils[1:]
			e.nilName(&a.item.name)
			continue
		}
		switch a.item.defaultState(a.c.zero(x)) {
		case soap.Absent:
		case soap.Nil:
			e.nilName(&a.item.name)
		case missing:
			if a.c.noEmpty {
				e.Errorf("soap: %s: item %d has no value, but the item element %s is not nillable", where(owner, f), i, a.item.name.Local)
				continue
			}
			encodeValue(a.c, e, &a.item, owner, nil, x)
		default:
			encodeValue(a.c, e, &a.item, owner, nil, x)
		}
	}
}

// decodeArray reads the items of the array element f just started into *dst; the items sent as
// xsi:nil that their Go values cannot hold are recorded in p, those recorded before are cleared.
func decodeArray[T any](a *array[T], d *Decoder, f *elem, p *soap.Presence, dst *[]T) error {
	soapArray := a.arrayType != (xml.Name{})
	if soapArray && d.hasEncAttr("offset") {
		return d.Errorf("partially transmitted SOAP-ENC arrays (soapenc:offset) are not supported")
	}
	if p != nil {
		p.ClearNil(f.goName)
	}
	out := make([]T, 0, 4)
	for { // a loop rather than d.children and a closure, whose captured variables live in memory
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
		case !d.match(&a.item.name):
			if err := d.unknown(); err != nil {
				return err
			}
			continue
		}
		if p != nil && lostNil(d, &a.item) {
			p.SetNilItem(f.goName, len(out))
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

// encArrayTypeAttr is soapenc:arrayType (SOAP 1.1 section 5.4.2).
var encArrayTypeAttr = NewName(soap.SOAPEncNamespace, "arrayType")

// encodeSOAPArray writes v as the SOAP-ENC array element f (SOAP 1.1 section 5.4.2). The array
// carries xsi:type="soapenc:Array" when e follows the SOAP encoding or typed is set (a value in an
// xs:anyType slot).
func encodeSOAPArray[T any](a *array[T], e *Encoder, f *elem, owner string, p *soap.Presence, v []T, typed bool) {
	nils := nilItems(e, a.c, f, p, v)
	startSOAPArray(e, f, a.arrayType, a.itemRanks, strconv.Itoa(len(v)), typed)
	encodeItems(a, e, f, owner, v, nils)
	e.EndElement()
}

// startSOAPArray writes the start tag of the SOAP-ENC array f whose items are of type arrayType (of
// arrays of it, for itemRanks "[]", ...) and whose size is size ("3", or "2,3" for two dimensions):
// with soapenc:arrayType="T[size]" (SOAP 1.1 section 5.4.2) and xsi:type="soapenc:Array" when e
// follows the encoding or typed is set, or, in the SOAP 1.2 encoding, with enc:arraySize (dimensions
// separated by a space) and enc:itemType (left out for an array of arrays: each item says its own).
func startSOAPArray(e *Encoder, f *elem, arrayType xml.Name, itemRanks, size string, typed bool) {
	enc := e.encoding()
	var typ xml.Name
	if enc == soap.SOAP12EncNamespace {
		if typed {
			typ = xml.Name{Space: enc, Local: "Array"}
		}
		e.startName(&f.name, typ)
		if itemRanks == "" {
			e.Attr(xml.Name{Space: enc, Local: "itemType"}, e.QName(arrayType))
		}
		e.Attr(xml.Name{Space: enc, Local: "arraySize"}, strings.ReplaceAll(size, ",", " "))
		return
	}
	if e.encoded || typed {
		typ = xml.Name{Space: enc, Local: "Array"}
	}
	e.startName(&f.name, typ)
	e.attr(encArrayTypeAttr.Space, encArrayTypeAttr.Local, false, e.QName(arrayType)+itemRanks+"["+size+"]")
}

// heapSort sorts s by compare: a small sort (unlike slices.SortFunc, whose instantiation is large), in
// place, in O(n log n).
func heapSort[K any](s []K, compare func(a, b K) int) {
	down := func(i, n int) {
		for {
			c := 2*i + 1
			if c >= n {
				return
			}
			if c+1 < n && compare(s[c+1], s[c]) > 0 {
				c++
			}
			if compare(s[c], s[i]) <= 0 {
				return
			}
			s[i], s[c] = s[c], s[i]
			i = c
		}
	}
	for i := len(s)/2 - 1; i >= 0; i-- {
		down(i, len(s))
	}
	for n := len(s) - 1; n > 0; n-- {
		s[0], s[n] = s[n], s[0]
		down(0, n)
	}
}

// encoding returns the namespace of the SOAP encoding e writes.
func (e *Encoder) encoding() string {
	if e.encNS != "" {
		return e.encNS
	}
	return soap.SOAPEncNamespace
}

// NewDict returns the codec of a dictionary type (WCF's IsDictionary pattern): a sequence of pair
// elements {pairSpace}pairLocal, each holding a key and a value element, converted by key and value;
// compare orders the keys, so that entries are written in a deterministic order. A later entry with
// a key seen before replaces it.
//
//go:noinline
func NewDict[K comparable, V any](pairSpace, pairLocal string, keySpace, keyLocal string, keyFlags Flags, key *Codec,
	valueSpace, valueLocal string, valueFlags Flags, value *Codec, compare func(a, b K) int) Codec {
	pair := NewName(pairSpace, pairLocal)
	kf, vf := newElem(keySpace, keyLocal, keyFlags), newElem(valueSpace, valueLocal, valueFlags)
	kc, vc := itemOps[K](key, keyFlags), itemOps[V](value, valueFlags)
	// wrapBase, not wrap: a dictionary is never held by pointer, an attribute, simple content nor a
	// value of an xs:anyType slot, and arrays of dictionaries are made with NewArrayOf; the generic
	// code for those would be compiled into every generated package for nothing.
	return wrapBase(&ops[map[K]V]{
		zero:  func(m map[K]V) bool { return m == nil },
		items: true,
		elem: func(e *Encoder, f *elem, owner string, p *soap.Presence, m map[K]V) {
			var buf [16]K
			keys := buf[:0]
			for k := range m {
				keys = append(keys, k)
			}
			heapSort(keys, compare)
			nils := nilValues(e, vc, f, p, m)
			e.startName(&f.name, xml.Name{})
			for _, k := range keys {
				e.startName(&pair, xml.Name{})
				encodeField(e, kc, &kf, owner, nil, k)
				if _, ok := nils[k]; ok {
					e.nilName(&vf.name)
				} else {
					encodeField(e, vc, &vf, owner, nil, m[k])
				}
				e.EndElement()
			}
			e.EndElement()
		},
		elemDec: func(d *Decoder, f *elem, p *soap.Presence, dst *map[K]V) error {
			if p != nil {
				p.ClearNil(f.goName)
			}
			m := make(map[K]V)
			// A key or value whose codec reads text is returned by simpleValue; the others are
			// decoded into one pair, reused: locals passed to the codecs would escape, two allocations
			// per entry.
			ksimple, vsimple := kc.elemDec == nil, vc.elemDec == nil
			var kv *struct {
				k K
				v V
			}
			if !ksimple || !vsimple {
				kv = new(struct {
					k K
					v V
				})
			}
			// Loops rather than d.children and closures, whose captured variables live in memory.
			for {
				ok, err := d.child()
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				if !d.match(&pair) {
					if err := d.unknown(); err != nil {
						return err
					}
					continue
				}
				var k K
				var v V
				if kv != nil {
					kv.k, kv.v = k, v
				}
				lost := false
				for {
					ok, err := d.child()
					if err != nil {
						return err
					}
					if !ok {
						break
					}
					switch {
					case d.match(&kf.name) && ksimple:
						k, err = simpleValue(d, kc)
					case d.match(&kf.name):
						err = decodeField(d, kc, &kf, nil, &kv.k)
						k = kv.k
					case d.match(&vf.name):
						lost = p != nil && lostNil(d, &vf)
						if vsimple {
							v, err = simpleValue(d, vc)
						} else {
							err = decodeField(d, vc, &vf, nil, &kv.v)
							v = kv.v
						}
					default:
						err = d.unknown()
					}
					if err != nil {
						return err
					}
				}
				m[k] = v
				if p != nil && (lost || hasNils(p, f.goName)) {
					// A later entry with the same key replaces the earlier one, its record included.
					// (Only then: the key in an interface would cost an allocation per entry.)
					if lost {
						p.SetNilValue(f.goName, k)
					} else {
						p.ClearNilValue(f.goName, k)
					}
				}
			}
			*dst = m
			return nil
		},
	})
}

// nilValues returns the keys of m whose values p records as xsi:nil (see soap.Presence.SetNilValue),
// and records an encoding error for a record that does not fit m: an item position, a key of another
// type or not in m, or a value that is not the zero value.
func nilValues[K comparable, V any](e *Encoder, vc *ops[V], f *elem, p *soap.Presence, m map[K]V) map[K]struct{} {
	if !hasNils(p, f.goName) {
		return nil
	}
	for _, i := range p.NilItems(f.goName) {
		e.Errorf("soap: Presence records item %d of %q as nil, which holds a dictionary", i, f.goName)
	}
	out := map[K]struct{}{}
	for _, key := range p.NilValues(f.goName) {
		k, ok := key.(K)
		if !ok {
			e.Errorf("soap: Presence records a nil value for key %v (%T) of %q, whose keys are %T", key, key, f.goName, k)
			continue
		}
		v, ok := m[k]
		switch {
		case !ok:
			e.Errorf("soap: Presence records the value of key %v of %q as nil, but the map has no such key", key, f.goName)
		case !vc.zero(v):
			e.Errorf("soap: Presence records the value of key %v of %q as nil, but it holds a value (%v)", key, f.goName, v)
		default:
			out[k] = struct{}{}
		}
	}
	return out
}
