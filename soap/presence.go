package soap

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// State is the wire state of one optional or nillable element: whether it is left out, sent as
// xsi:nil, or sent with the Go field's value.
type State uint8

const (
	// Default lets the Go value decide: a set value is written; an unset one (a nil pointer, slice, map or
	// interface, the empty string of a nillable string or of an enumeration) is left out when the element is optional, sent as xsi:nil when it is nillable, and written as the
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
