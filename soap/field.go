package soap

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Field describes a child element of a generated type: its name on the wire, its Go field and its
// occurrence constraints. Generated code declares one per element, once, and passes it to the
// encoding functions below.
type Field struct {
	// Name is the element's name on the wire (Space is empty for an unqualified element).
	Name xml.Name
	// GoName is the Go field's name; it is the key of the field's entry in a Presence.
	GoName string
	// Optional is true when the element has minOccurs="0".
	Optional bool
	// Nillable is true when the element has nillable="true".
	Nillable bool
	// ZeroUnset is true when the Go zero value of the field means "no value" rather than a value
	// to send: nil pointers, slices, maps and interfaces, the empty string of a nillable string or of
	// an enumeration (whose lexical space does not contain it).
	ZeroUnset bool
	// Repeated is true for an element with maxOccurs > 1: its occurrences are the values of a Go
	// slice, so it has no state of its own in a Presence.
	Repeated bool
}

// State is the wire state of one optional or nillable element: whether it is left out, sent as
// xsi:nil, or sent with the Go field's value.
type State uint8

const (
	// Default lets the Go value decide: a set value is written; an unset one (see Field.ZeroUnset) is
	// left out when the element is optional, sent as xsi:nil when it is nillable, and written as the
	// zero value otherwise.
	Default State = iota
	// Present writes the Go value even when it is the zero value.
	Present
	// Absent leaves the element out.
	Absent
	// Nil writes the element with xsi:nil="true".
	Nil
)

