package apidiff

import (
	"sort"
	"strings"

	"github.com/sogen-go/sogen/model"
)

// nsMap maps each namespace of the old package to the namespace that replaced it in the new one.
//
// A new service version often moves every name to a new namespace (SuperOffice's
// .../NetServer/Services87 becomes .../Services88) while the Go API stays the same. The map is
// learnt from the things matched by Go name on both sides — types, struct and header fields, array
// items and dictionary entries, port types, operations' request and response elements, bindings —:
// an old namespace maps to the new namespace its names most often moved to (the smallest URI on a
// tie). Names are then equal when their local names are equal and their namespaces correspond, so
// only the names that did not follow their namespace are reported, and each renamed namespace is
// reported once.
type nsMap struct {
	to   map[string]string
	uses map[string]int // per old namespace: the names and actions found equal through the renaming
}

type rename struct {
	old, new string
	uses     int
}

func uri(q model.QName) string {
	if q.NS == nil {
		return ""
	}
	return q.NS.URI
}

func namespaceMap(old, new *model.Package) *nsMap {
	votes := map[string]map[string]int{}
	vote := func(o, n model.QName) {
		if o.IsZero() || n.IsZero() {
			return
		}
		m := votes[uri(o)]
		if m == nil {
			m = map[string]int{}
			votes[uri(o)] = m
		}
		m[uri(n)]++
	}
	item := func(o, n *model.Item) {
		if o != nil && n != nil {
			vote(o.Elem, n.Elem)
		}
	}
	fields := func(old, new []*model.Field) {
		by := map[string]*model.Field{}
		for _, f := range old {
			by[f.GoName] = f
		}
		for _, f := range new {
			o := by[f.GoName]
			if o == nil {
				continue
			}
			vote(o.Elem, f.Elem)
			if o.Array != nil && f.Array != nil {
				item(o.Array.Item, f.Array.Item)
			}
			if o.Dict != nil && f.Dict != nil {
				vote(o.Dict.Pair, f.Dict.Pair)
				item(o.Dict.Key, f.Dict.Key)
				item(o.Dict.Value, f.Dict.Value)
			}
		}
	}
	types := map[string]*model.Type{}
	for _, t := range old.Types {
		types[t.GoName] = t
	}
	for _, t := range new.Types {
		if o := types[t.GoName]; o != nil {
			vote(o.QName, t.QName)
			fields(o.Fields, t.Fields)
		}
	}
	clients := map[string]*model.Client{}
	for _, c := range old.Clients {
		clients[c.GoName] = c
	}
	for _, c := range new.Clients {
		o := clients[c.GoName]
		if o == nil {
			continue
		}
		vote(o.PortType, c.PortType)
		if o.RequestHeader != nil && c.RequestHeader != nil {
			fields(o.RequestHeader.Fields, c.RequestHeader.Fields)
		}
		if o.ResponseHeader != nil && c.ResponseHeader != nil {
			fields(o.ResponseHeader.Fields, c.ResponseHeader.Fields)
		}
		for _, b := range c.Bindings {
			for _, ob := range o.Bindings {
				if ob.Name.Local == b.Name.Local {
					vote(ob.Name, b.Name)
				}
			}
		}
		ops := map[string]*model.Operation{}
		for _, op := range o.Operations {
			ops[op.GoName] = op
		}
		for _, op := range c.Operations {
			if oo := ops[op.GoName]; oo != nil {
				vote(oo.RequestElem, op.RequestElem)
				vote(oo.ResponseElem, op.ResponseElem)
			}
		}
	}
	m := &nsMap{to: map[string]string{}, uses: map[string]int{}}
	for o, ns := range votes {
		best, n := "", -1
		for u, c := range ns {
			if c > n || c == n && u < best {
				best, n = u, c
			}
		}
		m.to[o] = best
	}
	return m
}

// qnameEq reports whether o (old) and n (new) name the same thing, allowing for renamed namespaces.
func (d *differ) qnameEq(o, n model.QName) bool {
	if o.Local != n.Local {
		return false
	}
	ou, nu := uri(o), uri(n)
	if ou == nu {
		return true
	}
	if to, ok := d.ns.to[ou]; ok && to == nu && ou != "" && nu != "" {
		d.ns.uses[ou]++
		return true
	}
	return false
}

// actionEq reports whether two SOAP actions are equal, or differ only by a renamed namespace URI in
// them.
func (d *differ) actionEq(o, n string) bool {
	if o == n {
		return true
	}
	for _, r := range d.ns.renames() {
		if strings.Contains(o, r.old) && strings.ReplaceAll(o, r.old, r.new) == n {
			d.ns.uses[r.old]++
			return true
		}
	}
	return false
}

// qname renders a name as Markdown code, {namespace}local.
func (d *differ) qname(q model.QName) string {
	if q.IsZero() {
		return "none"
	}
	if q.NS == nil {
		return code(q.Local)
	}
	return code("{" + q.NS.URI + "}" + q.Local)
}

// renames returns the namespaces mapped to a different one, longest old URI first (so that a
// namespace is substituted before a prefix of it), then by URI.
func (m *nsMap) renames() []rename {
	var out []rename
	for o, n := range m.to {
		if o != n && o != "" && n != "" {
			out = append(out, rename{old: o, new: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].old) != len(out[j].old) {
			return len(out[i].old) > len(out[j].old)
		}
		return out[i].old < out[j].old
	})
	return out
}

// renamed returns the renamed namespaces through which something was found equal, sorted by URI,
// with their use counts.
func (m *nsMap) renamed() []rename {
	var out []rename
	for _, r := range m.renames() {
		if r.uses = m.uses[r.old]; r.uses > 0 {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].old < out[j].old })
	return out
}
