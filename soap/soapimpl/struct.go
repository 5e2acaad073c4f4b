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
	SOAPType() *Type
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
	// Sequence is one occurrence of a repeated xs:sequence: it has no element of its own, its fields
	// are written in order; an element read goes into the last occurrence when it can continue it
	// (its field comes after the field read last, or is that field and repeats), else starts a new one.
	Sequence
)

// occurs reports whether k is the kind of the occurrences of a repeated xs:choice or xs:sequence.
func (k Kind) occurs() bool { return k == Occurrence || k == Sequence }

// Struct describes a generated struct type: its fields (in schema order), attributes, simple or
// mixed content, and the type it extends. Generated code writes one per struct type as a composite
// literal, which the compiler lays out as static data, and makes it the type's table with NewType.
type Struct struct {
	// Go is the Go type's name, used in errors.
	Go string
	// Type is the schema type's name; zero for an anonymous type.
	Type xml.Name
	// Kind says how the type sits on the wire.
	Kind Kind
	// Zero is a nil pointer to the struct type.
	Zero Message
	// New returns a new value of the type: a pointer to a zero struct.
	New func() any
	// Ptrs stores in p pointers to the Go fields of v, a non-nil pointer to the struct: those of
	// Fields, then of Attrs, then the value of simple content, the mixed content, the field of an
	// xs:anyAttribute, the Presence field and the embedded base value, those the type has (as Text,
	// Mixed, AnyAttr, Presence and Base say). It is nil for a type with none.
	Ptrs func(v any, p []any)
	// Fields are the type's own child elements, in schema order.
	Fields []Field
	// Attrs are the type's own attributes (those of a base type are in the base's table).
	Attrs []Attr
	// Choices are the xs:choice groups among Fields.
	Choices []Choice
	// Text is the codec of the value of simple content; nil for element content.
	Text *Codec
	// Mixed is set for mixed content, held as []soap.Node.
	Mixed bool
	// AnyAttr is set when the type has a field for the attributes an xs:anyAttribute matches.
	AnyAttr bool
	// RawType is set when the type has an xml.Name field holding the xsi:type its element was read
	// with, written back when the element is written without one of its own (a type kept as XML).
	RawType bool
	// Presence is set when the type has a Presence field.
	Presence bool
	// Base is set when the type extends another, whose value it embeds.
	Base bool
}

// Type is the descriptor table of one generated struct type, from which the engine encodes and
// decodes its values, handled as pointers to the struct in an any.
type Type struct {
	s *Struct

	once sync.Once
	inf  *structInfo
}

// NewType returns the descriptor table of the struct type s describes.
func NewType(s *Struct) *Type { return &Type{s: s} }

func (t *Type) isNil(v any) bool { return v == nil || v == any(t.s.Zero) }

func (t *Type) newValue() any { return t.s.New() }

// Name returns the schema type's name, zero for an anonymous type.
func (t *Type) Name() xml.Name { return t.s.Type }

// Struct returns the descriptor the type was made from (NewType), for tools and tests that inspect
// generated types (which fields form the branches of a choice, which attributes are fixed). It must
// not be modified.
func (t *Type) Struct() *Struct { return t.s }

// GoName returns the Go type's name.
func (t *Type) GoName() string { return t.s.Go }

// New returns a new, empty value of the type (a pointer to the struct).
func (t *Type) New() any { return t.newValue() }

// named reports whether n, as the reader returns it, is the schema type's name.
func (t *Type) named(n xmlr.Name) bool {
	typ := &t.info().typ
	return n.NS == typ.ns && string(n.Local) == typ.Local
}

// structInfo is what the engine derives from a table once: the fields and attributes, where Ptrs puts
// the pointers, and the levels of the type (itself and the types it extends), whose elements and
// attributes are flattened in wire order, base types first, for decoding.
type structInfo struct {
	typ   Name
	own   []elem
	attrs []attrInfo
	// nptr is the number of pointers Ptrs stores; the others are the indexes of the pointers to the
	// value of simple content, the mixed content, the xs:anyAttribute field, the xsi:type field, the
	// Presence field and the base value (-1 when the type has none).
	nptr                                              int
	text, mixed, anyAttr, rawType, presence, baseSlot int
	// levels are the tables of the type and of those it extends, the type first, and off the index of
	// each level's pointers in a block holding them all; total is the block's length.
	levels []*Type
	off    []int
	total  int
	// elems are the element fields of every level, base types first.
	elems []elemRef
	// allAttrs are the attributes of every level.
	allAttrs []attrEntry
	// wild is the index in elems of the field taking the elements no field matches (an xs:any
	// wildcard, or a repeated choice with a wildcard branch), or -1.
	wild int
	// anyAttrLvl is the level whose xs:anyAttribute field takes undeclared attributes, or -1.
	anyAttrLvl int
	// seqs is set when a field of some level holds the occurrences of a repeated xs:sequence.
	seqs bool
	// start is the index in elems of the type's own first field: the fields of the types it extends
	// come first, at the same indexes as in their own tables' infos.
	start int
}

