package soapimpl

import (
	"encoding/xml"
	"strings"
	"sync"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Message is implemented by the generated struct types (through a pointer): SOAPType returns the
// descriptor table the engine encodes and decodes them with. A nil receiver is valid.
type Message interface {
	SOAPType() Type
}

// Type is the descriptor of a generated struct type, as the engine handles it when the Go type is
// known only at run time (an xs:anyType value, a value held in a base type's interface, a type found
// through xsi:type). Only *Struct implements it.
type Type interface {
	// Name returns the schema type's name, zero for an anonymous type.
	Name() xml.Name
	// GoName returns the Go type's name.
	GoName() string
	newAny() any
	isNil(v any) bool
	encodeAny(e *Encoder, name *Name, typ xml.Name, v any)
	decodeAny(d *Decoder, v any) error
	info() *structInfo
}

// Kind says how a struct type sits on the wire.
type Kind uint8

// Kinds of struct types.
const (
	// Plain is a type with an element of its own.
	Plain Kind = iota
	// Abstract is an abstract complex type: a value of it cannot be sent, only values of the types
	// derived from it.
	Abstract
	// Occurrence is one occurrence of a repeated xs:choice: it has no element of its own, it is
	// written as its chosen branch's element.
	Occurrence
	// Parts holds the parts of a document-style message with several body parts: it has no element
	// of its own, each part is an element of the Body.
	Parts
	// Header holds the header blocks of a client's requests or replies: each field is a block.
	Header
)

// Struct is the descriptor table of one generated struct type, P being the pointer to it (*Webhook).
// Generated code declares one per struct type, as a package variable, and the engine encodes and
// decodes every struct from its table: its fields (in schema order), attributes, simple or mixed
// content, and the table of the type it extends.
type Struct[P comparable] struct {
	// Go is the Go type's name, used in errors.
	Go string
	// Type is the schema type's name; zero for an anonymous type.
	Type xml.Name
	// Kind says how the type sits on the wire.
	Kind Kind
	// New returns a new, empty value.
	New func() P
	// Base links to the embedded value of the type this one extends (Extends); nil when none.
	Base Base[P]
	// Presence returns the struct's Presence field; nil when it has none.
	Presence func(P) *soap.Presence
	// Attrs are the type's own attributes (those of a base type are in the base's table).
	Attrs []AttrOf[P]
	// AnyAttr returns the field holding the attributes an xs:anyAttribute matched; nil when none.
	AnyAttr func(P) *[]xml.Attr
	// Text describes simple content (TextContent); nil for element content.
	Text TextOf[P]
	// Mixed returns the field holding mixed content; nil when the content is not mixed.
	Mixed func(P) *[]soap.Node
	// Fields are the type's own child elements, in schema order.
	Fields []FieldOf[P]
	// Choices are the xs:choice groups among Fields.
	Choices []Choice

	once sync.Once
	inf  *structInfo
}

// Name returns the schema type's name.
func (t *Struct[P]) Name() xml.Name { return t.Type }

// named reports whether n, as the reader returns it, is the schema type's name.
func (t *Struct[P]) named(n xmlr.Name) bool {
	typ := &t.info().typ
	return n.NS == typ.ns && string(n.Local) == typ.Local
}

// GoName returns the Go type's name.
func (t *Struct[P]) GoName() string { return t.Go }

func (t *Struct[P]) newAny() any { return t.New() }

func (t *Struct[P]) isNil(v any) bool {
	x, ok := v.(P)
	var zero P
	return !ok || x == zero
}

func (t *Struct[P]) encodeAny(e *Encoder, name *Name, typ xml.Name, v any) {
	x, ok := v.(P)
	if !ok {
		e.Errorf("soap: %s: a %T is not a %s", name.Local, v, t.Go)
		return
	}
	t.encodeElem(e, name, typ, x)
}

func (t *Struct[P]) decodeAny(d *Decoder, v any) error {
	x, ok := v.(P)
	if !ok {
		return d.Errorf("type %T cannot be decoded as %s", v, t.Go)
	}
	return t.decode(d, x)
}

// Base links a struct type to the type it extends: the embedded base value and the base's table.
// Extends makes one.
type Base[P any] interface {
	info() *structInfo
	encodeAttrs(e *Encoder, v P)
	encodeFields(e *Encoder, v P)
	decodeAttr(d *Decoder, v P, lvl, idx int, s []byte) error
	anyAttr(v P, lvl int) *[]xml.Attr
	decodeAt(d *Decoder, v P, lvl, idx int) error
	missing(v P, seen []bool)
}

type extends[P comparable, B interface {
	comparable
	Message
}] struct {
	get func(P) B
}

// Extends links the table of a derived type to the table of the type it extends (B, a pointer to the
// base struct, found through its SOAPType method): get returns the embedded base value.
func Extends[P comparable, B interface {
	comparable
	Message
}](get func(P) B) Base[P] {
	return extends[P, B]{get: get}
}

func (x extends[P, B]) table() *Struct[B] {
	var zero B
	return zero.SOAPType().(*Struct[B])
}

func (x extends[P, B]) info() *structInfo { return x.table().info() }

func (x extends[P, B]) encodeAttrs(e *Encoder, v P)  { x.table().encodeAttrs(e, x.get(v)) }
func (x extends[P, B]) encodeFields(e *Encoder, v P) { x.table().encodeFields(e, x.get(v)) }

func (x extends[P, B]) decodeAttr(d *Decoder, v P, lvl, idx int, s []byte) error {
	return x.table().decodeAttr(d, x.get(v), lvl, idx, s)
}

func (x extends[P, B]) anyAttr(v P, lvl int) *[]xml.Attr { return x.table().anyAttrAt(x.get(v), lvl) }

func (x extends[P, B]) decodeAt(d *Decoder, v P, lvl, idx int) error {
	return x.table().decodeAt(d, x.get(v), lvl, idx)
}

func (x extends[P, B]) missing(v P, seen []bool) { x.table().missing(x.get(v), seen) }

// structInfo is what the engine derives from a table once: its elements and attributes and those of
// the types it extends, flattened in wire order (base types first), for decoding.
type structInfo struct {
	goName string
	// elems are the element fields of every level, base types first; lvl 0 is the type itself.
	elems []elemRef
	// attrs are the attributes of every level.
	attrs []attrEntry
	// wild is the index in elems of the field taking the elements no field matches (an xs:any
	// wildcard, or a repeated choice with a wildcard branch), or -1.
	wild int
	// anyAttr is the level whose AnyAttr field takes undeclared attributes, or -1.
	anyAttr int
	// own is the index in elems of the type's own first field: the fields of the types it extends
	// come first, at the same indexes as in their own tables' infos.
	own int
	// typ is the schema type's name.
	typ Name
}

type elemRef struct {
	names []*Name // the names the field takes (several for a repeated choice)
	lvl   int     // 0 for the type's own fields, 1 for its base's, ...
	idx   int     // index in the Fields of the table of that level
	rep   bool    // the element may occur several times
}

type attrEntry struct {
	name *Name
	lvl  int
	idx  int
}

func (t *Struct[P]) info() *structInfo {
	t.once.Do(func() {
		inf := &structInfo{goName: t.Go, wild: -1, anyAttr: -1, typ: NewName(t.Type.Space, t.Type.Local)}
		if t.Base != nil {
			b := t.Base.info()
			for _, r := range b.elems {
				r.lvl++
				inf.elems = append(inf.elems, r)
			}
			for _, r := range b.attrs {
				r.lvl++
				inf.attrs = append(inf.attrs, r)
			}
			if b.wild >= 0 {
				inf.wild = b.wild
			}
			if b.anyAttr >= 0 {
				inf.anyAttr = b.anyAttr + 1
			}
		}
		inf.own = len(inf.elems)
		for i := range t.Fields {
			f := &t.Fields[i]
			r := elemRef{names: f.ops.names(&f.Field), lvl: 0, idx: i, rep: f.Flags&Repeated != 0}
			if f.ops.wildcard() && inf.wild < 0 {
				inf.wild = len(inf.elems)
			}
			inf.elems = append(inf.elems, r)
		}
		for i := range t.Attrs {
			inf.attrs = append(inf.attrs, attrEntry{name: &t.Attrs[i].Name, lvl: 0, idx: i})
		}
		if t.AnyAttr != nil && inf.anyAttr < 0 {
			inf.anyAttr = 0
		}
		t.inf = inf
	})
	return t.inf
}

// encodeElem writes v as the element name, with xsi:type typ unless it is zero. A nil v is written
// with xsi:nil.
func (t *Struct[P]) encodeElem(e *Encoder, name *Name, typ xml.Name, v P) {
	var zero P
	switch {
	case v == zero && (t.Kind == Occurrence || t.Kind == Parts):
		e.Errorf("soap: a nil *%s", t.Go)
		return
	case v == zero:
		e.startName(name, xml.Name{})
		e.NilAttr()
		e.EndElement()
		return
	case t.Kind == Abstract:
		e.Errorf("soap: %s is abstract: send a value of a type derived from it", t.Go)
		return
	case t.Kind == Occurrence:
		t.encodeOccurrence(e, v)
		return
	case t.Kind == Parts:
		t.encodeParts(e, v)
		return
	}
	e.startName(name, typ)
	t.encodeAttrs(e, v)
	switch {
	case t.Text != nil:
		t.Text.encode(e, v)
	case t.Mixed != nil:
		encodeNodes(e, *t.Mixed(v))
	}
	t.encodeFields(e, v)
	e.EndElement()
}

// Encode writes v as the element name (the body of a request, a header block, a fault detail): a nil
// v with xsi:nil, an Occurrence or Parts value as its elements.
func (t *Struct[P]) Encode(e *Encoder, name xml.Name, v P) {
	n := NewName(name.Space, name.Local)
	t.encodeElem(e, &n, xml.Name{}, v)
}

func (t *Struct[P]) encodeAttrs(e *Encoder, v P) {
	if t.Base != nil {
		t.Base.encodeAttrs(e, v)
	}
	for i := range t.Attrs {
		a := &t.Attrs[i]
		a.ops.encode(e, a, t.Go, v)
	}
	if t.AnyAttr != nil {
		for _, a := range *t.AnyAttr(v) {
			e.Attr(a.Name, a.Value)
		}
	}
}

func (t *Struct[P]) presence(v P) *soap.Presence {
	if t.Presence == nil {
		return nil
	}
	return t.Presence(v)
}

func (t *Struct[P]) encodeFields(e *Encoder, v P) {
	if t.Base != nil {
		t.Base.encodeFields(e, v)
	}
	if len(t.Fields) == 0 {
		return
	}
	p := t.presence(v)
	t.checkPresence(e, p)
	for i := range t.Choices {
		t.Choices[i].check(e, t, p, v)
	}
	for i := range t.Fields {
		f := &t.Fields[i]
		f.ops.encode(e, &f.Field, t.Go, p, v)
	}
}

// checkPresence records an encoding error when p holds a state for a name that is not one of t's
// fields: a misspelt name, or a field of a type t extends, whose state belongs in that type's own
// Presence; or for a repeated element, whose occurrences are the values of a slice.
func (t *Struct[P]) checkPresence(e *Encoder, p *soap.Presence) {
	if p == nil || empty(p) {
		return
	}
	for _, name := range p.Fields() {
		var f *Field
		for i := range t.Fields {
			if t.Fields[i].GoName == name {
				f = &t.Fields[i].Field
				break
			}
		}
		switch {
		case f == nil:
			e.Errorf("soap: %s.Presence holds %s for %q, which is not a field of %s (a field of a type it extends has its state in that type's Presence)", t.Go, p.State(name), name, t.Go)
		case f.Flags&Repeated != 0:
			e.Errorf("soap: %s.Presence holds %s for %q, a repeated element: its occurrences are the values of the slice", t.Go, p.State(name), name)
		}
	}
}

func (t *Struct[P]) encodeOccurrence(e *Encoder, v P) {
	p := t.presence(v)
	t.checkPresence(e, p)
	for i := range t.Choices {
		t.Choices[i].check(e, t, p, v)
	}
	for i := range t.Fields {
		f := &t.Fields[i]
		f.ops.encode(e, &f.Field, t.Go, p, v)
	}
}

func (t *Struct[P]) encodeParts(e *Encoder, v P) {
	p := t.presence(v)
	t.checkPresence(e, p)
	for i := range t.Fields {
		f := &t.Fields[i]
		f.ops.encode(e, &f.Field, t.Go, p, v)
	}
}

// EncodeHeader writes the header blocks of v listed in which (indexes into t.Fields); a nil v writes
// none.
func (t *Struct[P]) EncodeHeader(e *Encoder, v P, which []int) {
	var zero P
	if v == zero {
		return
	}
	for _, i := range which {
		f := &t.Fields[i]
		f.ops.encode(e, &f.Field, t.Go, nil, v)
	}
}

// DecodeHeader decodes the header block just started into v when it is one of t's fields, and
// reports whether it was.
func (t *Struct[P]) DecodeHeader(d *Decoder, v P) (bool, error) {
	for i := range t.Fields {
		f := &t.Fields[i]
		if d.match(&f.Name) {
			return true, f.ops.decode(d, &f.Field, nil, v)
		}
	}
	return false, nil
}

// decode reads the element just started (its attributes and content, up to and including its end
// tag) into v.
func (t *Struct[P]) decode(d *Decoder, v P) error {
	switch t.Kind {
	case Occurrence:
		return t.decodeOccurrence(d, v)
	case Parts:
		return t.decodePart(d, v)
	}
	inf := t.info()
	if len(inf.attrs) > 0 || inf.anyAttr >= 0 {
		if err := t.decodeAttrs(d, v, inf); err != nil {
			return err
		}
	}
	switch {
	case t.Text != nil:
		return t.Text.decode(d, v)
	case t.Mixed != nil:
		return decodeNodes(d, t.Mixed(v))
	}
	if len(inf.elems) == 0 {
		for {
			ok, err := d.child()
			if err != nil || !ok {
				return err
			}
			if err := d.unknown(); err != nil {
				return err
			}
		}
	}
	// Which fields occurred: on the Decoder's stack of flags, which nested values share.
	base := len(d.seen)
	d.seen = append(d.seen, make([]bool, len(inf.elems))...)
	defer func() { d.seen = d.seen[:base] }()
	next := 0 // the field expected next: children usually come in schema order
	for {
		ok, err := d.child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		k := -1
		if next < len(inf.elems) && matchAny(d, inf.elems[next].names) {
			k = next
		} else {
			for j := range inf.elems {
				if j != next && matchAny(d, inf.elems[j].names) {
					k = j
					break
				}
			}
		}
		if k < 0 {
			k = inf.wild
			if k < 0 {
				if err := d.unknown(); err != nil {
					return err
				}
				continue
			}
		} else {
			d.seen[base+k] = true
			next = k + 1
			if inf.elems[k].rep { // it may come again
				next = k
			}
		}
		r := &inf.elems[k]
		if err := t.decodeAt(d, v, r.lvl, r.idx); err != nil {
			return err
		}
	}
	t.missing(v, d.seen[base:base+len(inf.elems)])
	return nil
}

func matchAny(d *Decoder, names []*Name) bool {
	for _, n := range names {
		if d.match(n) {
			return true
		}
	}
	return false
}

// decodeAt decodes the element just started into field idx of level lvl of v.
func (t *Struct[P]) decodeAt(d *Decoder, v P, lvl, idx int) error {
	if lvl > 0 {
		return t.Base.decodeAt(d, v, lvl-1, idx)
	}
	f := &t.Fields[idx]
	return f.ops.decode(d, &f.Field, t.presence(v), v)
}

// missing records, after the children of v were decoded, the fields of every level whose elements
// did not occur. seen is indexed like the flattened elements of the type being decoded, which begin
// with those of t (a type it extends, or itself).
func (t *Struct[P]) missing(v P, seen []bool) {
	if t.Base != nil {
		t.Base.missing(v, seen)
	}
	if len(t.Fields) == 0 {
		return
	}
	start := t.info().own
	p := t.presence(v)
	for i := range t.Fields {
		if !seen[start+i] {
			t.Fields[i].observe(p, soap.Absent, true)
		}
	}
}

func (t *Struct[P]) decodeAttrs(d *Decoder, v P, inf *structInfo) error {
	for i, n := 0, d.numAttr(); i < n; i++ {
		k := -1
		for j := range inf.attrs {
			if d.attrMatch(i, inf.attrs[j].name) {
				k = j
				break
			}
		}
		if k >= 0 {
			r := &inf.attrs[k]
			if err := t.decodeAttr(d, v, r.lvl, r.idx, d.attrValue(i)); err != nil {
				return err
			}
			continue
		}
		if inf.anyAttr >= 0 && d.otherAttr(i) {
			dst := t.anyAttrAt(v, inf.anyAttr)
			*dst = append(*dst, d.attr(i))
		}
	}
	return nil
}

func (t *Struct[P]) decodeAttr(d *Decoder, v P, lvl, idx int, s []byte) error {
	if lvl > 0 {
		return t.Base.decodeAttr(d, v, lvl-1, idx, s)
	}
	a := &t.Attrs[idx]
	return a.ops.decode(d, a, v, s)
}

func (t *Struct[P]) anyAttrAt(v P, lvl int) *[]xml.Attr {
	if lvl > 0 {
		return t.Base.anyAttr(v, lvl-1)
	}
	return t.AnyAttr(v)
}

// decodeOccurrence reads the element just started, the element of one branch, into v.
func (t *Struct[P]) decodeOccurrence(d *Decoder, v P) error {
	p := t.presence(v)
	wild := -1
	for i := range t.Fields {
		f := &t.Fields[i]
		if f.ops.wildcard() {
			wild = i
			continue
		}
		if d.match(&f.Name) {
			return f.ops.decode(d, &f.Field, p, v)
		}
	}
	if wild >= 0 {
		f := &t.Fields[wild]
		return f.ops.decode(d, &f.Field, p, v)
	}
	return d.unknown()
}

// decodePart reads the element just started, the element of one part, into v.
func (t *Struct[P]) decodePart(d *Decoder, v P) error {
	p := t.presence(v)
	for i := range t.Fields {
		f := &t.Fields[i]
		if d.match(&f.Name) {
			return f.ops.decode(d, &f.Field, p, v)
		}
	}
	return d.unknown()
}

// DecodeParts reads the elements of a reply's Body into v, a Parts value: the element just started,
// then the others up to and including the Body's end tag, each into the field of its part (in any
// order). A part the reply lacks is recorded as absent in v's Presence.
func (t *Struct[P]) DecodeParts(d *Decoder, v P) error {
	seen := make([]bool, len(t.Fields))
	part := func() error {
		for i := range t.Fields {
			if d.match(&t.Fields[i].Name) {
				seen[i] = true
			}
		}
		return t.decodePart(d, v)
	}
	if err := part(); err != nil {
		return err
	}
	for {
		ok, err := d.child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if err := part(); err != nil {
			return err
		}
	}
	p := t.presence(v)
	for i := range t.Fields {
		if !seen[i] {
			t.Fields[i].observe(p, soap.Absent, true)
		}
	}
	return nil
}

// Choice describes an xs:choice of a generated type: which of the type's fields make up each branch.
type Choice struct {
	// Required is true when one branch must be sent (the choice is not optional).
	Required bool
	// Branches lists, per branch, the indexes of its fields in the table's Fields.
	Branches [][]int
}

// check records an encoding error unless at most one branch (exactly one when the choice is
// required) would be sent.
func (c *Choice) check(e *Encoder, t choiceOwner, p *soap.Presence, v any) {
	set := 0
	for _, br := range c.Branches {
		if t.branchSent(br, p, v) {
			set++
		}
	}
	if set <= 1 && (set == 1 || !c.Required) {
		return
	}
	var names, sent []string
	for _, br := range c.Branches {
		var parts []string
		for _, i := range br {
			parts = append(parts, t.fieldName(i))
		}
		name := strings.Join(parts, "+")
		names = append(names, name)
		if t.branchSent(br, p, v) {
			sent = append(sent, name)
		}
	}
	if len(sent) > 1 {
		e.Errorf("soap: %s: the choice between %s allows one, but %s are set", t.goName(), strings.Join(names, ", "), strings.Join(sent, " and "))
	} else {
		e.Errorf("soap: %s: the choice between %s requires one, but none is set", t.goName(), strings.Join(names, ", "))
	}
}

// choiceOwner is the view of a table a Choice needs.
type choiceOwner interface {
	goName() string
	fieldName(i int) string
	branchSent(br []int, p *soap.Presence, v any) bool
}

func (t *Struct[P]) goName() string         { return t.Go }
func (t *Struct[P]) fieldName(i int) string { return t.Fields[i].GoName }

func (t *Struct[P]) branchSent(br []int, p *soap.Presence, v any) bool {
	x := v.(P)
	for _, i := range br {
		f := &t.Fields[i]
		unset := f.ops.unset(x)
		if f.Flags&Repeated != 0 {
			if !unset {
				return true
			}
		} else if f.state(p, unset) != soap.Absent {
			return true
		}
	}
	return false
}

// FieldOf is one child element of the struct P points to: its descriptor and how its Go field is
// encoded and decoded. Elem, Rep, Wildcard and Choices make them.
type FieldOf[P any] struct {
	Field
	ops fieldOps[P]
}

type fieldOps[P any] interface {
	encode(e *Encoder, f *Field, owner string, p *soap.Presence, v P)
	decode(d *Decoder, f *Field, p *soap.Presence, v P) error
	// unset reports whether the field holds no value (for choices): nil, an empty slice, a zero
	// simple value.
	unset(v P) bool
	names(f *Field) []*Name
	wildcard() bool
}

type elemOps[P, T any] struct {
	c   Value[T]
	get func(P) *T
}

// Elem describes the element {space}local held by the Go field goName of type T, which get returns,
// encoded by c: a single element (not repeated).
func Elem[P, T any](space, local, goName string, flags Flags, c Value[T], get func(P) *T) FieldOf[P] {
	return FieldOf[P]{Field: NewField(space, local, goName, flags), ops: elemOps[P, T]{c: c, get: get}}
}

func (o elemOps[P, T]) encode(e *Encoder, f *Field, owner string, p *soap.Presence, v P) {
	encodeField(e, o.c, f, owner, p, *o.get(v))
}

func (o elemOps[P, T]) decode(d *Decoder, f *Field, p *soap.Presence, v P) error {
	return decodeField(d, o.c, f, p, o.get(v))
}

func (o elemOps[P, T]) unset(v P) bool         { return o.c.unset(*o.get(v)) }
func (o elemOps[P, T]) names(f *Field) []*Name { return []*Name{&f.Name} }
func (o elemOps[P, T]) wildcard() bool         { return false }

type repOps[P, T any] struct {
	c   Value[T]
	get func(P) *[]T
}

// Rep describes the element {space}local that may occur several times (maxOccurs > 1), its
// occurrences held by the Go slice goName, which get returns, each encoded by c.
func Rep[P, T any](space, local, goName string, flags Flags, c Value[T], get func(P) *[]T) FieldOf[P] {
	return FieldOf[P]{Field: NewField(space, local, goName, flags|Repeated), ops: repOps[P, T]{c: c, get: get}}
}

func (o repOps[P, T]) encode(e *Encoder, f *Field, owner string, _ *soap.Presence, v P) {
	for _, x := range *o.get(v) {
		encodeField(e, o.c, f, owner, nil, x)
	}
}

func (o repOps[P, T]) decode(d *Decoder, f *Field, _ *soap.Presence, v P) error {
	dst := o.get(v)
	var zero T
	*dst = append(*dst, zero) // decoded in place: a local would escape
	return decodeField(d, o.c, f, nil, &(*dst)[len(*dst)-1])
}

func (o repOps[P, T]) unset(v P) bool         { return len(*o.get(v)) == 0 }
func (o repOps[P, T]) names(f *Field) []*Name { return []*Name{&f.Name} }
func (o repOps[P, T]) wildcard() bool         { return false }

type wildOps[P any] struct {
	get func(P) *[]*soap.Element
}

// Wildcard describes an xs:any wildcard whose elements the Go field goName holds, kept as XML: when
// decoding, every child element the type does not declare is put there.
func Wildcard[P any](goName string, flags Flags, get func(P) *[]*soap.Element) FieldOf[P] {
	return FieldOf[P]{Field: Field{GoName: goName, Flags: flags | Repeated}, ops: wildOps[P]{get: get}}
}

func (o wildOps[P]) encode(e *Encoder, _ *Field, _ string, _ *soap.Presence, v P) {
	for _, el := range *o.get(v) {
		if el == nil {
			e.Errorf("soap: a nil *Element in the elements of an xs:any wildcard")
			continue
		}
		encodeElement(e, el, xml.Name{}, xml.Name{})
	}
}

func (o wildOps[P]) decode(d *Decoder, _ *Field, _ *soap.Presence, v P) error {
	el, err := captureElement(d)
	if err != nil {
		return err
	}
	dst := o.get(v)
	*dst = append(*dst, el)
	return nil
}

func (o wildOps[P]) unset(v P) bool       { return len(*o.get(v)) == 0 }
func (o wildOps[P]) names(*Field) []*Name { return nil }
func (o wildOps[P]) wildcard() bool       { return true }

type choicesOps[P any, Q interface {
	comparable
	Message
}] struct {
	get func(P) *[]Q
}

// Choices describes the occurrences of a repeated xs:choice, held by the Go slice goName of pointers
// to an Occurrence struct (Q), which get returns.
func Choices[P any, Q interface {
	comparable
	Message
}](goName string, flags Flags, get func(P) *[]Q) FieldOf[P] {
	return FieldOf[P]{Field: Field{GoName: goName, Flags: flags | Repeated}, ops: choicesOps[P, Q]{get: get}}
}

func (o choicesOps[P, Q]) table() *Struct[Q] {
	var zero Q
	return zero.SOAPType().(*Struct[Q])
}

func (o choicesOps[P, Q]) encode(e *Encoder, _ *Field, _ string, _ *soap.Presence, v P) {
	t := o.table()
	var zero Q
	for _, it := range *o.get(v) {
		if it == zero {
			e.Errorf("soap: a nil occurrence of a repeated choice")
			continue
		}
		t.encodeOccurrence(e, it)
	}
}

func (o choicesOps[P, Q]) decode(d *Decoder, _ *Field, _ *soap.Presence, v P) error {
	t := o.table()
	x := t.New()
	if err := t.decodeOccurrence(d, x); err != nil {
		return err
	}
	dst := o.get(v)
	*dst = append(*dst, x)
	return nil
}

func (o choicesOps[P, Q]) unset(v P) bool { return len(*o.get(v)) == 0 }

func (o choicesOps[P, Q]) names(*Field) []*Name {
	t := o.table()
	var out []*Name
	for i := range t.Fields {
		if !t.Fields[i].ops.wildcard() {
			out = append(out, &t.Fields[i].Name)
		}
	}
	return out
}

func (o choicesOps[P, Q]) wildcard() bool {
	t := o.table()
	for i := range t.Fields {
		if t.Fields[i].ops.wildcard() {
			return true
		}
	}
	return false
}

// AttrOf is one attribute of the struct P points to. Attr and AttrRef make them.
type AttrOf[P any] struct {
	Name
	// GoName is the Go field's name, used in errors.
	GoName string
	// fixed is the value the schema fixes, when hasFixed is set.
	fixed    string
	hasFixed bool
	ops      attrOps[P]
}

// Fixed returns a with the value the schema fixes (xs:attribute fixed="..."): encoding another value
// is an error, and a zero Go value in a required attribute is written as the fixed value.
func (a AttrOf[P]) Fixed(value string) AttrOf[P] {
	a.fixed, a.hasFixed = value, true
	return a
}

type attrOps[P any] interface {
	encode(e *Encoder, a *AttrOf[P], owner string, v P)
	decode(d *Decoder, a *AttrOf[P], v P, s []byte) error
}

type attrPlain[P, T any] struct {
	c   *Codec[T]
	get func(P) *T
}

// Attr describes a required attribute {space}local held by the plain Go field goName.
func Attr[P, T any](space, local, goName string, c *Codec[T], get func(P) *T) AttrOf[P] {
	return AttrOf[P]{Name: NewName(space, local), GoName: goName, ops: attrPlain[P, T]{c: c, get: get}}
}

func (o attrPlain[P, T]) encode(e *Encoder, a *AttrOf[P], _ string, v P) {
	x := *o.get(v)
	if a.hasFixed {
		s := o.c.format(e, x)
		switch {
		case o.c.zero(x):
			s = a.fixed
		case !sameText(e, o.c, s, a.fixed):
			e.Errorf("soap: attribute %s (%s) is fixed to %q, not %q", a.Local, a.GoName, a.fixed, s)
			return
		}
		e.attr(a.Space, a.Local, a.secret, s)
		return
	}
	o.c.attr(e, &a.Name, x)
}

func (o attrPlain[P, T]) decode(d *Decoder, a *AttrOf[P], v P, s []byte) error {
	x, err := o.c.parse(d, s)
	if err != nil {
		return d.Errorf("attribute %s: %v", a.Local, err)
	}
	*o.get(v) = x
	return nil
}

type attrPtr[P, T any] struct {
	c   *Codec[T]
	get func(P) **T
}

// AttrRef describes an optional attribute {space}local held by the Go field goName, a pointer: nil
// leaves it out.
func AttrRef[P, T any](space, local, goName string, c *Codec[T], get func(P) **T) AttrOf[P] {
	return AttrOf[P]{Name: NewName(space, local), GoName: goName, ops: attrPtr[P, T]{c: c, get: get}}
}

func (o attrPtr[P, T]) encode(e *Encoder, a *AttrOf[P], _ string, v P) {
	x := *o.get(v)
	if x == nil {
		return
	}
	if a.hasFixed {
		s := o.c.format(e, *x)
		if !sameText(e, o.c, s, a.fixed) {
			e.Errorf("soap: attribute %s (%s) is fixed to %q, not %q", a.Local, a.GoName, a.fixed, s)
			return
		}
		e.attr(a.Space, a.Local, a.secret, s)
		return
	}
	o.c.attr(e, &a.Name, *x)
}

func (o attrPtr[P, T]) decode(d *Decoder, a *AttrOf[P], v P, s []byte) error {
	x, err := o.c.parse(d, s)
	if err != nil {
		return d.Errorf("attribute %s: %v", a.Local, err)
	}
	*o.get(v) = &x
	return nil
}

// sameText reports whether the lexical forms s and fixed denote the same value ("1.0" and "1" do for
// an xs:decimal): fixed is parsed and formatted again when the texts differ.
func sameText[T any](e *Encoder, c *Codec[T], s, fixed string) bool {
	if s == fixed {
		return true
	}
	if c.typ == xsd("QName") {
		return false // a QName's text depends on prefixes in scope
	}
	v, err := c.parse(nil, []byte(fixed))
	return err == nil && c.format(e, v) == s
}

// TextOf describes the simple content of the struct P points to. TextContent makes one.
type TextOf[P any] interface {
	encode(e *Encoder, v P)
	decode(d *Decoder, v P) error
}

type textOps[P, T any] struct {
	c   *Codec[T]
	get func(P) *T
}

// TextContent describes simple content: the text of the element, held by the Go field get returns.
func TextContent[P, T any](c *Codec[T], get func(P) *T) TextOf[P] {
	return textOps[P, T]{c: c, get: get}
}

func (o textOps[P, T]) encode(e *Encoder, v P) { o.c.text(e, *o.get(v)) }

func (o textOps[P, T]) decode(d *Decoder, v P) error { return o.c.decodeValue(d, o.get(v)) }
