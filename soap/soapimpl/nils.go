package soapimpl

import (
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/bridge"
)

// The items of arrays and repeated elements, and the values of dictionaries, sent as xsi:nil whose Go
// value cannot say so (a nil item of a []string) are recorded in the Presence of the struct holding
// the field, by position or by key (soap.Presence.SetNilItem, SetNilValue).

var (
	presenceHasNils   = bridge.PresenceHasNils.(func(p *soap.Presence, field string) bool)
	presenceNilFields = bridge.PresenceNilFields.(func(p *soap.Presence) []string)
	presenceEmpty     = bridge.PresenceEmpty.(func(p *soap.Presence) bool)
)

// hasNils reports whether p records nil items or dictionary values of the named field.
func hasNils(p *soap.Presence, field string) bool { return p != nil && presenceHasNils(p, field) }

// nilItems returns the positions of the items of v that p records as xsi:nil, ascending, and records
// an encoding error for a record that does not fit v: a dictionary key, a position past its end, or an
// item that is not the zero value.
func nilItems[T any](e *Encoder, c *ops[T], f *elem, p *soap.Presence, v []T) []int {
	if !hasNils(p, f.goName) {
		return nil
	}
	if len(p.NilValues(f.goName)) > 0 {
		e.Errorf("soap: Presence records a nil dictionary value for %q, which holds an array", f.goName)
	}
	var out []int
	for _, i := range p.NilItems(f.goName) {
		switch {
		case i >= len(v):
			e.Errorf("soap: Presence records item %d of %q as nil, but it has %d items", i, f.goName, len(v))
		case !c.zero(v[i]):
			e.Errorf("soap: Presence records item %d of %q as nil, but it holds a value (%v)", i, f.goName, v[i])
		default:
			out = append(out, i)
		}
	}
	return out
}

// encodeRepeated writes the occurrences of the repeated element f, one per value of v; those p
// records as xsi:nil are written so.
func encodeRepeated[T any](e *Encoder, c *ops[T], f *elem, owner string, p *soap.Presence, v []T) {
	nils := nilItems(e, c, f, p, v)
	for i, x := range v {
		if len(nils) > 0 && nils[0] == i {
			nils = nils[1:]
			e.nilName(&f.name)
			continue
		}
		encodeField(e, c, f, owner, nil, x)
	}
}

// lostNil reports whether decoding the element just started as item would lose that it is xsi:nil:
// the Go value it decodes to (the zero value) is not written back as xsi:nil.
func lostNil(d *Decoder, item *elem) bool {
	return item.defaultState(true) != soap.Nil && d.isNil()
}

// recordNilItem records in p, when the element just started is item i of field f and xsi:nil that its
// Go value cannot hold, that it is nil.
func recordNilItem(d *Decoder, f *elem, p *soap.Presence, i int) {
	if p != nil && lostNil(d, f) {
		p.SetNilItem(f.goName, i)
	}
}