func (s State) String() string {
	switch s {
	case Default:
		return "Default"
	case Present:
		return "Present"
	case Absent:
		return "Absent"
	case Nil:
		return "Nil"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Presence records, for the fields of one generated struct, wire states that differ from what the Go
// values alone would produce (see Default). Its zero value records nothing, so a struct literal
// encodes from its values. Decoding records what it saw — an element that was absent, or sent as
// xsi:nil, or an empty string sent as a value — so that re-encoding a decoded value reproduces the
// wire form exactly.
//
// It also records the items and dictionary values sent as xsi:nil whose Go value cannot say so: a
// nil item of a string array (<a:string i:nil="true"/> in WCF's ArrayOfstring, which []string holds
// as ""), of a repeated string element, or a nil value of a string dictionary (map[string]string).
// Items are recorded by position (SetNilItem), dictionary values by key (SetNilValue), under the Go
// name of the field holding the array or dictionary. Items and values whose Go type has a nil (a
// pointer, as []*int32 holds nillable numbers) need no record, and get none.
//
// Entries are keyed by the Go field name. Presence is a value type; copy it with the struct.
type Presence struct {
	entries []presenceEntry // sorted by field
	nils    []nilEntry      // sorted by field, then items by position, then dictionary keys in the order recorded
}

type presenceEntry struct {
	field string
	state State
}

// nilEntry records one item (index >= 0) or dictionary value (index < 0, key) sent as xsi:nil.
type nilEntry struct {
	field string
	index int
	key   any
}

// State returns the state recorded for the Go field named field, or Default.
func (p Presence) State(field string) State {
	for _, e := range p.entries {
		if e.field == field {
			return e.state
		}
	}
	return Default
}

// Set records state s for the Go field named field; Default removes the record.
func (p *Presence) Set(field string, s State) {
	i, found := slices.BinarySearchFunc(p.entries, field, func(e presenceEntry, f string) int {
		return strings.Compare(e.field, f)
	})
	// A Presence is copied with its struct, and the copies share the backing array of entries: a
	// change is made to a new array, so that it does not show through (or shift entries) in a copy.
	switch {
	case s == Default && found:
		p.entries = slices.Delete(slices.Clone(p.entries), i, i+1)
	case s == Default:
	case found:
		if p.entries[i].state != s {
			p.entries = slices.Clone(p.entries)
			p.entries[i].state = s
		}
	default:
		p.entries = slices.Insert(slices.Clip(p.entries), i, presenceEntry{field, s})
	}
}

// SetNil makes the named field encode as xsi:nil.
func (p *Presence) SetNil(field string) { p.Set(field, Nil) }

// SetAbsent makes the named field be left out.
func (p *Presence) SetAbsent(field string) { p.Set(field, Absent) }

// SetPresent makes the named field be written from its Go value even when that is the zero value.
func (p *Presence) SetPresent(field string) { p.Set(field, Present) }

// IsNil reports whether the named field is recorded as xsi:nil.
func (p Presence) IsNil(field string) bool { return p.State(field) == Nil }

// IsAbsent reports whether the named field is recorded as absent.
func (p Presence) IsAbsent(field string) bool { return p.State(field) == Absent }

// Fields returns the names of the fields with a recorded state, sorted.
func (p Presence) Fields() []string {
	out := make([]string, len(p.entries))
	for i, e := range p.entries {
		out[i] = e.field
	}
	return out
}

// Equal reports whether p and q record the same states, items and dictionary values.
func (p Presence) Equal(q Presence) bool {
	if !slices.Equal(p.entries, q.entries) || len(p.nils) != len(q.nils) {
		return false
	}
	for _, n := range p.nils {
		if q.findNil(n.field, n.index, n.key) < 0 {
			return false
		}
	}
	return true
}

// findNil returns the position in p.nils of the record of item index (or, for index < 0, of the
// dictionary value of key) of field, or -1.
func (p Presence) findNil(field string, index int, key any) int {
	for i, n := range p.nils {
		if n.field == field && n.index == index && (index >= 0 || n.key == key) {
			return i
		}
	}
	return -1
}

// setNil adds (on) or removes the record of item index, or of the dictionary value of key when index
// is negative. Like Set, it changes a new array, so that copies of p do not see the change.
func (p *Presence) setNil(field string, index int, key any, on bool) {
	i := p.findNil(field, index, key)
	switch {
	case on && i < 0:
		n := nilEntry{field: field, index: index, key: key}
		at := sort.Search(len(p.nils), func(j int) bool { return nilLess(n, p.nils[j]) })
		p.nils = slices.Insert(slices.Clip(p.nils), at, n)
	case !on && i >= 0:
		p.nils = slices.Delete(slices.Clone(p.nils), i, i+1)
	}
}

// nilLess orders records by field, items before dictionary values, items by position; a dictionary
// value sorts after those recorded before it.
func nilLess(a, b nilEntry) bool {
	if a.field != b.field {
		return a.field < b.field
	}
	if (a.index < 0) != (b.index < 0) {
		return a.index >= 0
	}
	return a.index >= 0 && a.index < b.index
}

// SetNilItem records that item i of the array held by the named field (a wrapped array such as
// ArrayOfstring, or a repeated element) is sent as xsi:nil. The item's Go value must be the zero value
// (""); encoding reports an error when it is not, or when the slice has no item i, since the record
// then no longer describes the slice (after items were removed or reordered: update the records with
// ClearNilItem or ClearNil).
func (p *Presence) SetNilItem(field string, i int) {
	if i < 0 {
		panic("soap: Presence.SetNilItem: negative index")
	}
	p.setNil(field, i, nil, true)
}

// ClearNilItem removes the record of item i of the named field: the item is sent from its Go value.
func (p *Presence) ClearNilItem(field string, i int) { p.setNil(field, i, nil, false) }

// IsNilItem reports whether item i of the named field is recorded as xsi:nil.
func (p Presence) IsNilItem(field string, i int) bool { return i >= 0 && p.findNil(field, i, nil) >= 0 }

// NilItems returns the positions of the items of the named field recorded as xsi:nil, ascending.
func (p Presence) NilItems(field string) []int {
	var out []int
	for _, n := range p.nils {
		if n.field == field && n.index >= 0 {
			out = append(out, n.index)
		}
	}
	return out
}

// SetNilValue records that the value of key in the dictionary held by the named field is sent as
// xsi:nil. key has the map's key type (a string for map[string]string). The entry's Go value must be
// the zero value (""); encoding reports an error when it is not, or when the map has no such key.
func (p *Presence) SetNilValue(field string, key any) { p.setNil(field, -1, key, true) }

// ClearNilValue removes the record of the value of key in the named field.
func (p *Presence) ClearNilValue(field string, key any) { p.setNil(field, -1, key, false) }

// IsNilValue reports whether the value of key in the named field is recorded as xsi:nil.
func (p Presence) IsNilValue(field string, key any) bool { return p.findNil(field, -1, key) >= 0 }

// NilValues returns the keys of the named field whose values are recorded as xsi:nil, in the order
// they were recorded (decoding records them in document order).
func (p Presence) NilValues(field string) []any {
	var out []any
	for _, n := range p.nils {
		if n.field == field && n.index < 0 {
			out = append(out, n.key)
		}
	}
	return out
}

// ClearNil removes every item and dictionary value record of the named field (after replacing the
// slice or map it holds).
func (p *Presence) ClearNil(field string) {
	if !slices.ContainsFunc(p.nils, func(n nilEntry) bool { return n.field == field }) {
		return
	}
	p.nils = slices.DeleteFunc(slices.Clone(p.nils), func(n nilEntry) bool { return n.field == field })
}

// hasNils reports whether p records items or dictionary values of the named field.
func (p *Presence) hasNils(field string) bool {
	if p == nil {
		return false
	}
	for _, n := range p.nils {
		if n.field == field {
			return true
		}
	}
	return false
}

// valueState is state for an encoder writing one value (not an array or dictionary): p may hold no
// item or dictionary value records for f, which would otherwise be ignored.
func (f *Field) valueState(e *Encoder, p *Presence, zero bool) State {
	if p.hasNils(f.GoName) {
		e.SetError(fmt.Errorf("soap: Presence records nil items or dictionary values for %q, which holds neither an array nor a dictionary", f.GoName))
	}
	return f.state(p, zero)
}

// state resolves the wire state of f given the recorded states and whether the Go value is the zero value.
func (f *Field) state(p *Presence, zero bool) State {
	if p != nil {
		if s := p.State(f.GoName); s != Default {
			return s
		}
	}
	return f.defaultState(zero)
}

func (f *Field) defaultState(zero bool) State {
	if zero && f.ZeroUnset {
		switch {
		case f.Optional:
			return Absent
		case f.Nillable:
			return Nil
		}
	}
	return Present
}

// Observe records in p what decoding saw for f (Present, Absent or Nil), when that differs from what
// the decoded Go value would produce on its own. p may be nil (array items, dictionary entries), in
// which case nothing is recorded.
func (f *Field) Observe(p *Presence, seen State, zero bool) {
	if p == nil || f.Repeated {
		return
	}
	if seen != f.defaultState(zero) {
		p.Set(f.GoName, seen)
	} else {
		p.Set(f.GoName, Default)
	}
}

// Missing records, after a struct's children were decoded, the fields whose elements did not occur.
// seen[i] tells whether fields[i] occurred.
func Missing(fields []Field, seen []bool, p *Presence) {
	for i := range fields {
		if !seen[i] {
			fields[i].Observe(p, Absent, true)
		}
	}
}

// Codec converts the values of one simple type between Go and text.
type Codec[T any] struct {
	// Type is the schema type, written as xsi:type when such a value fills an xs:anyType slot.
	Type xml.Name
	// Format returns the lexical form of v; the Encoder is given for QName values, whose prefix
	// must be declared.
	Format func(e *Encoder, v T) string
	// Parse converts the text of an element; the Decoder is given for QName values.
	Parse func(d *Decoder, s string) (T, error)
	// IsZero reports whether v is the Go zero value.
	IsZero func(v T) bool
}

// Encode writes v as the element f, following f's occurrence rules and the state recorded in p.
func (c Codec[T]) Encode(e *Encoder, f *Field, p *Presence, v T) {
	switch f.valueState(e, p, c.IsZero(v)) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		e.StartElement(c.start(e, f))
		s := c.Format(e, v)
		e.Text(s)
		e.EndElement()
	}
}

// start returns the start of element f holding a value of c: with the value's xsi:type when e
// follows the SOAP encoding.
func (c Codec[T]) start(e *Encoder, f *Field) Start {
	if e.Encoded {
		return Start{Name: f.Name, Type: c.Type}
	}
	return Start{Name: f.Name}
}

// Decode reads the element se into *dst and records its state in p.
func (c Codec[T]) Decode(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *T) error {
	if IsNil(se) {
		var zero T
		*dst = zero
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	if err := c.DecodeText(d, dst); err != nil {
		return err
	}
	f.Observe(p, Present, c.IsZero(*dst))
	return nil
}

// EncodeRef writes a simple value held by pointer (a header block): nil is "no value".
func (c Codec[T]) EncodeRef(e *Encoder, f *Field, p *Presence, v *T) {
	switch f.valueState(e, p, v == nil) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		var x T
		if v != nil {
			x = *v
		}
		e.StartElement(c.start(e, f))
		s := c.Format(e, x)
		e.Text(s)
		e.EndElement()
	}
}

// DecodeRef reads the element se into a new value stored in *dst; xsi:nil stores nil.
func (c Codec[T]) DecodeRef(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst **T) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	v := new(T)
	if err := c.Decode(d, se, f, nil, v); err != nil {
		return err
	}
	*dst = v
	f.Observe(p, Present, false)
	return nil
}