type elemRef struct {
	names []*Name // the names the field takes (several for a repeated choice)
	lvl   int     // 0 for the type's own fields, 1 for its base's, ...
	idx   int     // index in the fields of the table of that level
	rep   bool    // the element may occur several times
}

type attrEntry struct {
	name *Name
	lvl  int
	idx  int
}

func (t *Type) info() *structInfo {
	t.once.Do(func() {
		s := t.s
		inf := &structInfo{wild: -1, anyAttrLvl: -1, typ: NewName(s.Type.Space, s.Type.Local),
			text: -1, mixed: -1, anyAttr: -1, rawType: -1, presence: -1, baseSlot: -1}
		inf.own = make([]elem, len(s.Fields))
		for i := range s.Fields {
			inf.own[i] = fieldElem(&s.Fields[i])
		}
		inf.attrs = make([]attrInfo, len(s.Attrs))
		for i := range s.Attrs {
			a := &s.Attrs[i]
			inf.attrs[i] = attrInfo{name: NewName(a.Space, a.Local), goName: a.GoName, fixed: a.Fixed, hasFixed: a.HasFixed, ref: a.Ref, c: a.Codec.c}
		}
		n := len(s.Fields) + len(s.Attrs)
		slot := func(on bool) int {
			if !on {
				return -1
			}
			n++
			return n - 1
		}
		inf.text, inf.mixed, inf.anyAttr, inf.rawType = slot(s.Text != nil), slot(s.Mixed), slot(s.AnyAttr), slot(s.RawType)
		inf.presence, inf.baseSlot = slot(s.Presence), slot(s.Base)
		inf.nptr = n
		inf.levels, inf.off, inf.total = []*Type{t}, []int{0}, n
		if s.Base {
			p := make([]any, n)
			s.Ptrs(s.New(), p)
			b := p[inf.baseSlot].(Message).SOAPType().info()
			for k, l := range b.levels {
				inf.levels = append(inf.levels, l)
				inf.off = append(inf.off, n+b.off[k])
			}
			inf.total = n + b.total
			for _, r := range b.elems {
				r.lvl++
				inf.elems = append(inf.elems, r)
			}
			for _, r := range b.allAttrs {
				r.lvl++
				inf.allAttrs = append(inf.allAttrs, r)
			}
			inf.wild, inf.seqs = b.wild, b.seqs
			if b.anyAttrLvl >= 0 {
				inf.anyAttrLvl = b.anyAttrLvl + 1
			}
		}
		inf.start = len(inf.elems)
		for i := range inf.own {
			f := &inf.own[i]
			if f.wild && inf.wild < 0 {
				inf.wild = len(inf.elems)
			}
			inf.elems = append(inf.elems, elemRef{names: f.names, idx: i, rep: f.flags&Repeated != 0})
			inf.seqs = inf.seqs || f.occ != nil && f.occ.s.Kind == Sequence
		}
		for i := range inf.attrs {
			inf.allAttrs = append(inf.allAttrs, attrEntry{name: &inf.attrs[i].name, idx: i})
		}
		if s.AnyAttr && inf.anyAttrLvl < 0 {
			inf.anyAttrLvl = 0
		}
		t.inf = inf
	})
	return t.inf
}

// fieldElem returns the elem of the struct field f.
func fieldElem(f *Field) elem {
	e := elem{name: NewName(f.Space, f.Local), goName: f.GoName, flags: f.Flags}
	switch {
	case f.Flags&Wildcard != 0:
		e.wild = true
		return e
	case f.Codec.c.table != nil && f.Codec.c.table().s.Kind.occurs():
		occ := f.Codec.c.table()
		e.occ, e.fc = occ, f.Codec.c
		for j := range occ.info().own {
			if b := &occ.info().own[j]; b.wild {
				e.wild = true
			} else {
				e.names = append(e.names, b.names...) // a repeated choice in a sequence has several
			}
		}
		return e
	}
	e.fc, e.mode = f.Codec.c, f.Flags&(Repeated|Ref)
	e.names = []*Name{&e.name}
	return e
}

