package soapimpl

import (
	"encoding/xml"

	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Registry maps the qualified names of schema types to the generated types, so that an xsi:type met
// in an xs:anyType slot or in a slot typed with a base type decodes into the right Go type. Generated
// packages declare one with NewRegistry.
type Registry struct {
	types  map[xml.Name]*Type
	simple map[xml.Name]*Codec
	// byNS and simpleByNS index the types by namespace, as the reader identifies it, then local name,
	// so that a name the reader returns is looked up without allocating.
	byNS       map[xmlr.NS]map[string]*Type
	simpleByNS map[xmlr.NS]map[string]*Codec
}

// NewRegistry returns the Registry of the given struct types (their tables) and simple types (their
// codecs: enumerations, lists of flags, restrictions of built-ins), those with a schema type name.
func NewRegistry(types []*Type, simple ...*Codec) *Registry {
	r := &Registry{
		types: make(map[xml.Name]*Type, len(types)), simple: make(map[xml.Name]*Codec, len(simple)),
		byNS: map[xmlr.NS]map[string]*Type{}, simpleByNS: map[xmlr.NS]map[string]*Codec{},
	}
	for _, t := range types {
		n := t.Name()
		r.types[n] = t
		index(r.byNS, n, t)
	}
	for _, c := range simple {
		n := c.c.typ
		r.simple[n] = c
		index(r.simpleByNS, n, c)
	}
	return r
}

func index[V any](m map[xmlr.NS]map[string]V, n xml.Name, v V) {
	ns := xmlr.Intern(n.Space)
	if m[ns] == nil {
		m[ns] = map[string]V{}
	}
	m[ns][n.Local] = v
}

// lookupRaw returns the struct type named n, or nil.
func (r *Registry) lookupRaw(n xmlr.Name) *Type {
	if r == nil {
		return nil
	}
	return r.byNS[n.NS][string(n.Local)]
}

// simpleRaw returns the codec of the simple type named n, or nil.
func (r *Registry) simpleRaw(n xmlr.Name) *Codec {
	if r == nil {
		return nil
	}
	return r.simpleByNS[n.NS][string(n.Local)]
}

// Lookup returns the struct type named name, or nil.
func (r *Registry) Lookup(name xml.Name) *Type {
	if r == nil {
		return nil
	}
	return r.types[name]
}