// EncodeFunc writes one value as the element f.
type EncodeFunc[T any] func(e *Encoder, f *Field, p *Presence, v T)

// DecodeFunc reads the element se into *dst.
type DecodeFunc[T any] func(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *T) error

// EncodePtr writes a complex-typed field held by pointer: nil is "no value".
func EncodePtr[T any, PT interface {
	*T
	Marshaler
}](e *Encoder, f *Field, p *Presence, v PT) {
	switch f.valueState(e, p, v == nil) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		if v == nil {
			v = new(T)
		}
		start := Start{Name: f.Name}
		if e.Encoded {
			start.Type = v.SOAPType()
		}
		v.MarshalSOAP(e, start)
	}
}

// DecodePtr reads a complex-typed field held by pointer.
func DecodePtr[T any, PT interface {
	*T
	Unmarshaler
}](d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *PT) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	v := PT(new(T))
	if err := v.UnmarshalSOAP(d, se); err != nil {
		return err
	}
	*dst = v
	f.Observe(p, Present, false)
	return nil
}

// Poly encodes and decodes values held in the interface I of a base type that other types derive
// from. Generated code declares one per such base type.
type Poly[I any] struct {
	// Declared is the base type's schema name.
	Declared xml.Name
	// New returns a new value of the base type.
	New func() I
}

