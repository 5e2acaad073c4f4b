package soap

import (
	"bytes"
	"encoding/xml"
)

// FaultType is a fault an operation declares (a wsdl:fault of its port type operation, whose message
// part names the detail element). When a reply's Fault has, among the children of its detail, an
// element named Name, Client.Do decodes that element into the value New returns and returns that value
// as the error: it wraps the *Fault, so errors.As finds both.
type FaultType struct {
	// Name is the detail element's name.
	Name xml.Name
	// New returns the typed error for fault f, ready to decode the detail element into.
	New func(f *Fault) FaultDetail
}

// FaultDetail is the typed error of a declared fault, generated per fault: it decodes the detail
// element (UnmarshalSOAP) and unwraps to the *Fault that carried it.
type FaultDetail interface {
	error
	Unmarshaler
}

// typedFault returns, for fault f of a reply to op, the typed error of the first detail child that op
// declares, or f itself when there is none. The detail was kept as an Element; it is written back and
// decoded with a fresh Decoder knowing types. When the declared element does not decode (the server
// sent something else under that name), f is returned unchanged, its Detail still holding the XML: the
// fault matters more than its detail.
func typedFault(f *Fault, op *Operation, types TypeRegistry) error {
	if f.Detail == nil || len(op.Faults) == 0 {
		return f
	}
	for _, n := range f.Detail.Content {
		if n.Element == nil {
			continue
		}
		for _, ft := range op.Faults {
			if n.Element.Name != ft.Name || ft.New == nil {
				continue
			}
			e := NewEncoder(nil)
			n.Element.MarshalSOAP(e, Start{})
			if e.Err() != nil {
				return f
			}
			d := NewDecoder(bytes.NewReader(e.Bytes()))
			d.Types = types
			root, err := d.Root()
			if err != nil {
				return f
			}
			v := ft.New(f)
			if v == nil || v.UnmarshalSOAP(d, root) != nil {
				return f
			}
			return v
		}
	}
	return f
}
