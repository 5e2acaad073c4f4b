package soapimpl

import (
	"encoding/xml"

	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Registry maps the qualified names of schema types to the generated types, so that an xsi:type met
// in an xs:anyType slot or in a slot typed with a base type decodes into the right Go type. Generated
// packages declare one with NewRegistry.
type Registry struct {
	types map[xml.Name]*Type
	// byNS indexes the types by namespace, as the reader identifies it, then local name, so that a
	// name the reader returns is looked up without allocating.
	byNS map[xmlr.NS]map[string]*Type
}

// NewRegistry returns the Registry of the given types (struct tables with a schema type name).
func NewRegistry(types ...*Type) *Registry {
	r := &Registry{types: make(map[xml.Name]*Type, len(types)), byNS: map[xmlr.NS]map[string]*Type{}}
	for _, t := range types {
		n := t.Name()
		r.types[n] = t
		ns := xmlr.Intern(n.Space)
		if r.byNS[ns] == nil {
			r.byNS[ns] = map[string]*Type{}
		}
		r.byNS[ns][n.Local] = t
	}
	return r
}

// lookupRaw returns the type named n, or nil.
func (r *Registry) lookupRaw(n xmlr.Name) *Type {
	if r == nil {
		return nil
	}
	return r.byNS[n.NS][string(n.Local)]
}

// lookup returns the type named name, or nil.
func (r *Registry) lookup(name xml.Name) *Type {
	if r == nil {
		return nil
	}
	return r.types[name]
}

// Lookup returns the type named name, or nil.
func (r *Registry) Lookup(name xml.Name) *Type { return r.lookup(name) }