// Encode writes v as the element f; when v's type is not the base type its schema type is written as
// xsi:type.
func (t *Poly[I]) Encode(e *Encoder, f *Field, p *Presence, v I) {
	m, _ := any(v).(Marshaler)
	unset := isNilValue(m)
	switch f.valueState(e, p, unset) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		if unset {
			e.StartElement(Start{Name: f.Name})
			e.EndElement()
			return
		}
		start := Start{Name: f.Name}
		if typ := m.SOAPType(); typ != t.Declared || e.Encoded {
			start.Type = typ
		}
		m.MarshalSOAP(e, start)
	}
}

// Decode reads the element se into *dst, choosing the Go type from xsi:type through the Decoder's
// registry; without xsi:type, or with the base type's name, New gives the value. An xsi:type that is
// not known, or whose Go type does not implement I, is an error.
func (t *Poly[I]) Decode(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *I) error {
	if IsNil(se) {
		var zero I
		*dst = zero
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	typ, typed, err := d.XSIType(se)
	if err != nil {
		return err
	}
	var v I
	if !typed || typ == t.Declared {
		v = t.New()
	} else {
		mk := d.Types[typ]
		if mk == nil {
			return d.Errorf("xsi:type {%s}%s is not a known type", typ.Space, typ.Local)
		}
		iv, ok := mk().(I)
		if !ok {
			return d.Errorf("xsi:type {%s}%s is not derived from {%s}%s", typ.Space, typ.Local, t.Declared.Space, t.Declared.Local)
		}
		v = iv
	}
	u, ok := any(v).(Unmarshaler)
	if !ok {
		return d.Errorf("type %T cannot be decoded", v)
	}
	if err := u.UnmarshalSOAP(d, se); err != nil {
		return err
	}
	*dst = v
	f.Observe(p, Present, false)
	return nil
}

// Array encodes and decodes a wrapped array type (the ArrayOfX pattern): an element holding one item
// element per value. Generated code declares one per array type.
type Array[T any] struct {
	// Item describes the item element.
	Item Field
	// EncodeItem and DecodeItem convert one item.
	EncodeItem EncodeFunc[T]
	DecodeItem DecodeFunc[T]
	// ArrayType is, for a SOAP-ENC array (a restriction of soapenc:Array, SOAP 1.1 section 5.4.2), the
	// schema type of the items: the array is written with soapenc:arrayType="T[n]" (and
	// xsi:type="soapenc:Array" in an encoded message), and its items are read whatever their names.
	// It is zero for other arrays.
	ArrayType xml.Name
}

// Encode writes v as the element f.
func (a *Array[T]) Encode(e *Encoder, f *Field, p *Presence, v []T) {
	if a.ArrayType != (xml.Name{}) {
		a.encodeSOAPArray(e, f, p, v, false)
		return
	}
	EncodeArray(e, f, p, v, &a.Item, a.EncodeItem)
}

// Decode reads the element se into *dst.
func (a *Array[T]) Decode(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *[]T) error {
	if a.ArrayType != (xml.Name{}) {
		return a.decodeSOAPArray(d, se, f, p, dst)
	}
	return DecodeArray(d, se, f, p, dst, &a.Item, a.DecodeItem)
}

// EncodeArray writes a wrapped array (the ArrayOfX pattern): the element f holding one item element
// per value.
func EncodeArray[T any](e *Encoder, f *Field, p *Presence, v []T, item *Field, enc EncodeFunc[T]) {
	switch f.state(p, v == nil) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		nils := nilItems(e, f, p, v)
		e.StartElement(Start{Name: f.Name})
		for i, x := range v {
			if len(nils) > 0 && nils[0] == i {
				nils = nils[1:]
				e.NilElement(item.Name)
				continue
			}
			enc(e, item, nil, x)
		}
		e.EndElement()
	}
}