// ptrs is a stack of pointers to Go fields, shared by the values being encoded or decoded.
type ptrs []any

// push fills a block with the pointers to the fields of v at every level of t (see structInfo) and
// returns it with the length of the stack before it, for pop.
func (s *ptrs) push(t *Type, v any) (block []any, mark int) {
	inf := t.info()
	mark = len(*s)
	*s = append(*s, make([]any, inf.total)...)
	block = (*s)[mark:]
	if inf.nptr > 0 {
		t.s.Ptrs(v, block[:inf.nptr:inf.nptr])
	}
	for k := 1; k < len(inf.levels); k++ {
		prev := inf.levels[k-1].info()
		bv := block[inf.off[k-1]+prev.baseSlot]
		l := inf.levels[k]
		if n := l.info().nptr; n > 0 {
			l.s.Ptrs(bv, block[inf.off[k]:inf.off[k]+n:inf.off[k]+n])
		}
	}
	return block, mark
}

// pop removes the block pushed at mark, clearing it so that it does not keep values alive.
func (s *ptrs) pop(mark int) {
	clear((*s)[mark:])
	*s = (*s)[:mark]
}

// presenceAt returns the Presence of the level of a block whose pointers begin at p, or nil.
func (inf *structInfo) presenceAt(p []any) *soap.Presence {
	if inf.presence < 0 {
		return nil
	}
	return p[inf.presence].(*soap.Presence)
}

// encodeElem writes v as the element name, with xsi:type typ unless it is zero. A nil v is written
// with xsi:nil.
func (t *Type) encodeElem(e *Encoder, name *Name, typ xml.Name, v any) {
	s := t.s
	switch {
	case t.isNil(v) && (s.Kind.occurs() || s.Kind == Parts):
		e.Errorf("soap: a nil *%s", s.Go)
		return
	case t.isNil(v):
		e.startName(name, xml.Name{})
		e.NilAttr()
		e.EndElement()
		return
	case s.Kind == Abstract:
		e.Errorf("soap: %s is abstract: send a value of a type derived from it", s.Go)
		return
	}
	inf := t.info()
	block, mark := e.ptrs.push(t, v)
	defer e.ptrs.pop(mark)
	if s.Kind.occurs() || s.Kind == Parts {
		t.encodeFields(e, block)
		return
	}
	if typ.Local == "" && inf.rawType >= 0 {
		typ = *block[inf.rawType].(*xml.Name) // the xsi:type a value kept as XML was read with
	}
	e.startName(name, typ)
	for k := len(inf.levels) - 1; k >= 0; k-- {
		inf.levels[k].encodeAttrs(e, block[inf.off[k]:])
	}
	switch {
	case inf.text >= 0:
		s.Text.c.text(e, block[inf.text])
	case inf.mixed >= 0:
		encodeNodes(e, *block[inf.mixed].(*[]soap.Node))
	}
	t.encodeFields(e, block)
	e.EndElement()
}

// encodeAttrs writes the attributes of one level, whose pointers begin at p.
func (t *Type) encodeAttrs(e *Encoder, p []any) {
	inf := t.info()
	n := len(inf.own)
	for i := range inf.attrs {
		a := &inf.attrs[i]
		a.c.attr(e, a, p[n+i])
	}
	if inf.anyAttr >= 0 {
		for _, a := range *p[inf.anyAttr].(*[]xml.Attr) {
			e.Attr(a.Name, a.Value)
		}
	}
}

// encodeFields writes the child elements of every level of a block, base types first.
func (t *Type) encodeFields(e *Encoder, block []any) {
	inf := t.info()
	for k := len(inf.levels) - 1; k >= 0; k-- {
		l := inf.levels[k]
		li := l.info()
		if len(li.own) == 0 {
			continue
		}
		p := block[inf.off[k]:]
		pres := li.presenceAt(p)
		l.checkPresence(e, pres)
		for i := range l.s.Choices {
			l.s.Choices[i].check(e, l, pres, p)
		}
		for i := range li.own {
			l.encodeField(e, &li.own[i], pres, p[i])
		}
	}
}

