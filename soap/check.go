package soap

import (
	"fmt"
	"slices"
)

// CheckPresence records an encoding error when p holds a state, or nil items or dictionary values,
// for a name that is not among fields (the Go fields of the struct p belongs to, as listed in its
// descriptors): a misspelt name, or a field of a type the struct extends, whose state belongs in that
// type's own Presence. Generated MarshalSOAP methods call it, so that a state the user set is never
// silently ignored. (Records that do not fit the field's value are reported when it is encoded.)
func CheckPresence(e *Encoder, p *Presence, fields []Field, typeName string) {
	for _, en := range p.entries {
		found := false
		i := 0
		for ; i < len(fields); i++ {
			if fields[i].GoName == en.field {
				found = true
				break
			}
		}
		switch {
		case !found:
			e.SetError(fmt.Errorf("soap: %s.Presence holds %s for %q, which is not a field of %s (a field of a type it extends has its state in that type's Presence)", typeName, en.state, en.field, typeName))
		case fields[i].Repeated:
			e.SetError(fmt.Errorf("soap: %s.Presence holds %s for %q, a repeated element: its occurrences are the values of the slice", typeName, en.state, en.field))
		}
	}
	for i, n := range p.nils {
		if i > 0 && p.nils[i-1].field == n.field {
			continue
		}
		if !slices.ContainsFunc(fields, func(f Field) bool { return f.GoName == n.field }) {
			e.SetError(fmt.Errorf("soap: %s.Presence records nil items or dictionary values for %q, which is not a field of %s", typeName, n.field, typeName))
		}
	}
}