// nilItems returns the positions of the items of v that p records as xsi:nil (see
// Presence.SetNilItem), ascending, and records an encoding error for a record that does not fit v:
// a position past its end, or an item that is not the zero value.
func nilItems[T any](e *Encoder, f *Field, p *Presence, v []T) []int {
	if !p.hasNils(f.GoName) {
		return nil
	}
	var out []int
	for _, n := range p.nils {
		switch {
		case n.field != f.GoName:
		case n.index < 0:
			e.SetError(fmt.Errorf("soap: Presence records a nil dictionary value for %q, which holds an array", f.GoName))
		case n.index >= len(v):
			e.SetError(fmt.Errorf("soap: Presence records item %d of %q as nil, but it has %d items", n.index, f.GoName, len(v)))
		case !isZero(v[n.index]):
			e.SetError(fmt.Errorf("soap: Presence records item %d of %q as nil, but it holds a value (%v)", n.index, f.GoName, v[n.index]))
		default:
			out = append(out, n.index)
		}
	}
	return out
}

// isZero reports whether v is its type's zero value.
func isZero[T any](v T) bool { return reflect.ValueOf(&v).Elem().IsZero() }

// lostNil reports whether decoding the element se as item would lose that it is xsi:nil: the Go
// value it decodes to (the zero value) is not written back as xsi:nil. Such an item is recorded in the
// owning struct's Presence.
func lostNil(se xml.StartElement, item *Field) bool {
	return IsNil(se) && item.defaultState(true) != Nil
}