// encodeField writes field f, whose Go field ptr points to.
func (t *Type) encodeField(e *Encoder, f *elem, p *soap.Presence, ptr any) {
	switch {
	case f.occ != nil:
		for i, n := 0, f.fc.sliceLen(ptr); i < n; i++ {
			it := f.fc.sliceAt(ptr, i)
			if f.occ.isNil(it) {
				e.Errorf("soap: a nil occurrence of a repeated choice or sequence")
				continue
			}
			f.occ.encodeElem(e, nil, xml.Name{}, it)
		}
	case f.fc != nil:
		f.fc.enc(f.mode, e, f, t.s.Go, p, ptr)
	default: // a wildcard
		for _, el := range *ptr.(*[]*soap.Element) {
			if el == nil {
				e.Errorf("soap: a nil *Element in the elements of an xs:any wildcard")
				continue
			}
			encodeElement(e, el, xml.Name{}, xml.Name{})
		}
	}
}

// unset reports whether the Go field ptr points to, of field f, holds no value (for choices): nil,
// an empty slice, a zero simple value.
func (f *elem) unset(ptr any) bool {
	switch {
	case f.occ != nil:
		return f.fc.sliceLen(ptr) == 0
	case f.fc != nil:
		return f.fc.unset(f.mode, ptr)
	}
	return len(*ptr.(*[]*soap.Element)) == 0
}

// checkPresence records an encoding error when p holds a state for a name that is not one of t's
// fields: a misspelt name, or a field of a type t extends, whose state belongs in that type's own
// Presence; or for a repeated element, whose occurrences are the values of a slice.
func (t *Type) checkPresence(e *Encoder, p *soap.Presence) {
	if p == nil || empty(p) {
		return
	}
	inf := t.info()
	for _, name := range p.Fields() {
		f := inf.field(name)
		switch {
		case f == nil:
			e.Errorf("soap: %s.Presence holds %s for %q, which is not a field of %s (a field of a type it extends has its state in that type's Presence)", t.s.Go, p.State(name), name, t.s.Go)
		case f.flags&(Repeated|Wildcard) != 0:
			e.Errorf("soap: %s.Presence holds %s for %q, a repeated element: its occurrences are the values of the slice", t.s.Go, p.State(name), name)
		}
	}
	for _, name := range presenceNilFields(p) {
		if inf.field(name) == nil {
			e.Errorf("soap: %s.Presence records nil items or dictionary values for %q, which is not a field of %s", t.s.Go, name, t.s.Go)
		}
	}
}

// field returns the type's own field whose Go name is name, or nil.
func (inf *structInfo) field(name string) *elem {
	for i := range inf.own {
		if inf.own[i].goName == name {
			return &inf.own[i]
		}
	}
	return nil
}

// EncodeHeader writes the header blocks of v (a pointer to the header struct) listed in which
// (indexes into the table's fields); a nil v writes none. The struct's Presence may hold states for
// its blocks only.
func (t *Type) EncodeHeader(e *Encoder, v any, which []int) {
	if t.isNil(v) {
		return
	}
	block, mark := e.ptrs.push(t, v)
	defer e.ptrs.pop(mark)
	inf := t.info()
	pres := inf.presenceAt(block)
	t.checkPresence(e, pres)
	for _, i := range which {
		t.encodeField(e, &inf.own[i], pres, block[i])
	}
}

// headerBlock returns the index of the header block just started among the table's fields, or -1.
func (t *Type) headerBlock(d *Decoder) int {
	own := t.info().own
	for i := range own {
		if d.match(&own[i].name) {
			return i
		}
	}
	return -1
}

// decodeHeaderBlock decodes the header block just started, field i of the table, into v.
func (t *Type) decodeHeaderBlock(d *Decoder, v any, i int) error {
	block, mark := d.ptrs.push(t, v)
	defer d.ptrs.pop(mark)
	return t.decodeField(d, &t.info().own[i], t.info().presenceAt(block), block[i])
}

// DecodeHeader decodes the header block just started into v when it is one of the table's fields,
// and reports whether it was.
func (t *Type) DecodeHeader(d *Decoder, v any) (bool, error) {
	i := t.headerBlock(d)
	if i < 0 {
		return false, nil
	}
	return true, t.decodeHeaderBlock(d, v, i)
}

// decodeField reads the element just started into field f, whose Go field ptr points to.
func (t *Type) decodeField(d *Decoder, f *elem, p *soap.Presence, ptr any) error {
	switch {
	case f.occ != nil:
		x := f.occ.newValue()
		if err := f.occ.decodeOne(d, x); err != nil {
			return err
		}
		f.fc.sliceAppend(ptr, x)
		return nil
	case f.fc != nil:
		return f.fc.dec(f.mode, d, f, p, ptr)
	}
	el, err := captureElement(d)
	if err != nil {
		return err
	}
	dst := ptr.(*[]*soap.Element)
	*dst = append(*dst, el)
	return nil
}

