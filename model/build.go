package model

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// xmlNamespace is the namespace bound to the reserved prefix xml (xml:lang, xml:space).
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// DefaultRuntime is the import path of the soap runtime package.
const DefaultRuntime = "github.com/sogen-go/sogen/soap"

// Options configures Build.
type Options struct {
	// Package is the Go package name (required).
	Package string
	// ClientSuffix is appended to a port type's name to name its client type (default "Client").
	ClientSuffix string
	// Sources are the input file names recorded in the generated files' header.
	Sources []string
	// Generator names the generator and its version in the generated files' header ("sogen v1.2.3");
	// empty records none.
	Generator string
	// Runtime is the import path of the soap runtime (default DefaultRuntime).
	Runtime string
	// StatusHeaders says which response header blocks report a call's failure (see StatusHeaders).
	StatusHeaders StatusHeaders
}

// Error is a model error: a construct sogen cannot map, located in the input.
type Error struct {
	Pos parser.Pos
	Msg string
	// Hint is what would get past the error, when something would (see parser.HintOf).
	Hint parser.Hint
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorHint returns the hint of e (the zero Hint when there is none).
func (e *Error) ErrorHint() parser.Hint { return e.Hint }

func errorf(pos parser.Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// lenientf returns an error at pos that parser.Options.Lenient would get past as effect says.
func lenientf(pos parser.Pos, effect, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: parser.Hint{Kind: parser.HintLenient, Effect: effect}}
}

// Build maps the parsed definitions to a Go package description.
//
// The mapping, in short:
//   - a named complex type becomes a struct; complexContent extension embeds the base struct, whose
//     fields are encoded first; a base type with derived types also gets an interface (AnyBase)
//     that the base and every derived type implement, used for fields declared with the base type;
//   - a complex type named ArrayOfX whose content is one repeated element becomes a Go slice []X
//     wherever it is used (no named type);
//   - a complex type annotated IsDictionary (WCF) becomes a Go map wherever it is used;
//   - a string enumeration becomes a string type with a constant per value; an xs:list of an
//     enumeration (WCF flags) becomes a string type keeping the wire text, with methods over an
//     enumeration of its values;
//   - a restriction of a built-in type becomes a named type over the built-in's Go type when that is a
//     predeclared type, and the built-in's Go type itself otherwise (DateTime, Duration, ...);
//   - an element with maxOccurs > 1 becomes a slice; a complex-typed element is held by pointer; an
//     xs:anyType element is held in an any;
//   - each port type with a SOAP binding becomes a client type with one method per operation, whose
//     parameters are the request wrapper's children and whose result is the response wrapper's child
//     (or the wrapper itself when it has several children).
func Build(set *parser.Set, opts Options) (*Package, error) {
	if opts.ClientSuffix == "" {
		opts.ClientSuffix = "Client"
	}
	if opts.Runtime == "" {
		opts.Runtime = DefaultRuntime
	}
	b := &builder{
		set:     set,
		opts:    opts,
		pkg:     &Package{Name: opts.Package, Sources: opts.Sources, Generator: opts.Generator, Runtime: opts.Runtime},
		scope:   NewScope("soap", "xml", "context", "errors", "strings", "cmp", "init", "main"),
		ns:      map[string]*Namespace{},
		structs: map[*parser.ComplexType]*Type{},
		named:   map[xml.Name]*Type{},
		simples: map[xml.Name]*simpleRes{},
		arrays:  map[xml.Name]*Array{},
		dicts:   map[xml.Name]*Dict{},
	}
	for _, s := range set.Schemas {
		if s.TargetNamespace == parser.NSSerialization {
			b.wcf = true
		}
	}
	steps := []func() error{
		b.classify,
		b.nameTypes,
		b.inheritance,
		b.buildSimpleTypes,
		b.buildStructs,
		b.buildClients,
		b.checkNamed,
		b.finish,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return b.pkg, nil
}

type builder struct {
	set   *parser.Set
	opts  Options
	pkg   *Package
	scope *Scope
	wcf   bool

	ns      map[string]*Namespace
	structs map[*parser.ComplexType]*Type // struct types by their definition
	named   map[xml.Name]*Type            // named types by schema type name
	simples map[xml.Name]*simpleRes       // named simple types, resolved
	arrays  map[xml.Name]*Array
	dicts   map[xml.Name]*Dict

	// heads maps substitution group heads to their direct members, sorted.
	heads map[xml.Name][]xml.Name
	// synthetic marks the element references substitution made up (its branches), which stand for
	// themselves only.
	synthetic map[*parser.Element]bool

	// work lists, in a deterministic order
	structList []*structWork
	simpleList []xml.Name
	polyBases  []*Type

	// partsElems are the stand-in body elements of messages with several body parts (see partsElement).
	partsElems map[string]*parser.Element

	// contracts collects the clients' reply-header status contracts.
	contracts contracts
}

// structWork is a struct type still to be filled.
type structWork struct {
	t     *Type
	ct    *parser.ComplexType
	elem  xml.Name // the global element whose anonymous type this is, if any
	scope *Scope
	// choices are the xs:choice groups met while filling the struct; groups are the named groups
	// being expanded (to stop a group containing itself).
	choices []*Choice
	groups  map[xml.Name]bool
}

func (b *builder) namespace(uri string) *Namespace {
	if uri == "" {
		return nil
	}
	if uri == xmlNamespace {
		return &Namespace{URI: uri, Const: "XMLNamespace", Pkg: b.opts.Runtime}
	}
	n := b.ns[uri]
	if n == nil {
		n = &Namespace{URI: uri}
		b.ns[uri] = n
	}
	return n
}

func (b *builder) qname(n xml.Name) QName {
	return QName{NS: b.namespace(n.Space), Local: n.Local}
}

// primary is the namespace that wins name clashes: the target namespace of the first port type.
func (b *builder) primary() string {
	if len(b.set.PortTypes) > 0 {
		return b.set.PortTypes[0].Name.Space
	}
	return ""
}

// sortNames orders schema names: the primary namespace first, then by namespace and local name.
func (b *builder) sortNames(names []xml.Name) {
	p := b.primary()
	sort.SliceStable(names, func(i, j int) bool {
		pi, pj := names[i].Space == p, names[j].Space == p
		if pi != pj {
			return pi
		}
		if names[i].Space != names[j].Space {
			return names[i].Space < names[j].Space
		}
		return names[i].Local < names[j].Local
	})
}

func names[T any](m map[xml.Name]*T) []xml.Name {
	out := make([]xml.Name, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	return out
}

// classify decides which named complex types are arrays, dictionaries or structs, and which global
// elements with anonymous types become structs.
func (b *builder) classify() error {
	complexNames := names(b.set.ComplexTypes)
	b.sortNames(complexNames)
	bases := map[xml.Name]bool{}
	for _, n := range complexNames {
		if ct := b.set.ComplexTypes[n]; ct.Base != (xml.Name{}) {
			bases[ct.Base] = true
		}
	}
	for _, n := range complexNames {
		ct := b.set.ComplexTypes[n]
		switch {
		case ct.IsDictionary && dictShape(ct) != nil && !bases[n]:
			b.dicts[n] = &Dict{QName: b.qname(n)}
		case arrayShape(ct) != nil && !bases[n]:
			b.arrays[n] = &Array{QName: b.qname(n)}
		default:
			t := &Type{Kind: Struct, QName: b.qname(n), Registered: true}
			b.structs[ct] = t
			b.named[n] = t
			b.structList = append(b.structList, &structWork{t: t, ct: ct})
		}
	}
	elemNames := names(b.set.Elements)
	b.sortNames(elemNames)
	for _, n := range elemNames {
		e := b.set.Elements[n]
		if e.Complex == nil {
			continue
		}
		t := &Type{Kind: Struct}
		b.structs[e.Complex] = t
		b.structList = append(b.structList, &structWork{t: t, ct: e.Complex, elem: n})
	}
	simpleNames := names(b.set.SimpleTypes)
	b.sortNames(simpleNames)
	b.simpleList = simpleNames
	return nil
}

// arrayShape returns the item element of an ArrayOfX type, or nil if ct is not one.
func arrayShape(ct *parser.ComplexType) *parser.Particle {
	if !strings.HasPrefix(ct.Name.Local, "ArrayOf") && ct.EncArray == (xml.Name{}) || ct.Base != (xml.Name{}) || len(ct.Attributes) > 0 ||
		ct.AnyAttribute || ct.Mixed || ct.Content != parser.ElementContent || ct.Particle == nil {
		return nil
	}
	p := ct.Particle
	if p.Kind != parser.Sequence || p.MinOccurs != 1 || p.MaxOccurs != 1 || len(p.Children) != 1 {
		return nil
	}
	item := p.Children[0]
	if item.Kind != parser.ElementParticle || item.MaxOccurs == 1 {
		return nil
	}
	return item
}

// dictShape returns the key and value elements of a WCF dictionary type, or nil.
func dictShape(ct *parser.ComplexType) []*parser.Element {
	if ct.Base != (xml.Name{}) || ct.Particle == nil || ct.Particle.Kind != parser.Sequence || len(ct.Particle.Children) != 1 {
		return nil
	}
	pair := ct.Particle.Children[0]
	if pair.Kind != parser.ElementParticle || pair.MaxOccurs == 1 || pair.Element.Complex == nil {
		return nil
	}
	inner := pair.Element.Complex.Particle
	if inner == nil || inner.Kind != parser.Sequence || len(inner.Children) != 2 {
		return nil
	}
	k, v := inner.Children[0], inner.Children[1]
	if k.Kind != parser.ElementParticle || v.Kind != parser.ElementParticle || k.MaxOccurs != 1 || v.MaxOccurs != 1 ||
		k.Element.Ref != (xml.Name{}) || v.Element.Ref != (xml.Name{}) {
		return nil
	}
	return []*parser.Element{pair.Element, k.Element, v.Element}
}

// nameTypes claims the Go names of the named types, the element wrapper structs, and the package
// variables derived from them, in priority order.
func (b *builder) nameTypes() error {
	for _, w := range b.structList {
		if w.t.QName.IsZero() {
			continue
		}
		w.t.GoName = b.scope.Claim(Exported(w.t.QName.Local), "Type")
	}
	for _, n := range b.simpleList {
		if _, err := b.simple(n); err != nil {
			return err
		}
	}
	for _, w := range b.structList {
		if w.t.GoName != "" {
			continue
		}
		// a global element with an anonymous type: the element's name
		w.t.GoName = b.scope.Claim(Exported(w.elem.Local), "Element")
	}
	return nil
}

// inheritance links derived structs to their bases and names the interfaces of polymorphic bases.
func (b *builder) inheritance() error {
	for _, w := range b.structList {
		ct := w.ct
		if ct.Base == (xml.Name{}) || ct.Content != parser.ElementContent || ct.Derivation != parser.Extension {
			continue
		}
		if parser.IsBuiltin(ct.Base) {
			continue // extension of xs:anyType adds nothing
		}
		base := b.named[ct.Base]
		if base == nil {
			return errorf(ct.Pos, "base type {%s}%s cannot be extended: it is an array or dictionary type", ct.Base.Space, ct.Base.Local)
		}
		w.t.Base = base
	}
	for _, w := range b.structList {
		for base := w.t.Base; base != nil; base = base.Base {
			if base.Poly == nil {
				base.Poly = &Poly{}
				b.polyBases = append(b.polyBases, base)
			}
			base.Poly.Derived = append(base.Poly.Derived, w.t)
		}
	}
	sort.Slice(b.polyBases, func(i, j int) bool { return b.polyBases[i].GoName < b.polyBases[j].GoName })
	for _, t := range b.polyBases {
		t.Poly.Interface = b.scope.Claim("Any"+t.GoName, "Value")
		t.Poly.Method = "As" + t.GoName
		t.Poly.Var = b.scope.Claim(Unexported("poly" + t.GoName))
		sort.Slice(t.Poly.Derived, func(i, j int) bool { return t.Poly.Derived[i].GoName < t.Poly.Derived[j].GoName })
	}
	return nil
}

// structReserved returns the names a struct's fields may not take: its methods, its embedded base,
// and the methods promoted from its bases.
func structReserved(t *Type) []string {
	r := []string{"MarshalSOAP", "UnmarshalSOAP", "SOAPType"}
	for base := t; base != nil; base = base.Base {
		if base.Poly != nil {
			r = append(r, base.Poly.Method)
		}
		if base != t {
			r = append(r, base.GoName)
		}
	}
	return r
}

func (b *builder) buildSimpleTypes() error {
	for _, n := range b.simpleList {
		if _, err := b.simple(n); err != nil {
			return err
		}
	}
	return nil
}

// buildStructs fills every struct's fields; anonymous types met on the way are appended to the work
// list and filled in turn.
func (b *builder) buildStructs() error {
	for i := 0; i < len(b.structList); i++ {
		w := b.structList[i]
		if err := b.fillStruct(w); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) fillStruct(w *structWork) error {
	t, ct := w.t, w.ct
	if t.ItemOfChoice {
		t.Doc = fmt.Sprintf("%s is one occurrence of a repeated xs:choice: set exactly one field. It has no element of its own: it is written as the chosen branch's element.", t.GoName)
	} else if t.QName.IsZero() {
		t.Doc = fmt.Sprintf("%s is the content of the element of the same name.", t.GoName)
	} else {
		t.Doc = fmt.Sprintf("%s is the complex type %s.", t.GoName, qstring(t.QName))
	}
	if t.Base != nil {
		t.Doc += fmt.Sprintf(" It extends %s, whose fields it embeds and encodes first.", t.Base.GoName)
	}
	if t.Poly != nil {
		t.Doc += fmt.Sprintf(" Types derived from it implement %s; fields declared with this type hold an %s.", t.Poly.Interface, t.Poly.Interface)
	}
	if ct.Abstract {
		t.Abstract = true
		t.Doc += " The schema declares it abstract: only values of the types derived from it can be sent."
	}
	w.scope = NewScope(structReserved(t)...)
	var fields []*Field
	switch {
	case ct.Content == parser.SimpleContent:
		gt, c, what, err := b.simpleContent(ct, 0)
		if err != nil {
			return err
		}
		name := w.scope.Claim("Value")
		t.Text = &TextField{GoName: name, Type: gt, Codec: c,
			Doc: fmt.Sprintf("%s is the element's text (%s); the attributes are the other fields.", name, what)}
		t.Doc += " It has simple content: a value with attributes."
	case b.mixed(ct):
		if t.Base != nil || t.Poly != nil {
			return errorf(ct.Pos, "mixed content in a type that extends or is extended by another is not supported yet")
		}
		if ct.Particle == nil || len(ct.Particle.Children) == 0 && ct.Particle.Kind != parser.GroupRef {
			name := w.scope.Claim("Value")
			t.Text = &TextField{GoName: name, Type: &GoType{Kind: Basic, Name: "string"}, Codec: builtinTypes["string"].codecRef(),
				Doc: fmt.Sprintf("%s is the element's text: the type is mixed and declares no child elements.", name)}
		} else {
			t.Mixed = w.scope.Claim("Content")
			t.Doc += fmt.Sprintf(" Its content is mixed (text between the child elements): %s holds text and elements in document order, the elements as *soap.Element, and is written back unchanged.", t.Mixed)
		}
	default:
		if err := b.particleFields(w, ct.Particle, false, false, &fields); err != nil {
			return err
		}
	}
	for i, f := range fields {
		f.Index = i
	}
	t.Fields = fields
	t.Choices = w.choices
	for i, c := range t.Choices {
		c.Var = b.scope.Claim(Unexported(fmt.Sprintf("choice%s%d", t.GoName, i)))
	}
	uses, anyAttr, err := b.attrUses(ct, 0)
	if err != nil {
		return err
	}
	for _, u := range uses {
		a, err := b.attrField(w, u)
		if err != nil {
			return err
		}
		a.Index = len(t.Attrs)
		t.Attrs = append(t.Attrs, a)
	}
	if len(t.Attrs) > 0 {
		t.AttrsVar = b.scope.Claim(Unexported("attrs" + t.GoName))
	}
	if anyAttr {
		t.AnyAttr = w.scope.Claim("AnyAttr", "Wildcard")
	}
	t.Doc = joinDoc(t.Doc, ct.Doc)
	if len(fields) > 0 {
		t.Presence = w.scope.Claim("Presence", "XML")
		t.FieldsVar = b.scope.Claim(Unexported("fields" + t.GoName))
	}
	return nil
}

// mixed reports whether ct has mixed content, declared on it or inherited from its base.
func (b *builder) mixed(ct *parser.ComplexType) bool {
	for depth := 0; ct != nil && depth < 100; depth++ {
		if ct.Mixed {
			return true
		}
		if ct.Derivation != parser.Extension || ct.Content != parser.ElementContent {
			return false
		}
		ct = b.set.ComplexTypes[ct.Base]
	}
	return false
}

// simpleContent returns the Go type and codec of the value of a type with simple content, and a
// description of it: its base's value type (a simple type, or the value of a complex type with
// simple content, whose facets a restriction may narrow but not change).
func (b *builder) simpleContent(ct *parser.ComplexType, depth int) (*GoType, *Codec, string, error) {
	if depth > 100 {
		return nil, nil, "", errorf(ct.Pos, "simple content derives from itself")
	}
	base := ct.Base
	if bt := b.set.ComplexTypes[base]; bt != nil {
		if bt.Content != parser.SimpleContent {
			if b.mixed(bt) && ct.Derivation == parser.Restricted {
				return &GoType{Kind: Basic, Name: "string"}, builtinTypes["string"].codecRef(), "xs:string", nil
			}
			return nil, nil, "", errorf(ct.Pos, "simple content derived from {%s}%s, which has element content", base.Space, base.Local)
		}
		return b.simpleContent(bt, depth+1)
	}
	if parser.IsBuiltin(base) && (base.Local == "anyType" || base.Local == "anySimpleType") {
		return &GoType{Kind: Basic, Name: "string"}, builtinTypes["string"].codecRef(), "xs:string", nil
	}
	gt, v, err := b.typeValue(base, ct.Pos)
	if err != nil {
		return nil, nil, "", err
	}
	if v.Kind != SimpleValue {
		return nil, nil, "", errorf(ct.Pos, "simple content of type {%s}%s, which is not a simple type", base.Space, base.Local)
	}
	what := base.Local
	if base.Space == parser.NSXSD {
		what = "xs:" + what
	}
	return gt, v.Codec, what, nil
}

// attrUses returns the attribute uses of ct that its struct declares itself (an embedded base
// declares its own), attribute groups expanded and prohibited uses removed, and whether an
// xs:anyAttribute applies. A restriction, and a type with simple content (whose struct does not embed
// its base), start from the base's attributes.
func (b *builder) attrUses(ct *parser.ComplexType, depth int) ([]*parser.Attribute, bool, error) {
	if depth > 100 {
		return nil, false, errorf(ct.Pos, "attributes of type {%s}%s derive from themselves", ct.Name.Space, ct.Name.Local)
	}
	var uses []*parser.Attribute
	anyAttr := false
	if bt := b.set.ComplexTypes[ct.Base]; bt != nil && (ct.Derivation == parser.Restricted || ct.Content == parser.SimpleContent) {
		var err error
		if uses, anyAttr, err = b.attrUses(bt, depth+1); err != nil {
			return nil, false, err
		}
		if ct.Derivation == parser.Restricted {
			anyAttr = false // a restriction keeps the wildcard only if it restates it
		}
	}
	var own []*parser.Attribute
	ownAny := ct.AnyAttribute
	if err := b.expandAttrs(ct.Attributes, &own, &ownAny, 0); err != nil {
		return nil, false, err
	}
	for _, a := range own {
		n := b.attrName(a)
		replaced := false
		for i, u := range uses {
			if u != nil && b.attrName(u) == n {
				uses[i], replaced = a, true
			}
		}
		if !replaced {
			uses = append(uses, a)
		}
	}
	out := uses[:0]
	for _, u := range uses {
		if u.Use != "prohibited" {
			out = append(out, u)
		}
	}
	return out, anyAttr || ownAny, nil
}

// expandAttrs appends attrs to out with attribute group references replaced by their attributes.
func (b *builder) expandAttrs(attrs []*parser.Attribute, out *[]*parser.Attribute, anyAttr *bool, depth int) error {
	for _, a := range attrs {
		if a.GroupRef == (xml.Name{}) {
			*out = append(*out, a)
			continue
		}
		g := b.set.AttributeGroups[a.GroupRef]
		if depth > 100 {
			return errorf(a.Pos, "attribute group {%s}%s refers to itself", a.GroupRef.Space, a.GroupRef.Local)
		}
		*anyAttr = *anyAttr || g.AnyAttribute
		if err := b.expandAttrs(g.Attributes, out, anyAttr, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// attrName is the name on the wire of an attribute use.
func (b *builder) attrName(a *parser.Attribute) xml.Name {
	if a.Ref != (xml.Name{}) {
		return a.Ref
	}
	return a.Name
}

// attrField builds the field of an attribute use.
func (b *builder) attrField(w *structWork, u *parser.Attribute) (*Attr, error) {
	decl := u
	if u.Ref != (xml.Name{}) {
		decl = b.set.Attributes[u.Ref]
	}
	name := b.attrName(u)
	a := &Attr{GoName: w.scope.Claim(Exported(name.Local), "Attr"), Name: b.qname(name), Fixed: u.Fixed}
	def := u.Default
	typ := "xs:anySimpleType"
	var gt *GoType
	var c *Codec
	switch {
	case decl == nil: // xml:lang and the other attributes of the xml namespace
		gt, c, typ = &GoType{Kind: Basic, Name: "string"}, builtinTypes["string"].codecRef(), "xs:string"
	case decl.Simple != nil:
		r, err := b.anonSimple(decl.Simple, w.t.GoName+Exported(name.Local))
		if err != nil {
			return nil, err
		}
		gt, c, typ = r.goType, r.codec, "an anonymous type"
	case decl.Type != (xml.Name{}):
		var v *Value
		var err error
		if gt, v, err = b.typeValue(decl.Type, decl.Pos); err != nil {
			return nil, err
		}
		if v.Kind != SimpleValue || parser.IsBuiltin(decl.Type) && decl.Type.Local == "anyType" {
			return nil, errorf(decl.Pos, "attribute %s has type {%s}%s, which is not a simple type", name.Local, decl.Type.Space, decl.Type.Local)
		}
		c = v.Codec
		typ = decl.Type.Local
		if decl.Type.Space == parser.NSXSD {
			typ = "xs:" + typ
		}
	default:
		bi := builtinTypes["anySimpleType"]
		gt, c = bi.goType(), bi.codecRef()
	}
	if decl != nil && decl != u {
		if a.Fixed == nil {
			a.Fixed = decl.Fixed
		}
		if def == nil {
			def = decl.Default
		}
	}
	a.Codec = c
	a.Type = gt
	var notes []string
	if u.Use == "required" {
		notes = append(notes, "required")
	} else {
		a.Ref = true
		a.Type = &GoType{Kind: Pointer, Elem: gt}
		notes = append(notes, "optional: nil leaves it out")
	}
	if def != nil {
		notes = append(notes, fmt.Sprintf("the schema's default is %q, which the receiver assumes when it is left out", *def))
	}
	if a.Fixed != nil {
		notes = append(notes, fmt.Sprintf("fixed to %q: another value is an encoding error", *a.Fixed))
		if u.Use == "required" {
			notes = append(notes, "the zero value sends the fixed one")
		}
	}
	ns := "in no namespace"
	if name.Space != "" {
		ns = "in namespace " + name.Space
	}
	a.Doc = fmt.Sprintf("%s is the attribute %s, %s (%s; %s).", a.GoName, name.Local, ns, typ, strings.Join(notes, "; "))
	return a, nil
}

func qstring(q QName) string {
	if q.NS == nil {
		return q.Local
	}
	return "{" + q.NS.URI + "}" + q.Local
}

func joinDoc(a, b string) string {
	b = strings.TrimSpace(b)
	if b == "" {
		return a
	}
	return a + "\n\n" + b
}

// particleFields appends the fields of particle p; optional is true inside an optional group, and
// choice inside a branch of an xs:choice (whose fields must be able to say "not chosen").
func (b *builder) particleFields(w *structWork, p *parser.Particle, optional, choice bool, out *[]*Field) error {
	if p == nil {
		return nil
	}
	switch p.Kind {
	case parser.Sequence, parser.All:
		if p.MaxOccurs != 1 {
			return errorf(p.Pos, "a repeated xs:%s is not supported yet", p.Kind)
		}
		for _, c := range p.Children {
			if err := b.particleFields(w, c, optional || p.MinOccurs == 0, choice, out); err != nil {
				return err
			}
		}
		return nil
	case parser.GroupRef:
		g := b.set.Groups[p.Ref]
		if p.MaxOccurs != 1 {
			if g.Particle.Kind == parser.Choice && g.Particle.MaxOccurs == 1 {
				// a choice repeated through its reference
				rep := *g.Particle
				rep.MinOccurs, rep.MaxOccurs, rep.Pos = p.MinOccurs*g.Particle.MinOccurs, p.MaxOccurs, p.Pos
				return b.repeatedChoice(w, &rep, "", out)
			}
			return errorf(p.Pos, "a repeated reference to a group that is not a choice is not supported yet")
		}
		if w.groups[p.Ref] {
			return errorf(p.Pos, "group {%s}%s contains itself", p.Ref.Space, p.Ref.Local)
		}
		if w.groups == nil {
			w.groups = map[xml.Name]bool{}
		}
		w.groups[p.Ref] = true
		defer delete(w.groups, p.Ref)
		inner := *g.Particle
		if p.MinOccurs == 0 {
			inner.MinOccurs = 0
		}
		return b.particleFields(w, &inner, optional, choice, out)
	case parser.Choice:
		if p.MaxOccurs != 1 {
			return b.repeatedChoice(w, p, "", out)
		}
		ch := &Choice{Required: !optional && p.MinOccurs > 0}
		for _, c := range p.Children {
			start := len(*out)
			if err := b.particleFields(w, c, true, true, out); err != nil {
				return err
			}
			var br []int
			for i := start; i < len(*out); i++ {
				br = append(br, i)
			}
			if len(br) == 0 {
				// an empty branch (an empty sequence) makes choosing nothing valid
				ch.Required = false
				continue
			}
			ch.Branches = append(ch.Branches, br)
		}
		w.choices = append(w.choices, ch)
		return nil
	case parser.AnyParticle:
		f := &Field{
			GoName:    w.scope.Claim("Any", "Elements"),
			Optional:  true,
			ZeroUnset: true,
			Shape:     Wildcard,
			Type:      &GoType{Kind: Slice, Elem: &GoType{Kind: Pointer, Elem: &GoType{Kind: Runtime, Name: "Element"}}},
		}
		ns := p.Namespace
		f.Doc = fmt.Sprintf("%s holds the elements matched by the wildcard xs:any (namespace %q; occurs %d to %s times), kept as XML and written back unchanged. "+
			"When decoding, every child element the type does not declare is put here.", f.GoName, ns, p.MinOccurs, occursText(p.MaxOccurs))
		*out = append(*out, f)
		return nil
	}
	if sub, err := b.substitution(p); err != nil || sub != nil {
		if err != nil {
			return err
		}
		if sub.MaxOccurs != 1 {
			return b.repeatedChoice(w, sub, b.element(p.Element).Name.Local, out)
		}
		return b.particleFields(w, sub, optional, choice, out)
	}
	f, err := b.elementField(w, p, optional, choice)
	if err != nil {
		return err
	}
	*out = append(*out, f)
	return nil
}

// repeatedChoice appends the field of a repeated xs:choice: a slice of a struct holding one
// occurrence (its branches must be single elements, so that each element on the wire starts an
// occurrence). head names the substitution group the choice stands for, if any.
func (b *builder) repeatedChoice(w *structWork, p *parser.Particle, head string, out *[]*Field) error {
	var names []string
	inner := *p
	inner.MinOccurs, inner.MaxOccurs, inner.Children = 1, 1, nil
	for _, c := range p.Children {
		if c.Kind != parser.ElementParticle && c.Kind != parser.AnyParticle {
			return errorf(p.Pos, "a repeated xs:choice (maxOccurs %s) whose branches are not elements or wildcards is not supported yet", occursText(p.MaxOccurs))
		}
		if sub, err := b.substitution(c); err != nil || sub != nil {
			if err == nil {
				err = errorf(c.Pos, "a substitution group inside a repeated xs:choice is not supported yet")
			}
			return err
		}
		// Inside a repeated choice, a branch repeating itself is the choice repeating: (a* | b)*
		// and (a | b)* allow the same sequences of elements, one occurrence per element.
		one := *c
		one.MinOccurs, one.MaxOccurs = 1, 1
		inner.Children = append(inner.Children, &one)
		if c.Kind == parser.AnyParticle {
			names = append(names, "Any")
		} else {
			names = append(names, Exported(b.element(c.Element).Name.Local))
		}
	}
	base := "Choice"
	switch {
	case head != "":
		base = Exported(head)
	case len(names) <= 3:
		base = strings.Join(names, "Or")
	}
	f := &Field{GoName: w.scope.Claim(base, "Items"), Optional: true, ZeroUnset: true, Shape: Choices}
	it := &Type{Kind: Struct, GoName: b.scope.Claim(w.t.GoName+f.GoName, "Item"), ItemOfChoice: true}
	b.structList = append(b.structList, &structWork{t: it, ct: &parser.ComplexType{Pos: p.Pos, Particle: &inner}})
	f.Type = &GoType{Kind: Slice, Elem: &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: it}}}
	f.Value = &Value{Kind: StructValue, Type: it}
	what := "the repeated xs:choice"
	if head != "" {
		what = "the elements of the substitution group of " + head
	}
	f.Doc = fmt.Sprintf("%s holds the occurrences of %s (occurs %d to %s times), in order; each %s sets one branch.",
		f.GoName, what, p.MinOccurs, occursText(p.MaxOccurs), it.GoName)
	*out = append(*out, f)
	return nil
}

func occursText(n int) string {
	if n == parser.Unbounded {
		return "unbounded"
	}
	return fmt.Sprint(n)
}

// element resolves an element reference.
func (b *builder) element(e *parser.Element) *parser.Element {
	if e.Ref != (xml.Name{}) {
		return b.set.Elements[e.Ref]
	}
	return e
}

func (b *builder) elementField(w *structWork, p *parser.Particle, optional, choice bool) (*Field, error) {
	e := b.element(p.Element)
	f := &Field{
		GoName:   w.scope.Claim(Exported(e.Name.Local)),
		Elem:     b.qname(e.Name),
		Optional: optional || p.MinOccurs == 0,
		Nillable: e.Nillable,
	}
	gt, v, err := b.elementValue(e, w.t.GoName+Exported(e.Name.Local))
	if err != nil {
		return nil, err
	}
	f.Type, f.Value = gt, v
	switch {
	case p.MaxOccurs != 1:
		f.Shape = Repeated
		gt, v = refItem(e.Nillable, gt, v)
		f.Value = v
		f.Type = &GoType{Kind: Slice, Elem: gt}
		f.Optional = false
		f.ZeroUnset = v.reference() || v.Ref
	case v.Kind == ArrayValue:
		f.Shape, f.Array, f.Value = Wrapped, v.Array, nil
		f.ZeroUnset = true
	case v.Kind == DictValue:
		f.Shape, f.Dict, f.Value = Dictionary, v.Dict, nil
		f.ZeroUnset = true
	default:
		// An empty element with a default or fixed value means that value (XML Schema Part 1 section
		// 3.3.4), so such a string element cannot carry "": the empty string means no value.
		valued := e.Default != nil || e.Fixed != nil
		f.ZeroUnset = v.reference() || v.emptyUnset() || gt.Kind == XMLName || (f.Nillable || valued) && gt.stringKind()
		if choice && !f.ZeroUnset {
			// a branch of a choice must be able to say "not chosen": nil is that
			r := *v
			r.Ref = true
			f.Type, f.Value, f.ZeroUnset = &GoType{Kind: Pointer, Elem: gt}, &r, true
		}
	}
	f.Doc = fieldDoc(f, e, p)
	if choice {
		f.Doc += " It is a branch of an xs:choice: encoding fails when more than one branch is set."
	}
	return f, nil
}

// substitution returns, for an element particle referring to the head of a substitution group (or
// to an abstract element), the xs:choice it stands for: the head unless it is abstract, and every
// member, directly or through other members, that is not abstract, in name order. It returns nil for
// any other particle.
func (b *builder) substitution(p *parser.Particle) (*parser.Particle, error) {
	if p.Kind != parser.ElementParticle || p.Element.Ref == (xml.Name{}) || b.synthetic[p.Element] {
		return nil, nil
	}
	e := b.element(p.Element)
	if b.heads == nil {
		b.heads = map[xml.Name][]xml.Name{}
		for _, n := range names(b.set.Elements) {
			if m := b.set.Elements[n]; m.SubstitutionGroup != (xml.Name{}) {
				b.heads[m.SubstitutionGroup] = append(b.heads[m.SubstitutionGroup], n)
			}
		}
		for _, m := range b.heads {
			b.sortNames(m)
		}
	}
	if len(b.heads[e.Name]) == 0 && !e.Abstract {
		return nil, nil
	}
	ch := &parser.Particle{Kind: parser.Choice, Pos: p.Pos, MinOccurs: p.MinOccurs, MaxOccurs: p.MaxOccurs}
	seen := map[xml.Name]bool{}
	var walk func(n xml.Name)
	walk = func(n xml.Name) {
		if seen[n] {
			return
		}
		seen[n] = true
		if !b.set.Elements[n].Abstract {
			ref := &parser.Element{Pos: p.Pos, Ref: n}
			if b.synthetic == nil {
				b.synthetic = map[*parser.Element]bool{}
			}
			b.synthetic[ref] = true
			ch.Children = append(ch.Children, &parser.Particle{Kind: parser.ElementParticle, Pos: p.Pos, MinOccurs: 1, MaxOccurs: 1, Element: ref})
		}
		for _, m := range b.heads[n] {
			walk(m)
		}
	}
	walk(e.Name)
	if len(ch.Children) == 0 {
		return nil, errorf(e.Pos, "element %s is abstract and no element that is not abstract substitutes for it", e.Name.Local)
	}
	return ch, nil
}

// fieldDoc documents a field with its element name, schema type and occurrence.
func fieldDoc(f *Field, e *parser.Element, p *parser.Particle) string {
	var occ []string
	switch {
	case p.MaxOccurs != 1:
		max := "unbounded"
		if p.MaxOccurs > 0 {
			max = fmt.Sprint(p.MaxOccurs)
		}
		occ = append(occ, fmt.Sprintf("occurs %d to %s times", p.MinOccurs, max))
	case f.Optional:
		occ = append(occ, "optional")
	default:
		occ = append(occ, "required")
	}
	if f.Nillable {
		occ = append(occ, "nillable")
	}
	if e.Default != nil {
		occ = append(occ, fmt.Sprintf("default %q, which a receiver assumes for an empty element", *e.Default))
	}
	if e.Fixed != nil {
		occ = append(occ, fmt.Sprintf("fixed to %q", *e.Fixed))
	}
	typ := "an anonymous type"
	if e.Type != (xml.Name{}) {
		typ = e.Type.Local
		if e.Type.Space == parser.NSXSD {
			typ = "xs:" + typ
		}
	} else if e.Simple == nil && e.Complex == nil {
		typ = "xs:anyType"
	}
	d := fmt.Sprintf("%s is the element %s (%s; %s).", f.GoName, e.Name.Local, typ, strings.Join(occ, ", "))
	return joinDoc(d, e.Doc)
}

func (v *Value) reference() bool {
	switch v.Kind {
	case StructValue, PolyValue, AnyValue, ArrayValue, DictValue:
		return true
	}
	return v.Kind == SimpleValue && v.Codec != nil && v.Codec.bytes
}

// emptyUnset reports a simple type whose lexical space has no empty string (an enumeration, a pattern
// not matching it, a minimum length): its zero value cannot be sent, so it means "no value".
func (v *Value) emptyUnset() bool {
	return v.Kind == SimpleValue && v.Codec != nil && v.Codec.emptyUnset
}

// refItem turns the value of a nillable array item, repeated element or dictionary value of a simple
// type other than a string into a pointer, so that xsi:nil decodes to nil and not to the zero value.
// Strings stay plain: a nil string item decodes as "" (documented), which keeps []string for WCF's
// ArrayOfstring, whose items are all declared nillable.
func refItem(nillable bool, gt *GoType, v *Value) (*GoType, *Value) {
	if !nillable || v.Kind != SimpleValue || v.reference() || gt.stringKind() || gt.Kind == XMLName {
		return gt, v
	}
	r := *v
	r.Ref = true
	return &GoType{Kind: Pointer, Elem: gt}, &r
}

func (g *GoType) stringKind() bool {
	switch g.Kind {
	case Basic:
		return g.Name == "string"
	case Named:
		return g.Type.Underlying != nil && g.Type.Underlying.Kind == Basic && g.Type.Underlying.Name == "string"
	}
	return false
}

// elementValue returns the Go type and encoding of one value of element e; anonName names an
// anonymous type declared inside e.
func (b *builder) elementValue(e *parser.Element, anonName string) (*GoType, *Value, error) {
	switch {
	case e.Complex != nil:
		t := b.structs[e.Complex]
		if t == nil {
			t = &Type{Kind: Struct, GoName: b.scope.Claim(anonName, "Type")}
			b.structs[e.Complex] = t
			b.structList = append(b.structList, &structWork{t: t, ct: e.Complex})
		}
		return &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: t}}, &Value{Kind: StructValue, Type: t}, nil
	case e.Simple != nil:
		r, err := b.anonSimple(e.Simple, anonName)
		if err != nil {
			return nil, nil, err
		}
		return r.goType, &Value{Kind: SimpleValue, Codec: r.codec}, nil
	case e.Type == (xml.Name{}):
		return &GoType{Kind: Any}, &Value{Kind: AnyValue}, nil
	}
	return b.typeValue(e.Type, e.Pos)
}

// typeValue returns the Go type and encoding of a value of the named type n.
func (b *builder) typeValue(n xml.Name, pos parser.Pos) (*GoType, *Value, error) {
	if parser.IsBuiltin(n) {
		if n.Local == "anyType" {
			return &GoType{Kind: Any}, &Value{Kind: AnyValue}, nil
		}
		bi := builtinTypes[n.Local]
		return bi.goType(), &Value{Kind: SimpleValue, Codec: bi.codecRef()}, nil
	}
	if _, ok := b.set.SimpleTypes[n]; ok {
		r, err := b.simple(n)
		if err != nil {
			return nil, nil, err
		}
		return r.goType, &Value{Kind: SimpleValue, Codec: r.codec}, nil
	}
	if a := b.arrays[n]; a != nil {
		if err := b.buildArray(n, a); err != nil {
			return nil, nil, err
		}
		return &GoType{Kind: Slice, Elem: a.Item.Type}, &Value{Kind: ArrayValue, Array: a}, nil
	}
	if d := b.dicts[n]; d != nil {
		if err := b.buildDict(n, d); err != nil {
			return nil, nil, err
		}
		return &GoType{Kind: Map, Key: d.Key.Type, Elem: d.Value.Type}, &Value{Kind: DictValue, Dict: d}, nil
	}
	t := b.named[n]
	if t == nil {
		return nil, nil, errorf(pos, "type {%s}%s is not defined", n.Space, n.Local)
	}
	if t.Poly != nil {
		return &GoType{Kind: Interface, Type: t}, &Value{Kind: PolyValue, Type: t}, nil
	}
	return &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: t}}, &Value{Kind: StructValue, Type: t}, nil
}

// item builds the description of an array item or dictionary key/value element; key is true for a
// dictionary key, which is never held by pointer.
func (b *builder) item(e *parser.Element, anonName string, key bool) (*Item, error) {
	e = b.element(e)
	gt, v, err := b.elementValue(e, anonName)
	if err != nil {
		return nil, err
	}
	if !key {
		gt, v = refItem(e.Nillable, gt, v)
	}
	return &Item{Elem: b.qname(e.Name), Nillable: e.Nillable, ZeroUnset: v.reference() || v.Ref, Type: gt, Value: v}, nil
}

func (b *builder) buildArray(n xml.Name, a *Array) error {
	if a.Item != nil || a.Var == "-" {
		if a.Var == "-" {
			return errorf(b.set.ComplexTypes[n].Pos, "array type {%s}%s contains itself", n.Space, n.Local)
		}
		return nil
	}
	a.Var = "-"
	ct := b.set.ComplexTypes[n]
	it, err := b.item(arrayShape(ct).Element, Exported(n.Local)+"Item", false)
	if err != nil {
		return err
	}
	a.Item = it
	if ct.EncArray != (xml.Name{}) {
		a.EncItem = b.qname(ct.EncArray)
	}
	a.Var = b.scope.Claim(Unexported(n.Local))
	b.pkg.Arrays = append(b.pkg.Arrays, a)
	return nil
}

func (b *builder) buildDict(n xml.Name, d *Dict) error {
	if d.Key != nil || d.Var == "-" {
		if d.Var == "-" {
			return errorf(b.set.ComplexTypes[n].Pos, "dictionary type {%s}%s contains itself", n.Space, n.Local)
		}
		return nil
	}
	d.Var = "-"
	ct := b.set.ComplexTypes[n]
	shape := dictShape(ct)
	d.Pair = b.qname(shape[0].Name)
	var err error
	if d.Key, err = b.item(shape[1], Exported(n.Local)+"Key", true); err != nil {
		return err
	}
	if d.Value, err = b.item(shape[2], Exported(n.Local)+"Value", false); err != nil {
		return err
	}
	if d.Compare, err = compareFor(d.Key.Type); err != nil {
		return errorf(ct.Pos, "dictionary key: %v", err)
	}
	d.Var = b.scope.Claim(Unexported("dict" + Exported(n.Local)))
	b.pkg.Dicts = append(b.pkg.Dicts, d)
	return nil
}

// compareFor returns the function ordering keys of Go type k.
func compareFor(k *GoType) (*Compare, error) {
	under := k
	if k.Kind == Named {
		under = k.Type.Underlying
	}
	switch {
	case under != nil && under.Kind == Basic && under.Name == "string" && k.Kind == Basic:
		return &Compare{Pkg: "strings", Name: "Compare"}, nil
	case under != nil && under.Kind == Basic && under.Name != "bool":
		return &Compare{Pkg: "cmp", Name: "Compare", TypeArg: k}, nil
	case k.Kind == Runtime:
		switch k.Name {
		case "DateTime", "Date", "TimeOfDay", "Duration", "Decimal":
			return &Compare{Runtime: k.Name}, nil
		}
	}
	return nil, fmt.Errorf("a key of Go type %s cannot be ordered", k)
}

func (g *GoType) String() string {
	switch g.Kind {
	case Basic:
		return g.Name
	case Runtime:
		return "soap." + g.Name
	case XMLName:
		return "xml.Name"
	case Named:
		return g.Type.GoName
	case Pointer:
		return "*" + g.Elem.String()
	case Slice:
		return "[]" + g.Elem.String()
	case Map:
		return "map[" + g.Key.String() + "]" + g.Elem.String()
	case Any:
		return "any"
	case Interface:
		return g.Type.Poly.Interface
	}
	return "?"
}