// DecodeArray reads a wrapped array. A present but empty wrapper decodes as an empty, non-nil slice.
func DecodeArray[T any](d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *[]T, item *Field, dec DecodeFunc[T]) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	if p != nil {
		p.ClearNil(f.GoName)
	}
	out := make([]T, 0)
	err := d.Children(func(child xml.StartElement) error {
		if child.Name != item.Name {
			return d.Unknown(child)
		}
		if p != nil && lostNil(child, item) {
			p.setNil(f.GoName, len(out), nil, true)
		}
		var x T
		if err := dec(d, child, item, nil, &x); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	if err != nil {
		return err
	}
	*dst = out
	f.Observe(p, Present, false)
	return nil
}

// EncodeRepeated writes an element that may occur several times (maxOccurs > 1) once per value; the
// occurrences p records as xsi:nil (Presence.SetNilItem) are written so.
func EncodeRepeated[T any](e *Encoder, f *Field, p *Presence, v []T, enc EncodeFunc[T]) {
	nils := nilItems(e, f, p, v)
	for i, x := range v {
		if len(nils) > 0 && nils[0] == i {
			nils = nils[1:]
			e.NilElement(f.Name)
			continue
		}
		enc(e, f, nil, x)
	}
}

// DecodeAppend reads one occurrence of a repeated element and appends it to *dst. An occurrence sent
// as xsi:nil whose Go value cannot say so (a nillable string) is recorded in p by its position in *dst.
func DecodeAppend[T any](d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *[]T, dec DecodeFunc[T]) error {
	if p != nil && lostNil(se, f) {
		p.setNil(f.GoName, len(*dst), nil, true)
	}
	var x T
	if err := dec(d, se, f, nil, &x); err != nil {
		return err
	}
	*dst = append(*dst, x)
	return nil
}

// Dict describes a dictionary type (WCF's IsDictionary pattern): a sequence of pair elements, each
// holding a key and a value element.
type Dict[K comparable, V any] struct {
	// Pair is the name of the element holding one entry.
	Pair xml.Name
	// Key and Value describe the two children of a pair.
	Key, Value Field
	// EncodeKey, DecodeKey, EncodeValue and DecodeValue convert keys and values.
	EncodeKey   EncodeFunc[K]
	DecodeKey   DecodeFunc[K]
	EncodeValue EncodeFunc[V]
	DecodeValue DecodeFunc[V]
	// Compare orders keys, so that entries are written in a deterministic order.
	Compare func(a, b K) int
}

// Encode writes m as the element f, entries in key order.
func (t *Dict[K, V]) Encode(e *Encoder, f *Field, p *Presence, m map[K]V) {
	switch f.state(p, m == nil) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		keys := make([]K, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, t.Compare)
		nils := t.nilValues(e, f, p, m)
		e.StartElement(Start{Name: f.Name})
		for _, k := range keys {
			e.StartElement(Start{Name: t.Pair})
			t.EncodeKey(e, &t.Key, nil, k)
			if _, ok := nils[k]; ok {
				e.NilElement(t.Value.Name)
			} else {
				t.EncodeValue(e, &t.Value, nil, m[k])
			}
			e.EndElement()
		}
		e.EndElement()
	}
}

// nilValues returns the keys of m whose values p records as xsi:nil (see Presence.SetNilValue), and
// records an encoding error for a record that does not fit m: an item position, a key of another type
// or not in m, or a value that is not the zero value.
func (t *Dict[K, V]) nilValues(e *Encoder, f *Field, p *Presence, m map[K]V) map[K]struct{} {
	if !p.hasNils(f.GoName) {
		return nil
	}
	out := map[K]struct{}{}
	for _, n := range p.nils {
		if n.field != f.GoName {
			continue
		}
		if n.index >= 0 {
			e.SetError(fmt.Errorf("soap: Presence records item %d of %q as nil, which holds a dictionary", n.index, f.GoName))
			continue
		}
		k, ok := n.key.(K)
		if !ok {
			e.SetError(fmt.Errorf("soap: Presence records a nil value for key %v (%T) of %q, whose keys are %T", n.key, n.key, f.GoName, k))
			continue
		}
		v, ok := m[k]
		switch {
		case !ok:
			e.SetError(fmt.Errorf("soap: Presence records the value of key %v of %q as nil, but the map has no such key", n.key, f.GoName))
		case !isZero(v):
			e.SetError(fmt.Errorf("soap: Presence records the value of key %v of %q as nil, but it holds a value (%v)", n.key, f.GoName, v))
		default:
			out[k] = struct{}{}
		}
	}
	return out
}

// Decode reads the element se into *dst. A later entry with a key seen before replaces it.
func (t *Dict[K, V]) Decode(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *map[K]V) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	if p != nil {
		p.ClearNil(f.GoName)
	}
	m := make(map[K]V)
	err := d.Children(func(child xml.StartElement) error {
		if child.Name != t.Pair {
			return d.Unknown(child)
		}
		var k K
		var v V
		lost := false
		err := d.Children(func(kv xml.StartElement) error {
			switch kv.Name {
			case t.Key.Name:
				return t.DecodeKey(d, kv, &t.Key, nil, &k)
			case t.Value.Name:
				lost = lostNil(kv, &t.Value)
				return t.DecodeValue(d, kv, &t.Value, nil, &v)
			}
			return d.Unknown(kv)
		})
		m[k] = v
		if p != nil && (lost || p.hasNils(f.GoName)) {
			// A later entry with the same key replaces the earlier one, its record included. (Only
			// then: k in an interface would cost an allocation per entry.)
			p.setNil(f.GoName, -1, k, lost)
		}
		return err
	})
	if err != nil {
		return err
	}
	*dst = m
	f.Observe(p, Present, false)
	return nil
}