// decode reads the element just started (its attributes and content, up to and including its end
// tag) into v.
func (t *Type) decode(d *Decoder, v any) error {
	if k := t.s.Kind; k.occurs() || k == Parts {
		return t.decodeOne(d, v)
	}
	// No defers: with the many returns of decodeIn they would not be open-coded. A panic leaves the
	// stacks as they are; Reset empties them.
	block, mark := d.ptrs.push(t, v)
	err := t.decodeIn(d, block)
	d.ptrs.pop(mark)
	return err
}

// decodeIn is decode, the pointers to the fields of the value in block.
func (t *Type) decodeIn(d *Decoder, block []any) error {
	inf := t.info()
	if inf.rawType >= 0 {
		typ, _, err := d.xsiType()
		if err != nil {
			return err
		}
		*block[inf.rawType].(*xml.Name) = typ
	}
	if len(inf.allAttrs) > 0 || inf.anyAttrLvl >= 0 {
		if err := t.decodeAttrs(d, block, inf); err != nil {
			return err
		}
	}
	switch {
	case inf.text >= 0:
		return t.s.Text.c.textDec(d, block[inf.text])
	case inf.mixed >= 0:
		return decodeNodes(d, block[inf.mixed].(*[]soap.Node))
	}
	if len(inf.elems) == 0 {
		return d.children(d.unknown)
	}
	// Which fields occurred: on the Decoder's stack of flags, which nested values share.
	base := len(d.seen)
	d.seen = append(d.seen, make([]bool, len(inf.elems))...)
	// For each field holding the occurrences of a repeated xs:sequence, the index of the field of the
	// occurrence read last (-1 before the first), on a stack nested values share too.
	lastBase := len(d.last)
	if inf.seqs {
		for range inf.elems {
			d.last = append(d.last, -1)
		}
	}
	err := t.decodeChildren(d, inf, block, base, lastBase)
	d.seen, d.last = d.seen[:base], d.last[:lastBase]
	return err
}

