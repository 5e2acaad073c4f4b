// Package apidiff compares two generations of a sogen package — typically the same service before and
// after a new server version — and reports what changed for a Go user: clients, methods and their
// signatures, constructors, header fields, types, struct fields with their Go types, and enumeration
// values. Besides the Go API it reports what a regenerated client does differently on the wire with an
// unchanged Go API (element names, namespaces, SOAP actions, endpoints, required or nillable elements,
// element order, enumeration numbers).
//
// Everything is matched by Go name, so a type whose schema namespace changed is the same type. A
// namespace that changed everywhere (SuperOffice's .../Services87 becoming .../Services88) is reported
// once; the element and type names and the SOAP actions that only follow it are not reported one by
// one. What a Go user cannot see is ignored: unexported package variables, documentation, the order
// of types and methods.
//
// Compare returns a Report; its Text is a stable, sorted Markdown summary suitable for a pull-request
// description.
package apidiff

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sogen-go/sogen/model"
)

// Class says how a change affects the code using the package.
type Class int

// Classes, in the order Text prints them.
const (
	// Breaking is a change that can stop code written against the old package from compiling or
	// change what it means: something removed, a type, signature or constant value changed.
	Breaking Class = iota
	// Other is a change with the Go API kept compatible that a user may still notice: what the client
	// sends or expects on the wire (names, namespaces, SOAP actions, endpoints, required or nillable
	// elements, element order), enumeration numbers, parameter names.
	Other
	// Addition is something new in the Go API.
	Addition
)

func (c Class) String() string {
	switch c {
	case Breaking:
		return "Breaking changes"
	case Other:
		return "Other changes"
	case Addition:
		return "Additions"
	}
	return fmt.Sprintf("Class(%d)", int(c))
}

// Change is one reported change.
type Change struct {
	Class Class
	// Subject is the Go name the change is about ("Webhook.ErrorsEmail", "WebhookAgent.SaveWebhook"),
	// or "" for a package-level change; changes are sorted by it.
	Subject string
	// Text describes the change in one line of Markdown.
	Text string
}

// Report is the outcome of Compare.
type Report struct {
	// Package is the new package's name.
	Package string
	// Changes are sorted by class, subject and text.
	Changes []Change
}

// Count returns the number of changes of class c.
func (r *Report) Count(c Class) int {
	n := 0
	for _, ch := range r.Changes {
		if ch.Class == c {
			n++
		}
	}
	return n
}

// Breaking reports whether the report holds a breaking change.
func (r *Report) Breaking() bool { return r.Count(Breaking) > 0 }

// Text returns the report as Markdown: a heading, a count line, and one section per class that has
// changes, one "- " line per change.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Go API changes in package %s\n\n", r.Package)
	if len(r.Changes) == 0 {
		b.WriteString("No changes.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%s, %s, %s.\n",
		plural(r.Count(Breaking), "breaking change"), plural(r.Count(Other), "other change"), plural(r.Count(Addition), "addition"))
	for _, c := range []Class{Breaking, Other, Addition} {
		if r.Count(c) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", c)
		for _, ch := range r.Changes {
			if ch.Class == c {
				fmt.Fprintf(&b, "- %s\n", ch.Text)
			}
		}
	}
	return b.String()
}

