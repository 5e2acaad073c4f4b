package model

// layout assigns the types and clients to output files:
//
//   - types.go: the package-level helpers and every type that several clients use (or none does,
//     such as a schema type no operation reaches);
//   - <client>.go: one client, its header structs and its constructors;
//   - <client>_types.go: the types only that client uses (its request and response wrappers, and
//     the types reachable from nothing else).
//
// A type is used by a client when it is reachable from the client's request or response wrappers
// or header blocks, through fields, array items, dictionary keys and values and base types; a field
// holding a base type's interface (AnyCarrier) also reaches every type derived from the base, since
// the slot may hold any of them. The layout only moves
// declarations between files of one package, so it never changes the API.
func (b *builder) layout() {
	users := map[*Type][]*Client{}
	for _, c := range b.pkg.Clients {
		seen := map[*Type]bool{}
		for _, t := range clientRoots(c) {
			reach(t, seen)
		}
		for t := range seen {
			users[t] = append(users[t], c)
		}
	}
	files := NewScope()
	b.files = files
	shared := &File{Name: files.ClaimFold("types") + ".go", Shared: true}
	own := map[*Client]*File{}
	for _, c := range b.pkg.Clients {
		c.File = files.ClaimFold(FileName(c.GoName)) + ".go"
	}
	for _, c := range b.pkg.Clients {
		own[c] = &File{Name: files.ClaimFold(FileName(c.GoName+"Types")) + ".go"}
	}
	for _, t := range b.pkg.Types { // sorted by Go name, so every file's types are too
		if u := users[t]; len(u) == 1 {
			own[u[0]].Types = append(own[u[0]].Types, t)
		} else {
			shared.Types = append(shared.Types, t)
		}
	}
	b.pkg.Files = append(b.pkg.Files, shared)
	for _, c := range b.pkg.Clients {
		b.pkg.Files = append(b.pkg.Files, &File{Name: c.File, Clients: []*Client{c}})
		if f := own[c]; len(f.Types) > 0 {
			b.pkg.Files = append(b.pkg.Files, f)
		}
	}
}

// clientRoots returns the types a client names directly: its operations' wrappers and the types of
// its header blocks.
func clientRoots(c *Client) []*Type {
	var roots []*Type
	for _, op := range c.Operations {
		if op.Request != nil {
			roots = append(roots, op.Request)
		}
		if op.Response != nil {
			roots = append(roots, op.Response)
		}
	}
	for _, h := range []*Header{c.RequestHeader, c.ResponseHeader} {
		if h == nil {
			continue
		}
		for _, f := range h.Fields {
			roots = append(roots, fieldTypes(f)...)
		}
	}
	return roots
}

// reach marks t and every type reachable from it.
func reach(t *Type, seen map[*Type]bool) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	reach(t.Base, seen)
	reach(t.Item, seen)
	reach(t.ItemOf, seen)
	for _, f := range t.Fields {
		for _, ft := range fieldTypes(f) {
			reach(ft, seen)
		}
	}
}

// fieldTypes returns the generated types a field's Go type names, with the derived types of an
// interface it holds.
func fieldTypes(f *Field) []*Type {
	var out []*Type
	var walk func(g *GoType)
	walk = func(g *GoType) {
		if g == nil {
			return
		}
		if g.Type != nil {
			out = append(out, g.Type)
			if g.Kind == Interface && g.Type.Poly != nil {
				out = append(out, g.Type.Poly.Derived...)
			}
		}
		walk(g.Elem)
		walk(g.Key)
	}
	walk(f.Type)
	return out
}