// decodeChildren reads the child elements into the fields of the value whose pointers are in block,
// and records in its Presence the fields that did not occur; base and lastBase are where the
// value's flags are on d.seen and d.last.
func (t *Type) decodeChildren(d *Decoder, inf *structInfo, block []any, base, lastBase int) error {
	next := 0 // the field expected next: children usually come in schema order
	for {
		// A loop rather than d.children: one call through a closure fewer per child.
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
			if k = inf.wild; k < 0 {
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
		l := inf.levels[r.lvl]
		li := l.info()
		p := block[inf.off[r.lvl]:]
		if f := &li.own[r.idx]; f.occ != nil && f.occ.s.Kind == Sequence {
			err = f.decodeSequence(d, p[r.idx], &d.last[lastBase+k])
		} else {
			err = l.decodeField(d, &li.own[r.idx], li.presenceAt(p), p[r.idx])
		}
		if err != nil {
			return err
		}
	}
	seen := d.seen[base : base+len(inf.elems)]
	for k, l := range inf.levels {
		li := l.info()
		if len(li.own) == 0 {
			continue
		}
		pres := li.presenceAt(block[inf.off[k]:])
		for i := range li.own {
			if !seen[li.start+i] {
				li.own[i].observe(pres, soap.Absent, true)
			}
		}
	}
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

func (t *Type) decodeAttrs(d *Decoder, block []any, inf *structInfo) error {
	for i, n := 0, d.numAttr(); i < n; i++ {
		k := -1
		for j := range inf.allAttrs {
			if d.attrMatch(i, inf.allAttrs[j].name) {
				k = j
				break
			}
		}
		if k >= 0 {
			r := &inf.allAttrs[k]
			li := inf.levels[r.lvl].info()
			a := &li.attrs[r.idx]
			if err := a.c.attrDec(d, a, block[inf.off[r.lvl]+len(li.own)+r.idx], d.attrValue(i)); err != nil {
				return err
			}
			continue
		}
		if inf.anyAttrLvl >= 0 && d.otherAttr(i) {
			li := inf.levels[inf.anyAttrLvl].info()
			dst := block[inf.off[inf.anyAttrLvl]+li.anyAttr].(*[]xml.Attr)
			*dst = append(*dst, d.attr(i))
		}
	}
	return nil
}

// decodeOne reads the element just started into v, an Occurrence or Parts value: the element of one
// branch, or of one part.
func (t *Type) decodeOne(d *Decoder, v any) error {
	block, mark := d.ptrs.push(t, v)
	defer d.ptrs.pop(mark)
	inf := t.info()
	pres := inf.presenceAt(block)
	wild := -1
	for i := range inf.own {
		f := &inf.own[i]
		if f.wild {
			wild = i
			continue
		}
		if matchAny(d, f.names) { // several names for a repeated choice in the occurrence
			return t.decodeField(d, f, pres, block[i])
		}
	}
	if wild >= 0 && t.s.Kind.occurs() {
		return t.decodeField(d, &inf.own[wild], pres, block[wild])
	}
	return d.unknown()
}

// decodeSequence reads the element just started, which belongs to f, the occurrences of a repeated
// xs:sequence, into the slice ptr points to: into the last occurrence when the element can continue
// it (its field comes after the field read last, *last, or is that field and repeats), else into a
// new occurrence appended. It records the element's field in *last.
func (f *elem) decodeSequence(d *Decoder, ptr any, last *int) error {
	own := f.occ.info().own
	i, wild := -1, -1
	for j := range own {
		switch {
		case own[j].wild:
			if wild < 0 {
				wild = j
			}
		case matchAny(d, own[j].names):
			i = j
		}
		if i >= 0 {
			break
		}
	}
	if i < 0 {
		if i = wild; i < 0 {
			return d.unknown()
		}
	}
	repeats := own[i].flags&(Repeated|Wildcard) != 0 || own[i].occ != nil
	n := f.fc.sliceLen(ptr)
	if *last < 0 || n == 0 || i < *last || i == *last && !repeats {
		f.fc.sliceAppend(ptr, f.occ.newValue())
		n++
	}
	*last = i
	it := f.fc.sliceAt(ptr, n-1)
	block, mark := d.ptrs.push(f.occ, it)
	defer d.ptrs.pop(mark)
	return f.occ.decodeField(d, &own[i], f.occ.info().presenceAt(block), block[i])
}

// DecodeParts reads the elements of a reply's Body into v, a Parts value: the element just started,
// then the others up to and including the Body's end tag, each into the field of its part (in any
// order). A part the reply lacks is recorded as absent in v's Presence.
func (t *Type) DecodeParts(d *Decoder, v any) error {
	own := t.info().own
	seen := make([]bool, len(own))
	part := func() error {
		for i := range own {
			if d.match(&own[i].name) {
				seen[i] = true
			}
		}
		return t.decodeOne(d, v)
	}
	if err := part(); err != nil {
		return err
	}
	if err := d.children(part); err != nil {
		return err
	}
	block, mark := d.ptrs.push(t, v)
	defer d.ptrs.pop(mark)
	pres := t.info().presenceAt(block)
	for i := range own {
		if !seen[i] {
			own[i].observe(pres, soap.Absent, true)
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
// required) would be sent; p are the pointers to the fields of t's value.
func (c *Choice) check(e *Encoder, t *Type, pres *soap.Presence, p []any) {
	set := 0
	for _, br := range c.Branches {
		if t.branchSent(br, pres, p) {
			set++
		}
	}
	if set == 1 || set == 0 && !c.Required {
		return
	}
	var names, sent []string
	for _, br := range c.Branches {
		var parts []string
		for _, i := range br {
			parts = append(parts, t.s.Fields[i].GoName)
		}
		name := strings.Join(parts, "+")
		names = append(names, name)
		if t.branchSent(br, pres, p) {
			sent = append(sent, name)
		}
	}
	if len(sent) > 1 {
		e.Errorf("soap: %s: the choice between %s allows one, but %s are set", t.s.Go, strings.Join(names, ", "), strings.Join(sent, " and "))
	} else {
		e.Errorf("soap: %s: the choice between %s requires one, but none is set", t.s.Go, strings.Join(names, ", "))
	}
}

func (t *Type) branchSent(br []int, pres *soap.Presence, p []any) bool {
	own := t.info().own
	for _, i := range br {
		f := &own[i]
		unset := f.unset(p[i])
		if f.flags&(Repeated|Wildcard) != 0 || f.occ != nil {
			if !unset {
				return true
			}
		} else if f.state(pres, unset) != soap.Absent {
			return true
		}
	}
	return false
}