// WriteText writes Text to w.
func (r *Report) WriteText(w io.Writer) error {
	_, err := io.WriteString(w, r.Text())
	return err
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Compare reports what changed from old to new.
func Compare(old, new *model.Package) *Report {
	d := &differ{ns: namespaceMap(old, new)}
	d.pkg(old, new)
	sort.SliceStable(d.changes, func(i, j int) bool {
		a, b := d.changes[i], d.changes[j]
		if a.Class != b.Class {
			return a.Class < b.Class
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Text < b.Text
	})
	return &Report{Package: new.Name, Changes: d.changes}
}

type differ struct {
	ns      *nsMap
	changes []Change
}

func (d *differ) add(c Class, subject, format string, args ...any) {
	d.changes = append(d.changes, Change{Class: c, Subject: subject, Text: fmt.Sprintf(format, args...)})
}

// code formats s as Markdown code.
func code(s string) string {
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

func (d *differ) pkg(old, new *model.Package) {
	if old.Name != new.Name {
		d.add(Breaking, "", "package name was %s, now %s", code(old.Name), code(new.Name))
	}
	d.types(old.Types, new.Types)
	d.clients(old.Clients, new.Clients)
	// Last, once the comparisons above have counted the names and actions that follow each renamed
	// namespace.
	for _, r := range d.ns.renamed() {
		follow := fmt.Sprintf("%d element names, type names and SOAP actions follow it and are not listed one by one", r.uses)
		if r.uses == 1 {
			follow = "1 element name, type name or SOAP action follows it and is not listed"
		}
		d.add(Other, "", "namespace %s is now %s (%s)", code(r.old), code(r.new), follow)
	}
}

// ---- types ----

func (d *differ) types(old, new []*model.Type) {
	oldBy := map[string]*model.Type{}
	for _, t := range old {
		oldBy[t.GoName] = t
	}
	newBy := map[string]*model.Type{}
	for _, t := range new {
		newBy[t.GoName] = t
	}
	for _, t := range old {
		if _, ok := newBy[t.GoName]; !ok {
			d.add(Breaking, t.GoName, "type %s removed (%s)", code(t.GoName), typeDesc(t))
		}
	}
	for _, t := range new {
		o, ok := oldBy[t.GoName]
		if !ok {
			d.add(Addition, t.GoName, "type %s (%s)", code(t.GoName), typeDesc(t))
			continue
		}
		d.typ(o, t)
	}
}

// typeDesc describes a type for an added or removed line.
func typeDesc(t *model.Type) string {
	switch t.Kind {
	case model.Struct:
		if t.Base != nil {
			return "a struct embedding " + code(t.Base.GoName)
		}
		return "a struct"
	case model.Enum:
		if t.ItemOf != nil {
			return fmt.Sprintf("the flags of %s, %s", code(t.ItemOf.GoName), plural(len(t.Values), "value"))
		}
		return "an enumeration, " + plural(len(t.Values), "value")
	case model.Flags:
		return "flags, values of type " + code(t.Item.GoName)
	}
	return "a named " + code(t.Underlying.String())
}

func kindName(t *model.Type) string {
	switch t.Kind {
	case model.Struct:
		return "a struct"
	case model.Enum:
		return "an enumeration"
	case model.Flags:
		return "a flags type"
	}
	return "a named " + code(t.Underlying.String())
}

func (d *differ) typ(o, n *model.Type) {
	name := n.GoName
	if o.Kind != n.Kind {
		gone := ""
		if o.Kind == model.Enum && len(o.Values) > 0 {
			names := make([]string, len(o.Values))
			for i, v := range o.Values {
				names[i] = code(v.GoName)
			}
			gone = "; its constants " + strings.Join(names, ", ") + " are gone"
		}
		d.add(Breaking, name, "type %s was %s, now %s%s", code(name), kindName(o), kindName(n), gone)
		return
	}
	if !d.qnameEq(o.QName, n.QName) {
		d.add(Other, name, "type %s: schema type (xsi:type) was %s, now %s", code(name), d.qname(o.QName), d.qname(n.QName))
	}
	switch n.Kind {
	case model.Struct:
		d.structType(o, n)
	case model.Enum:
		if o.Underlying.String() != n.Underlying.String() {
			d.add(Breaking, name, "type %s: underlying type was %s, now %s", code(name), code(o.Underlying.String()), code(n.Underlying.String()))
		}
		d.numbers(name, o.Numbers, n.Numbers)
		d.values(o, n)
	case model.Flags:
		if o.Underlying.String() != n.Underlying.String() {
			d.add(Breaking, name, "type %s: underlying type was %s, now %s", code(name), code(o.Underlying.String()), code(n.Underlying.String()))
		}
		if o.Item.GoName != n.Item.GoName {
			d.add(Breaking, name, "type %s: flag type was %s, now %s", code(name), code(o.Item.GoName), code(n.Item.GoName))
		}
		d.numbers(name, o.Item.Numbers, n.Item.Numbers)
	case model.Scalar:
		if o.Underlying.String() != n.Underlying.String() {
			d.add(Breaking, name, "type %s: underlying type was %s, now %s", code(name), code(o.Underlying.String()), code(n.Underlying.String()))
		}
	}
}

// numbers reports the Number method of an enumeration or flags type appearing or disappearing.
func (d *differ) numbers(name string, o, n bool) {
	switch {
	case o && !n:
		d.add(Breaking, name, "method %s removed (the values no longer carry numbers)", code(name+".Number"))
	case !o && n:
		d.add(Addition, name, "method %s", code("func ("+name+") Number() (int64, bool)"))
	}
}

func (d *differ) structType(o, n *model.Type) {
	name := n.GoName
	switch {
	case o.Base == nil && n.Base != nil:
		d.add(Breaking, name, "type %s now embeds %s", code(name), code(n.Base.GoName))
	case o.Base != nil && n.Base == nil:
		d.add(Breaking, name, "type %s no longer embeds %s", code(name), code(o.Base.GoName))
	case o.Base != nil && o.Base.GoName != n.Base.GoName:
		d.add(Breaking, name, "type %s: embedded type was %s, now %s", code(name), code(o.Base.GoName), code(n.Base.GoName))
	}
	switch {
	case o.Presence != "" && n.Presence == "":
		d.add(Breaking, name+"."+o.Presence, "field %s removed", code(name+"."+o.Presence+" soap.Presence"))
	case o.Presence == "" && n.Presence != "":
		d.add(Addition, name+"."+n.Presence, "field %s", code(name+"."+n.Presence+" soap.Presence"))
	case o.Presence != n.Presence:
		d.add(Breaking, name+"."+o.Presence, "field %s renamed %s", code(name+"."+o.Presence), code(n.Presence))
	}
	switch {
	case o.Poly != nil && n.Poly == nil:
		d.add(Breaking, o.Poly.Interface, "interface %s and method %s removed (no type derives from %s any more)",
			code(o.Poly.Interface), code(name+"."+o.Poly.Method), code(name))
	case o.Poly == nil && n.Poly != nil:
		d.add(Addition, n.Poly.Interface, "interface %s implemented by %s and the types deriving from it, and method %s",
			code(n.Poly.Interface), code(name), code(name+"."+n.Poly.Method))
	case o.Poly != nil && (o.Poly.Interface != n.Poly.Interface || o.Poly.Method != n.Poly.Method):
		d.add(Breaking, o.Poly.Interface, "interface %s (method %s) is now %s (method %s)",
			code(o.Poly.Interface), code(o.Poly.Method), code(n.Poly.Interface), code(n.Poly.Method))
	}
	d.errorMethods(name, o.ErrorMethods, n.ErrorMethods)
	switch {
	case !o.Abstract && n.Abstract:
		d.add(Other, name, "type %s is now abstract: a value of it can no longer be sent, only values of the types deriving from it", code(name))
	case o.Abstract && !n.Abstract:
		d.add(Other, name, "type %s is no longer abstract", code(name))
	}
	d.fields(name, o.Fields, n.Fields)
}

// errorMethods reports the Error and Unwrap methods of a reply-header status contract's error type
// appearing or disappearing.
func (d *differ) errorMethods(name string, o, n *model.ErrorMethods) {
	switch {
	case o != nil && n == nil:
		d.add(Breaking, name, "method %s removed: %s is no longer an error (no reply-header status contract uses it)", code(name+".Error"), code("*"+name))
	case o == nil && n != nil:
		d.add(Addition, name, "method %s: %s is an error (a reply-header status contract's error block)", code("func (*"+name+") Error() string"), code("*"+name))
	}
	switch ou, nu := o != nil && o.Unwrap != nil, n != nil && n.Unwrap != nil; {
	case ou && !nu:
		d.add(Breaking, name, "method %s removed", code(name+".Unwrap"))
	case !ou && nu:
		d.add(Addition, name, "method %s (returns %s)", code("func (*"+name+") Unwrap() error"), code(n.Unwrap.GoName))
	}
}

// contract compares the reply-header status contract of a response header.
func (d *differ) contract(client, name string, o, n *model.Contract) {
	blocks := func(ct *model.Contract) string {
		var out []string
		if ct.Status != nil {
			out = append(out, "status "+ct.Status.GoName)
		}
		if ct.Error != nil {
			out = append(out, "error "+ct.Error.GoName)
		}
		return strings.Join(out, ", ")
	}
	switch {
	case o != nil && n == nil:
		d.add(Breaking, name+".CheckResponse", "method %s removed: a reply whose header blocks report a failure (%s) is no longer an error of %s", code(name+".CheckResponse"), blocks(o), code(client))
	case o == nil && n != nil:
		d.add(Addition, name+".CheckResponse", "method %s: a reply whose header blocks report a failure (%s) is an error of %s", code("func (*"+name+") CheckResponse() error"), blocks(n), code(client))
	case o != nil && blocks(o) != blocks(n):
		d.add(Other, name+".CheckResponse", "%s: the header blocks reporting a failure were %s, now %s", code(name+".CheckResponse"), blocks(o), blocks(n))
	}
}

// fields compares the fields of a struct or header struct.
func (d *differ) fields(owner string, old, new []*model.Field) {
	oldBy := map[string]*model.Field{}
	for _, f := range old {
		oldBy[f.GoName] = f
	}
	newBy := map[string]*model.Field{}
	for _, f := range new {
		newBy[f.GoName] = f
	}
	for _, f := range old {
		if _, ok := newBy[f.GoName]; !ok {
			d.add(Breaking, owner+"."+f.GoName, "field %s removed", code(owner+"."+f.GoName+" "+f.Type.String()))
		}
	}
	var oldOrder, newOrder []string
	for _, f := range old {
		if _, ok := newBy[f.GoName]; ok {
			oldOrder = append(oldOrder, f.GoName)
		}
	}
	for _, f := range new {
		subject := owner + "." + f.GoName
		o, ok := oldBy[f.GoName]
		if !ok {
			d.add(Addition, subject, "field %s%s", code(subject+" "+f.Type.String()), required(f))
			continue
		}
		newOrder = append(newOrder, f.GoName)
		if o.Type.String() != f.Type.String() {
			d.add(Breaking, subject, "field %s: type was %s, now %s", code(subject), code(o.Type.String()), code(f.Type.String()))
		}
		if wire := d.fieldWire(o, f); len(wire) > 0 {
			d.add(Other, subject, "field %s: %s", code(subject), strings.Join(wire, "; "))
		}
	}
	if strings.Join(oldOrder, ",") != strings.Join(newOrder, ",") {
		d.add(Other, owner, "type %s: element order was %s, now %s", code(owner), strings.Join(oldOrder, ", "), strings.Join(newOrder, ", "))
	}
}

// required notes that a new field is a required element.
func required(f *model.Field) string {
	if !f.Optional && f.Shape != model.Repeated {
		return " (a required element)"
	}
	return ""
}

var shapeNames = map[model.Shape]string{
	model.Single:     "a single element",
	model.Repeated:   "a repeated element",
	model.Wrapped:    "a wrapped array",
	model.Dictionary: "a dictionary",
}

// fieldWire lists what changed on the wire for a field whose Go name is unchanged.
func (d *differ) fieldWire(o, n *model.Field) []string {
	var out []string
	if !d.qnameEq(o.Elem, n.Elem) {
		out = append(out, fmt.Sprintf("element was %s, now %s", d.qname(o.Elem), d.qname(n.Elem)))
	}
	if o.Shape != n.Shape {
		// Occurrence and nillability mean different things for different shapes: the shape says it.
		return append(out, fmt.Sprintf("was %s, now %s", shapeNames[o.Shape], shapeNames[n.Shape]))
	}
	if n.Shape != model.Repeated { // a repeated element's occurrence is its slice's length
		switch {
		case o.Optional && !n.Optional:
			out = append(out, "now required")
		case !o.Optional && n.Optional:
			out = append(out, "now optional")
		}
	}
	what := ""
	if n.Shape == model.Repeated {
		what = "items "
	}
	switch {
	case o.Nillable && !n.Nillable:
		out = append(out, what+"no longer nillable")
	case !o.Nillable && n.Nillable:
		out = append(out, what+"now nillable")
	}
	switch n.Shape {
	case model.Wrapped:
		if o.Array != nil && n.Array != nil {
			out = append(out, d.itemWire("item", o.Array.Item, n.Array.Item)...)
		}
	case model.Dictionary:
		if o.Dict != nil && n.Dict != nil {
			if !d.qnameEq(o.Dict.Pair, n.Dict.Pair) {
				out = append(out, fmt.Sprintf("entry element was %s, now %s", d.qname(o.Dict.Pair), d.qname(n.Dict.Pair)))
			}
			out = append(out, d.itemWire("key", o.Dict.Key, n.Dict.Key)...)
			out = append(out, d.itemWire("value", o.Dict.Value, n.Dict.Value)...)
		}
	}
	return out
}

func (d *differ) itemWire(what string, o, n *model.Item) []string {
	if o == nil || n == nil {
		return nil
	}
	var out []string
	if !d.qnameEq(o.Elem, n.Elem) {
		out = append(out, fmt.Sprintf("%s element was %s, now %s", what, d.qname(o.Elem), d.qname(n.Elem)))
	}
	if o.Nillable != n.Nillable {
		if n.Nillable {
			out = append(out, what+"s now nillable")
		} else {
			out = append(out, what+"s no longer nillable")
		}
	}
	return out
}

// values compares the values of an enumeration.
func (d *differ) values(o, n *model.Type) {
	note := func(t *model.Type, v *model.EnumValue) string {
		var parts []string
		if t.ItemOf != nil {
			parts = append(parts, "flag of "+code(t.ItemOf.GoName))
		}
		if t.Numbers {
			parts = append(parts, fmt.Sprintf("number %d", v.Number))
		}
		if len(parts) == 0 {
			return ""
		}
		return " (" + strings.Join(parts, ", ") + ")"
	}
	decl := func(t *model.Type, v *model.EnumValue) string {
		return code(fmt.Sprintf("%s %s = %q", v.GoName, t.GoName, v.Value))
	}
	oldBy := map[string]*model.EnumValue{}
	for _, v := range o.Values {
		oldBy[v.GoName] = v
	}
	newBy := map[string]*model.EnumValue{}
	for _, v := range n.Values {
		newBy[v.GoName] = v
	}
	for _, v := range o.Values {
		if _, ok := newBy[v.GoName]; !ok {
			d.add(Breaking, v.GoName, "value %s removed%s", decl(o, v), note(o, v))
		}
	}
	for _, v := range n.Values {
		ov, ok := oldBy[v.GoName]
		switch {
		case !ok:
			d.add(Addition, v.GoName, "value %s%s", decl(n, v), note(n, v))
		case ov.Value != v.Value:
			d.add(Breaking, v.GoName, "value %s: was %q, now %q", code(v.GoName), ov.Value, v.Value)
		case o.Numbers && n.Numbers && ov.Number != v.Number:
			d.add(Other, v.GoName, "value %s: number was %d, now %d", code(v.GoName), ov.Number, v.Number)
		}
	}
}

// ---- clients ----

func (d *differ) clients(old, new []*model.Client) {
	oldBy := map[string]*model.Client{}
	for _, c := range old {
		oldBy[c.GoName] = c
	}
	newBy := map[string]*model.Client{}
	for _, c := range new {
		newBy[c.GoName] = c
	}
	for _, c := range old {
		if _, ok := newBy[c.GoName]; !ok {
			d.add(Breaking, c.GoName, "client %s removed, with its methods and constructors", code(c.GoName))
			d.server(c, nil)
		}
	}
	for _, c := range new {
		o, ok := oldBy[c.GoName]
		if !ok {
			ctors := make([]string, len(c.Ports))
			for i, p := range c.Ports {
				ctors[i] = code(p.Constructor)
			}
			d.add(Addition, c.GoName, "client %s for port type %s (%s, constructed by %s)", code(c.GoName), d.qname(c.PortType),
				plural(len(c.Operations), "method"), strings.Join(ctors, ", "))
			d.server(nil, c)
			continue
		}
		d.client(o, c)
		d.server(o, c)
	}
}

// server compares the server side of a port type (generated with -server): the interface, whose
// methods follow the client's, and the handler constructors. A method added to the interface is a
// breaking change, as for any interface: an implementation that does not embed the Unimplemented
// type stops compiling.
func (d *differ) server(o, n *model.Client) {
	var os, ns *model.Server
	if o != nil {
		os = o.Server
	}
	if n != nil {
		ns = n.Server
	}
	switch {
	case os == nil && ns == nil:
		return
	case ns == nil:
		d.add(Breaking, os.Interface, "server interface %s removed, with %s and %s", code(os.Interface), code(os.Unimplemented), handlerList(os))
		return
	case os == nil:
		d.add(Addition, ns.Interface, "server interface %s (%s), with %s and %s", code(ns.Interface), plural(len(n.Operations), "method"),
			code(ns.Unimplemented), handlerList(ns))
		return
	}
	iface := ns.Interface
	if os.Interface != ns.Interface {
		d.add(Breaking, os.Interface, "server interface %s is now %s", code(os.Interface), code(ns.Interface))
	}
	oldBy, newBy := opsByName(o.Operations), opsByName(n.Operations)
	for _, op := range o.Operations {
		if newBy[op.GoName] == nil {
			d.add(Breaking, iface+"."+op.GoName, "server method %s removed", code(serverSignature(os.Interface, op)))
		}
	}
	for _, op := range n.Operations {
		oo, ok := oldBy[op.GoName]
		switch {
		case !ok:
			d.add(Breaking, iface+"."+op.GoName, "server method %s added: an implementation that does not embed %s must implement it",
				code(serverSignature(iface, op)), code(ns.Unimplemented))
		case oo.ParamTypes() != op.ParamTypes() || oo.Results() != op.Results():
			d.add(Breaking, iface+"."+op.GoName, "server method %s: was %s, now %s", code(iface+"."+op.GoName),
				code(serverSignature(os.Interface, oo)), code(serverSignature(iface, op)))
		}
	}
	oldH := map[string]bool{}
	for _, h := range os.Handlers {
		oldH[h.Func] = true
	}
	newH := map[string]bool{}
	for _, h := range ns.Handlers {
		newH[h.Func] = true
		if !oldH[h.Func] {
			d.add(Addition, h.Func, "handler constructor %s", code(handlerDecl(ns, h)))
		}
	}
	for _, h := range os.Handlers {
		if !newH[h.Func] {
			d.add(Breaking, h.Func, "handler constructor %s removed", code(handlerDecl(os, h)))
		}
	}
}

// opsByName maps the operations' Go names to them.
func opsByName(ops []*model.Operation) map[string]*model.Operation {
	m := make(map[string]*model.Operation, len(ops))
	for _, op := range ops {
		m[op.GoName] = op
	}
	return m
}

// serverSignature renders the method of the server interface iface serving op.
func serverSignature(iface string, op *model.Operation) string {
	params := op.ParamList()
	if params != "" {
		params = ", " + params
	}
	return fmt.Sprintf("%s.%s(ctx context.Context%s) %s", iface, op.GoName, params, op.Results())
}

func handlerDecl(s *model.Server, h *model.Handler) string {
	return fmt.Sprintf("func %s(impl %s, opts ...soap.HandlerOption) http.Handler", h.Func, s.Interface)
}

// handlerList names the handler constructors of s.
func handlerList(s *model.Server) string {
	names := make([]string, len(s.Handlers))
	for i, h := range s.Handlers {
		names[i] = code(h.Func)
	}
	return strings.Join(names, ", ")
}

func (d *differ) client(o, n *model.Client) {
	name := n.GoName
	if !d.qnameEq(o.PortType, n.PortType) {
		d.add(Other, name, "client %s: port type was %s, now %s", code(name), d.qname(o.PortType), d.qname(n.PortType))
	}
	d.header(name, "request", o.RequestHeader, n.RequestHeader)
	d.header(name, "response", o.ResponseHeader, n.ResponseHeader)
	d.ports(name, o.Ports, n.Ports)

	oldBy, newBy := opsByName(o.Operations), opsByName(n.Operations)
	for _, op := range o.Operations {
		if newBy[op.GoName] == nil {
			d.add(Breaking, name+"."+op.GoName, "method %s removed", code(op.Signature(name)))
			if m := messageSignature(o, op); m != "" {
				d.add(Breaking, name+"."+o.Messages+"()."+op.GoName, "method %s removed", code(m))
			}
		}
	}
	for _, op := range n.Operations {
		oo, ok := oldBy[op.GoName]
		if !ok {
			d.add(Addition, name+"."+op.GoName, "method %s", code(op.Signature(name)))
			if m := messageSignature(n, op); m != "" {
				d.add(Addition, name+"."+n.Messages+"()."+op.GoName, "method %s", code(m))
			}
			continue
		}
		d.operation(o, n, oo, op)
	}
}

// header compares a client's request or response header struct.
func (d *differ) header(client, which string, o, n *model.Header) {
	switch {
	case o == nil && n == nil:
		return
	case o != nil && n == nil:
		if which == "request" {
			d.add(Breaking, client+".Header", "field %s removed (the binding declares no request header any more)", code(client+".Header "+o.GoName))
		}
		d.add(Breaking, o.GoName, "type %s removed (the %s header blocks of %s)", code(o.GoName), which, code(client))
		return
	case o == nil && n != nil:
		if which == "request" {
			d.add(Addition, client+".Header", "field %s (request header blocks)", code(client+".Header "+n.GoName))
		}
		d.add(Addition, n.GoName, "type %s (the %s header blocks of %s)", code(n.GoName), which, code(client))
		return
	}
	if o.GoName != n.GoName {
		d.add(Breaking, o.GoName, "type %s (%s header of %s) is now %s", code(o.GoName), which, code(client), code(n.GoName))
	}
	d.fields(n.GoName, o.Fields, n.Fields)
	d.contract(client, n.GoName, o.Contract, n.Contract)
}

func (d *differ) ports(client string, old, new []*model.ClientPort) {
	oldBy := map[string]*model.ClientPort{}
	for _, p := range old {
		oldBy[p.Constructor] = p
	}
	newBy := map[string]*model.ClientPort{}
	for _, p := range new {
		newBy[p.Constructor] = p
	}
	for _, p := range old {
		if _, ok := newBy[p.Constructor]; !ok {
			d.add(Breaking, p.Constructor, "constructor %s removed", code(ctorDecl(client, p)))
		}
	}
	for _, p := range new {
		o, ok := oldBy[p.Constructor]
		if !ok {
			d.add(Addition, p.Constructor, "constructor %s (SOAP %s, endpoint %s)", code(ctorDecl(client, p)), version(p), code(p.Endpoint))
			continue
		}
		if o.Endpoint != p.Endpoint {
			d.add(Other, p.Constructor, "constructor %s: default endpoint was %s, now %s", code(p.Constructor), code(o.Endpoint), code(p.Endpoint))
		}
		if o.Binding.Version != p.Binding.Version {
			d.add(Other, p.Constructor, "constructor %s: was SOAP %s, now SOAP %s", code(p.Constructor), version(o), version(p))
		}
	}
}

func ctorDecl(client string, p *model.ClientPort) string {
	return fmt.Sprintf("func %s(client *soap.Client) *%s", p.Constructor, client)
}

func version(p *model.ClientPort) string {
	if p.Binding.Version == 12 {
		return "1.2"
	}
	return "1.1"
}

// messageSignature renders the message-level method of op (on the client's Messages view), or ""
// when op has none.
func messageSignature(c *model.Client, op *model.Operation) string {
	if !op.Message {
		return ""
	}
	var req, resp string
	switch {
	case op.RequestSimple != nil:
		req = "req soap.BareValue[" + op.RequestSimple.Type.String() + "], "
	case op.Request != nil:
		req = "req *" + op.Request.GoName + ", "
	}
	switch {
	case op.ResponseSimple != nil:
		resp = "(soap.BareValue[" + op.ResponseSimple.Type.String() + "], error)"
	case op.Response != nil:
		resp = "(*" + op.Response.GoName + ", error)"
	default:
		resp = "error"
	}
	return fmt.Sprintf("func (%s) %s(ctx context.Context, %sopts ...soap.CallOption) %s", c.MessagesType, op.GoName, req, resp)
}

func (d *differ) operation(oc, nc *model.Client, o, n *model.Operation) {
	name := nc.GoName + "." + n.GoName
	switch {
	case o.ParamTypes() != n.ParamTypes() || o.Results() != n.Results():
		d.add(Breaking, name, "method %s: was %s, now %s", code(name), code(o.Signature(oc.GoName)), code(n.Signature(nc.GoName)))
	case o.ParamList() != n.ParamList():
		d.add(Other, name, "method %s: parameters were %s, now %s", code(name), code("("+o.ParamList()+")"), code("("+n.ParamList()+")"))
	}
	mname := nc.GoName + "." + nc.Messages + "()." + n.GoName
	switch om, nm := messageSignature(oc, o), messageSignature(nc, n); {
	case om == nm:
	case om == "":
		d.add(Addition, mname, "method %s", code(nm))
	case nm == "":
		d.add(Breaking, oc.GoName+"."+oc.Messages+"()."+o.GoName, "method %s removed (%s now takes and returns the whole messages)", code(om), code(name))
	default:
		d.add(Breaking, mname, "method %s: was %s, now %s", code(mname), code(om), code(nm))
	}
	var wire []string
	if o.Name != n.Name {
		wire = append(wire, fmt.Sprintf("operation was %s, now %s", code(o.Name), code(n.Name)))
	}
	if !d.qnameEq(o.RequestElem, n.RequestElem) {
		wire = append(wire, fmt.Sprintf("request element was %s, now %s", d.qname(o.RequestElem), d.qname(n.RequestElem)))
	}
	if o.Response != nil && n.Response != nil && !d.qnameEq(o.ResponseElem, n.ResponseElem) {
		wire = append(wire, fmt.Sprintf("response element was %s, now %s", d.qname(o.ResponseElem), d.qname(n.ResponseElem)))
	}
	switch {
	case o.Response != nil && n.Response == nil:
		wire = append(wire, "now one-way (no reply is read)")
	case o.Response == nil && n.Response != nil:
		wire = append(wire, "no longer one-way")
	}
	if o.RequestBody == model.WholeBody && n.RequestBody == model.WholeBody && o.RequestNillable != n.RequestNillable {
		if n.RequestNillable {
			wire = append(wire, "a nil request is now sent as xsi:nil")
		} else {
			wire = append(wire, "a nil request is now an error")
		}
	}
	wire = append(wire, d.bindingOps(oc, nc, o, n)...)
	if len(wire) > 0 {
		d.add(Other, name, "method %s: %s", code(name), strings.Join(wire, "; "))
	}
}

// bindingOps compares what each binding (matched by name) says about an operation: its SOAP action and
// the request header blocks it sends.
func (d *differ) bindingOps(oc, nc *model.Client, o, n *model.Operation) []string {
	oi, ni := opIndex(oc, o), opIndex(nc, n)
	var out []string
	for _, nb := range nc.Bindings {
		var ob *model.ClientBinding
		for _, b := range oc.Bindings {
			if d.qnameEq(b.Name, nb.Name) {
				ob = b
			}
		}
		if ob == nil || oi < 0 || ni < 0 || oi >= len(ob.Ops) || ni >= len(nb.Ops) {
			continue
		}
		obo, nbo := ob.Ops[oi], nb.Ops[ni]
		where := ""
		if len(nc.Bindings) > 1 {
			where = " (binding " + nb.Name.Local + ")"
		}
		if !d.actionEq(obo.Action, nbo.Action) {
			out = append(out, fmt.Sprintf("SOAP action%s was %s, now %s", where, quoted(obo.Action), quoted(nbo.Action)))
		}
		oh, nh := headerNames(oc.RequestHeader, obo.InHeaders), headerNames(nc.RequestHeader, nbo.InHeaders)
		if oh != nh {
			out = append(out, fmt.Sprintf("request header blocks%s were %s, now %s", where, oh, nh))
		}
	}
	return out
}

func quoted(s string) string {
	if s == "" {
		return "empty"
	}
	return code(s)
}

func opIndex(c *model.Client, op *model.Operation) int {
	for i, o := range c.Operations {
		if o == op {
			return i
		}
	}
	return -1
}

func headerNames(h *model.Header, idx []int) string {
	if len(idx) == 0 {
		return "none"
	}
	var names []string
	for _, i := range idx {
		if h != nil && i >= 0 && i < len(h.Fields) {
			names = append(names, h.Fields[i].GoName)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
