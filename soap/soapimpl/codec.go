package soapimpl

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/bridge"
	"github.com/sogen-go/sogen/soap/internal/whitespace"
)

// ops are the operations of a codec on values of type T. Generic code (arrays, dictionaries,
// pointers) uses them on values directly; Codec wraps them for the descriptor tables, which reach a
// Go field through a pointer to it in an any.
type ops[T any] struct {
	// typ is the schema type, written as xsi:type when such a value fills an xs:anyType slot or an
	// encoded message.
	typ xml.Name
	// safe, when not nil, appends the lexical form of v, which never needs escaping nor checking
	// (numbers, booleans): the encoder's fast path.
	safe func(b []byte, v T) []byte
	// format returns the lexical form of v, to be escaped; the Encoder is given for QName values,
	// whose prefix must be declared on the open start tag. Only simple types have one.
	format func(e *Encoder, v T) string
	// parse converts the text of an element or attribute; the Decoder is given for QName values. s
	// is valid only during the call.
	parse func(d *Decoder, s []byte) (T, error)
	// zero reports whether v means "no value": the Go zero value of a simple type, nil for the others.
	zero func(v T) bool
	// noEmpty is set when a value that means "no value" cannot be written in a required,
	// non-nillable element: a zero QName, a nil pointer, a nil interface. Encoding one there is an
	// error naming the field.
	noEmpty bool
	// elem and elemDec, set for the values that are not simple, write v (whose state is Present) as
	// the element f, and read the element just started (not xsi:nil) into *dst. p is the Presence of
	// the struct holding the field (nil for items, keys and values), where arrays and dictionaries
	// find and record their nil items and values.
	elem    func(e *Encoder, f *elem, owner string, p *soap.Presence, v T)
	elemDec func(d *Decoder, f *elem, p *soap.Presence, dst *T) error
	// items is set for arrays and dictionaries: a Presence may record nil items or values of their
	// fields, and of no other field.
	items bool
}

// textOf writes v as the content of the element whose start tag is open.
func textOf[T any](c *ops[T], e *Encoder, v T) {
	if c.safe != nil {
		e.endSafeText(c.safe(e.safeText(), v))
		return
	}
	e.Text(c.format(e, v))
}

// attrOf writes v as the attribute n of the open start tag.
func attrOf[T any](c *ops[T], e *Encoder, n *Name, v T) {
	if c.safe != nil {
		if e.attrName(n.Space, n.Local) {
			before := len(e.buf)
			e.buf = c.safe(e.buf, v)
			if n.secret {
				e.addSecret(string(e.buf[before:]))
			}
			e.buf = append(e.buf, '"')
		}
		return
	}
	e.attr(n.Space, n.Local, n.secret, c.format(e, v))
}

// encodeValue writes v, whose state is Present, as the element f; owner names the Go type holding the
// field, for errors.
func encodeValue[T any](c *ops[T], e *Encoder, f *elem, owner string, p *soap.Presence, v T) {
	if c.elem != nil {
		c.elem(e, f, owner, p, v)
		return
	}
	var typ xml.Name
	if e.encoded {
		typ = c.typ
	}
	e.startName(&f.name, typ)
	textOf(c, e, v)
	e.EndElement()
}

// decodeValue reads the element just started, which is not xsi:nil, into *dst.
func decodeValue[T any](c *ops[T], d *Decoder, f *elem, p *soap.Presence, dst *T) error {
	if c.elemDec != nil {
		return c.elemDec(d, f, p, dst)
	}
	return decodeSimple(c, d, dst)
}

// decodeSimple reads the text of the element just started into *dst.
func decodeSimple[T any](c *ops[T], d *Decoder, dst *T) error {
	s, err := d.text()
	if err != nil {
		return err
	}
	v, err := c.parse(d, s)
	if err != nil {
		return d.wrap(err)
	}
	*dst = v
	return nil
}

// simpleValue reads the element just started, of a simple type (c.elemDec is nil), and returns its
// value: the zero value for xsi:nil. It is decodeField for a value with no Presence, returned rather
// than stored, so that the caller's variable does not escape.
func simpleValue[T any](d *Decoder, c *ops[T]) (T, error) {
	var zero T
	if d.isNil() {
		return zero, d.skip()
	}
	s, err := d.text()
	if err != nil {
		return zero, err
	}
	v, err := c.parse(d, s)
	if err != nil {
		return zero, d.wrap(err)
	}
	return v, nil
}

// encodeField writes v as the element f following its state.
func encodeField[T any](e *Encoder, c *ops[T], f *elem, owner string, p *soap.Presence, v T) {
	if p != nil && !c.items && hasNils(p, f.goName) {
		e.Errorf("soap: Presence records nil items or dictionary values for %q, which holds neither an array nor a dictionary", f.goName)
	}
	switch f.state(p, c.zero(v)) {
	case soap.Absent:
	case soap.Nil:
		e.nilName(&f.name)
	case missing:
		if c.noEmpty {
			e.Errorf("soap: %s has no value, but the element %s is required and not nillable", where(owner, f), f.name.Local)
			return
		}
		encodeValue(c, e, f, owner, p, v)
	default:
		encodeValue(c, e, f, owner, p, v)
	}
}

// decodeField reads the element just started into *dst, recording its state in p.
func decodeField[T any](d *Decoder, c *ops[T], f *elem, p *soap.Presence, dst *T) error {
	if d.isNil() {
		var zero T
		*dst = zero
		f.observe(p, soap.Nil, true)
		return d.skip()
	}
	if err := decodeValue(c, d, f, p, dst); err != nil {
		return err
	}
	f.observe(p, soap.Present, c.zero(*dst))
	return nil
}

// Codec converts the values of one Go type to and from XML, for the descriptor tables of generated
// code. A simple type's codec converts between Go values and text: generated code uses those of the
// built-in types (XSInt, XSString, ...) and makes one per generated simple type (StringType,
// Int32Type, ListType, ...). The codecs of the other values write and read whole elements: Ptr (a
// generated struct held by pointer; a table gives its own), Poly (a value of a base type's
// interface), Any (xs:anyType), NewArray and NewDict.
//
// A Codec is made once, by its constructor, and is then read-only. It is a handle, copied freely.
type Codec struct {
	c *codec
}

// codec is what a Codec handles.
type codec struct {
	typ xml.Name
	// t is the *ops[T] of the Go type T the codec converts, and refOps the *ops[*T] of values held by
	// pointer, for generic code.
	t, refOps any
	// enc, dec and unset are the operations on a Go field holding values of the type (field is a
	// pointer to it, in an any), as mode says: a T (0), a *T (Ref), a []T (Repeated) or a []*T
	// (Repeated|Ref).
	enc   func(mode Flags, e *Encoder, f *elem, owner string, p *soap.Presence, field any)
	dec   func(mode Flags, d *Decoder, f *elem, p *soap.Presence, field any) error
	unset func(mode Flags, field any) bool
	// attr and attrDec write and read an attribute held by a T, or by a *T when ref is set; text and
	// textDec simple content. They are nil for values that are not simple.
	attr    func(e *Encoder, a *attrInfo, field any)
	attrDec func(d *Decoder, a *attrInfo, field any, s []byte) error
	text    func(e *Encoder, field any)
	textDec func(d *Decoder, field any) error
	// arrayOf returns the codec of a wrapped array of the type (a []T); nil for arrays and
	// dictionaries, whose arrays need NewArrayOf.
	arrayOf func(space, local string, flags Flags, arrayType xml.Name) Codec
	// retype returns the codec with another schema type (a generated simple type whose Go values
	// are the type's).
	retype func(typ xml.Name) Codec
	// anyEnc writes v, a value of the Go type, as the element n with the schema type as xsi:type, and
	// anyDec parses a value of it, returned in an any: for simple values in xs:anyType slots.
	anyEnc func(e *Encoder, n *Name, v any)
	anyDec func(d *Decoder, s []byte) (any, error)
	// table, set for the codec of a generated struct held by pointer (Ptr), returns its table; the
	// slice functions handle a *[]*T of them (the occurrences of a repeated choice).
	table       func() *Type
	sliceLen    func(s any) int
	sliceAt     func(s any, i int) any
	sliceAppend func(s, x any)
}

// wrap returns the Codec of the operations c of a simple type: its values may be held by pointer,
// be attributes or simple content. Only the built-in types' codecs make arrays (see builtin).
//
//go:noinline
func wrap[T any](c *ops[T]) Codec {
	rc := refOps(c)
	w := wrapBase(c)
	w.c.refOps = rc
	single, rep := w.c.enc, w.c.dec
	w.c.enc = func(mode Flags, e *Encoder, f *elem, owner string, p *soap.Presence, field any) {
		switch mode {
		case Ref:
			encodeField(e, rc, f, owner, p, *field.(**T))
		case Repeated | Ref:
			encodeRepeated(e, rc, f, owner, p, *field.(*[]*T))
		default:
			single(mode, e, f, owner, p, field)
		}
	}
	w.c.dec = func(mode Flags, d *Decoder, f *elem, p *soap.Presence, field any) error {
		switch mode {
		case Ref:
			return decodeField(d, rc, f, p, field.(**T))
		case Repeated | Ref:
			dst := field.(*[]*T)
			recordNilItem(d, f, p, len(*dst))
			*dst = append(*dst, nil)
			return dropOnError(dst, decodeField(d, rc, f, nil, &(*dst)[len(*dst)-1]))
		}
		return rep(mode, d, f, p, field)
	}
	unset := w.c.unset
	w.c.unset = func(mode Flags, field any) bool {
		switch mode {
		case Ref:
			return *field.(**T) == nil
		case Repeated | Ref:
			return len(*field.(*[]*T)) == 0
		}
		return unset(mode, field)
	}
	w.c.attr = func(e *Encoder, a *attrInfo, field any) {
		if !a.ref {
			encodeAttr(e, c, a, *field.(*T))
		} else if v := *field.(**T); v != nil {
			encodeAttr(e, c, a, *v)
		}
	}
	w.c.attrDec = func(d *Decoder, a *attrInfo, field any, s []byte) error {
		v, err := c.parse(d, s)
		if err != nil {
			return d.Errorf("attribute %s: %v", a.name.Local, err)
		}
		if a.ref {
			*field.(**T) = &v
		} else {
			*field.(*T) = v
		}
		return nil
	}
	w.c.text = func(e *Encoder, field any) { textOf(c, e, *field.(*T)) }
	w.c.textDec = func(d *Decoder, field any) error { return decodeSimple(c, d, field.(*T)) }
	w.c.anyEnc = func(e *Encoder, n *Name, v any) {
		e.startName(n, c.typ)
		textOf(c, e, v.(T))
		e.EndElement()
	}
	w.c.anyDec = func(d *Decoder, s []byte) (any, error) {
		v, err := c.parse(d, s)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	w.c.retype = func(typ xml.Name) Codec {
		c2 := *c
		c2.typ = typ
		return wrap(&c2)
	}
	return w
}

// builtin returns the Codec of the operations c of a built-in type: wrap's, able to make arrays too
// (NewArray). The codecs generated code makes (StringType, ListType, ...) cannot: generated code makes
// arrays of their values with NewArrayOf, so that the generic code of arrays is compiled into a
// generated package only for the item types it has arrays of.
//
//go:noinline
func builtin[T any](c *ops[T]) Codec { return withArrays[T](wrap(c)) }

// wrapBase returns the Codec of the operations c of values held by a Go field of their type or a
// slice of them (structs, interfaces, arrays, dictionaries, anyType). They make arrays, but arrays'
// and dictionaries' values (their arrays need NewArrayOf).
//
//go:noinline
func wrapBase[T any](c *ops[T]) Codec {
	w := &codec{typ: c.typ, t: c}
	w.enc = func(mode Flags, e *Encoder, f *elem, owner string, p *soap.Presence, field any) {
		if mode&Repeated == 0 {
			encodeField(e, c, f, owner, p, *field.(*T))
			return
		}
		encodeRepeated(e, c, f, owner, p, *field.(*[]T))
	}
	w.dec = func(mode Flags, d *Decoder, f *elem, p *soap.Presence, field any) error {
		if mode&Repeated == 0 {
			return decodeField(d, c, f, p, field.(*T))
		}
		dst := field.(*[]T)
		recordNilItem(d, f, p, len(*dst))
		var zero T
		*dst = append(*dst, zero) // decoded in place: a local would escape
		return dropOnError(dst, decodeField(d, c, f, nil, &(*dst)[len(*dst)-1]))
	}
	w.unset = func(mode Flags, field any) bool {
		if mode&Repeated == 0 {
			return c.zero(*field.(*T))
		}
		return len(*field.(*[]T)) == 0
	}
	return Codec{w}
}

// dropOnError removes the occurrence just appended to *dst when decoding it failed with err, so that
// the slice holds only the occurrences decoded.
func dropOnError[T any](dst *[]T, err error) error {
	if err != nil {
		*dst = (*dst)[:len(*dst)-1]
	}
	return err
}

// withArrays returns w, able to make arrays of its values (T).
//
//go:noinline
func withArrays[T any](w Codec) Codec {
	w.c.arrayOf = func(space, local string, flags Flags, arrayType xml.Name) Codec {
		return newArray[T](space, local, flags, w.c, arrayType, "")
	}
	return w
}

// opsOf returns the operations of c, which must convert values of type T.
func opsOf[T any](c *Codec) *ops[T] { return c.c.t.(*ops[T]) }

// refOps returns the operations on a *T holding a value of c: nil is "no value".
//
//go:noinline
func refOps[T any](c *ops[T]) *ops[*T] {
	return &ops[*T]{
		typ:     c.typ,
		zero:    func(v *T) bool { return v == nil },
		noEmpty: true,
		elem: func(e *Encoder, f *elem, owner string, p *soap.Presence, v *T) {
			var x T
			if v != nil {
				x = *v
			}
			encodeValue(c, e, f, owner, p, x)
		},
		elemDec: func(d *Decoder, f *elem, p *soap.Presence, dst **T) error {
			v := new(T)
			if err := decodeValue(c, d, f, p, v); err != nil {
				return err
			}
			*dst = v
			return nil
		},
	}
}

// encodeAttr writes v as the attribute a, enforcing the value the schema fixes.
func encodeAttr[T any](e *Encoder, c *ops[T], a *attrInfo, v T) {
	if !a.hasFixed {
		attrOf(c, e, &a.name, v)
		return
	}
	s := c.format(e, v)
	switch {
	case c.zero(v) && !a.ref:
		s = a.fixed
	case !sameText(e, c, s, a.fixed):
		e.Errorf("soap: attribute %s (%s) is fixed to %q, not %q", a.name.Local, a.goName, a.fixed, s)
		return
	}
	e.attr(a.name.Space, a.name.Local, a.name.secret, s)
}

// sameText reports whether the lexical forms s and fixed denote the same value ("1.0" and "1" do for
// an xs:decimal): fixed is parsed and formatted again when the texts differ.
func sameText[T any](e *Encoder, c *ops[T], s, fixed string) bool {
	if s == fixed {
		return true
	}
	if c.typ == xsd("QName") {
		return false // a QName's text depends on prefixes in scope
	}
	v, err := c.parse(nil, []byte(fixed))
	return err == nil && c.format(e, v) == s
}

func xsd(local string) xml.Name { return xml.Name{Space: soap.XSDNamespace, Local: local} }

func stringOps(local string, norm func(string) string) *ops[string] {
	return &ops[string]{
		typ:    xsd(local),
		format: func(_ *Encoder, v string) string { return v },
		parse: func(_ *Decoder, s []byte) (string, error) {
			if norm != nil {
				return norm(string(s)), nil
			}
			return string(s), nil
		},
		zero: func(v string) bool { return v == "" },
	}
}

func zeroOf[T comparable](v T) bool {
	var zero T
	return v == zero
}

// numberOps returns the operations of a type whose lexical form needs no escaping.
func numberOps[T comparable](local string, parse func([]byte) (T, error), appendTo func([]byte, T) []byte) *ops[T] {
	return &ops[T]{
		typ:    xsd(local),
		safe:   appendTo,
		format: func(_ *Encoder, v T) string { return string(appendTo(nil, v)) },
		parse:  func(_ *Decoder, s []byte) (T, error) { return parse(s) },
		zero:   zeroOf[T],
	}
}

func appendSigned[T ~int8 | ~int16 | ~int32 | ~int64](b []byte, v T) []byte {
	return strconv.AppendInt(b, int64(v), 10)
}

func appendUnsigned[T ~uint8 | ~uint16 | ~uint32 | ~uint64](b []byte, v T) []byte {
	return strconv.AppendUint(b, uint64(v), 10)
}

// lexOps returns the operations of a type that keeps its wire text (DateTime, Decimal, ...): decoding
// stores the text unvalidated, so a malformed value from a peer is kept, and its conversion methods
// report it.
func lexOps[T any](local string, format func(T) string, fromWire func(string) T, isZero func(T) bool) *ops[T] {
	return &ops[T]{
		typ:    xsd(local),
		format: func(_ *Encoder, v T) string { return format(v) },
		parse:  func(_ *Decoder, s []byte) (T, error) { return fromWire(string(s)), nil },
		zero:   isZero,
	}
}

// Codecs of the XML Schema built-in types. The string-valued types other than xs:string apply their
// whitespace facet when decoding (normalizedString replaces, the token family collapses).
var (
	XSString           = builtin(stringOps("string", nil))
	XSNormalizedString = builtin(stringOps("normalizedString", whitespace.Replace))
	XSToken            = builtin(stringOps("token", whitespace.Collapse))
	XSLanguage         = builtin(stringOps("language", whitespace.Collapse))
	XSName             = builtin(stringOps("Name", whitespace.Collapse))
	XSNCName           = builtin(stringOps("NCName", whitespace.Collapse))
	XSID               = builtin(stringOps("ID", whitespace.Collapse))
	XSIDREF            = builtin(stringOps("IDREF", whitespace.Collapse))
	XSIDREFS           = builtin(stringOps("IDREFS", whitespace.Collapse))
	XSENTITY           = builtin(stringOps("ENTITY", whitespace.Collapse))
	XSENTITIES         = builtin(stringOps("ENTITIES", whitespace.Collapse))
	XSNMTOKEN          = builtin(stringOps("NMTOKEN", whitespace.Collapse))
	XSNMTOKENS         = builtin(stringOps("NMTOKENS", whitespace.Collapse))
	XSAnyURI           = builtin(stringOps("anyURI", whitespace.Collapse))
	XSNOTATION         = builtin(stringOps("NOTATION", whitespace.Collapse))
	XSAnySimpleType    = builtin(stringOps("anySimpleType", nil))
	XSGYearMonth       = builtin(stringOps("gYearMonth", whitespace.Collapse))
	XSGYear            = builtin(stringOps("gYear", whitespace.Collapse))
	XSGMonthDay        = builtin(stringOps("gMonthDay", whitespace.Collapse))
	XSGDay             = builtin(stringOps("gDay", whitespace.Collapse))
	XSGMonth           = builtin(stringOps("gMonth", whitespace.Collapse))

	XSBoolean = builtin(numberOps("boolean", parseBool[[]byte], appendBool))

	XSByte  = builtin(numberOps("byte", parseInt8[[]byte], appendSigned[int8]))
	XSShort = builtin(numberOps("short", parseInt16[[]byte], appendSigned[int16]))
	XSInt   = builtin(numberOps("int", parseInt32[[]byte], appendSigned[int32]))
	XSLong  = builtin(numberOps("long", parseInt64[[]byte], appendSigned[int64]))
	// XSInteger, XSNonPositiveInteger and XSNegativeInteger are unbounded in XML Schema; sogen maps
	// them to int64, and a value out of its range is a decoding error.
	XSInteger            = builtin(numberOps("integer", parseInt64[[]byte], appendSigned[int64]))
	XSNonPositiveInteger = builtin(numberOps("nonPositiveInteger", parseInt64[[]byte], appendSigned[int64]))
	XSNegativeInteger    = builtin(numberOps("negativeInteger", parseInt64[[]byte], appendSigned[int64]))

	XSUnsignedByte  = builtin(numberOps("unsignedByte", parseUint8[[]byte], appendUnsigned[uint8]))
	XSUnsignedShort = builtin(numberOps("unsignedShort", parseUint16[[]byte], appendUnsigned[uint16]))
	XSUnsignedInt   = builtin(numberOps("unsignedInt", parseUint32[[]byte], appendUnsigned[uint32]))
	XSUnsignedLong  = builtin(numberOps("unsignedLong", parseUint64[[]byte], appendUnsigned[uint64]))
	// XSNonNegativeInteger and XSPositiveInteger are unbounded in XML Schema; sogen maps them to uint64.
	XSNonNegativeInteger = builtin(numberOps("nonNegativeInteger", parseUint64[[]byte], appendUnsigned[uint64]))
	XSPositiveInteger    = builtin(numberOps("positiveInteger", parseUint64[[]byte], appendUnsigned[uint64]))

	XSFloat  = builtin(numberOps("float", parseFloat32[[]byte], func(b []byte, v float32) []byte { return appendFloat(b, float64(v), 32) }))
	XSDouble = builtin(numberOps("double", parseFloat64[[]byte], func(b []byte, v float64) []byte { return appendFloat(b, v, 64) }))

	XSDecimal  = builtin(lexOps("decimal", soap.Decimal.String, bridge.DecimalFromWire.(func(string) soap.Decimal), soap.Decimal.IsZero))
	XSDateTime = builtin(lexOps("dateTime", soap.DateTime.String, bridge.DateTimeFromWire.(func(string) soap.DateTime), soap.DateTime.IsZero))
	XSDate     = builtin(lexOps("date", soap.Date.String, bridge.DateFromWire.(func(string) soap.Date), soap.Date.IsZero))
	XSTime     = builtin(lexOps("time", soap.TimeOfDay.String, bridge.TimeOfDayFromWire.(func(string) soap.TimeOfDay), soap.TimeOfDay.IsZero))
	XSDuration = builtin(lexOps("duration", soap.Duration.String, bridge.DurationFromWire.(func(string) soap.Duration), soap.Duration.IsZero))

	XSBase64Binary = builtin(&ops[[]byte]{
		typ:    xsd("base64Binary"),
		safe:   func(b []byte, v []byte) []byte { return base64.StdEncoding.AppendEncode(b, v) },
		format: func(_ *Encoder, v []byte) string { return base64.StdEncoding.EncodeToString(v) },
		parse:  func(_ *Decoder, s []byte) ([]byte, error) { return parseBase64(s) },
		zero:   func(v []byte) bool { return v == nil },
	})
	XSHexBinary = builtin(&ops[[]byte]{
		typ:    xsd("hexBinary"),
		safe:   appendHex,
		format: func(_ *Encoder, v []byte) string { return string(appendHex(nil, v)) },
		parse:  func(_ *Decoder, s []byte) ([]byte, error) { return parseHex(s) },
		zero:   func(v []byte) bool { return v == nil },
	})

	XSQName = builtin(&ops[xml.Name]{
		typ:     xsd("QName"),
		format:  func(e *Encoder, v xml.Name) string { return e.QName(v) },
		parse:   func(d *Decoder, s []byte) (xml.Name, error) { return d.resolveQName(s) },
		zero:    func(v xml.Name) bool { return v == xml.Name{} },
		noEmpty: true,
	})
)

// adapt derives the codec of a named Go type from the codec of its underlying type.
//
//go:noinline
func adapt[T, B any](base *Codec, typ xml.Name, to func(B) T, from func(T) B) Codec {
	b := opsOf[B](base)
	c := &ops[T]{
		typ:    typ,
		format: func(e *Encoder, v T) string { return b.format(e, from(v)) },
		parse: func(d *Decoder, s []byte) (T, error) {
			x, err := b.parse(d, s)
			return to(x), err
		},
		zero:    func(v T) bool { return b.zero(from(v)) },
		noEmpty: b.noEmpty,
	}
	if b.safe != nil {
		c.safe = func(buf []byte, v T) []byte { return b.safe(buf, from(v)) }
	}
	return wrap(c)
}

// Named returns the codec of a generated simple type whose values the runtime reaches through a
// pointer to the underlying built-in type (a *string for an enumeration): base's codec, written under
// the schema name typ.
func Named(base *Codec, typ xml.Name) Codec { return base.c.retype(typ) }

// StringType returns the codec of a generated string type (an enumeration, a list of flags, a
// restriction of a string type) whose values are written as base writes them.
//
//go:noinline
func StringType[T ~string](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b string) T { return T(b) }, func(v T) string { return string(v) })
}

// BoolType returns the codec of a generated restriction of xs:boolean.
//
//go:noinline
func BoolType[T ~bool](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b bool) T { return T(b) }, func(v T) bool { return bool(v) })
}

// Int8Type returns the codec of a generated restriction of xs:byte.
//
//go:noinline
func Int8Type[T ~int8](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b int8) T { return T(b) }, func(v T) int8 { return int8(v) })
}

// Int16Type returns the codec of a generated restriction of xs:short.
//
//go:noinline
func Int16Type[T ~int16](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b int16) T { return T(b) }, func(v T) int16 { return int16(v) })
}

// Int32Type returns the codec of a generated restriction of xs:int.
//
//go:noinline
func Int32Type[T ~int32](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b int32) T { return T(b) }, func(v T) int32 { return int32(v) })
}

// Int64Type returns the codec of a generated restriction of xs:long or xs:integer.
//
//go:noinline
func Int64Type[T ~int64](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b int64) T { return T(b) }, func(v T) int64 { return int64(v) })
}

// Uint8Type returns the codec of a generated restriction of xs:unsignedByte.
//
//go:noinline
func Uint8Type[T ~uint8](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b uint8) T { return T(b) }, func(v T) uint8 { return uint8(v) })
}

// Uint16Type returns the codec of a generated restriction of xs:unsignedShort.
//
//go:noinline
func Uint16Type[T ~uint16](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b uint16) T { return T(b) }, func(v T) uint16 { return uint16(v) })
}

// Uint32Type returns the codec of a generated restriction of xs:unsignedInt.
//
//go:noinline
func Uint32Type[T ~uint32](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b uint32) T { return T(b) }, func(v T) uint32 { return uint32(v) })
}

// Uint64Type returns the codec of a generated restriction of xs:unsignedLong or
// xs:nonNegativeInteger.
//
//go:noinline
func Uint64Type[T ~uint64](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b uint64) T { return T(b) }, func(v T) uint64 { return uint64(v) })
}

// Float32Type returns the codec of a generated restriction of xs:float.
//
//go:noinline
func Float32Type[T ~float32](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b float32) T { return T(b) }, func(v T) float32 { return float32(v) })
}

// Float64Type returns the codec of a generated restriction of xs:double.
//
//go:noinline
func Float64Type[T ~float64](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b float64) T { return T(b) }, func(v T) float64 { return float64(v) })
}

// BytesType returns the codec of a generated restriction of xs:base64Binary or xs:hexBinary.
//
//go:noinline
func BytesType[T ~[]byte](base *Codec, typ xml.Name) Codec {
	return adapt(base, typ, func(b []byte) T { return T(b) }, func(v T) []byte { return []byte(v) })
}

// Enum returns the codec of a generated enumeration: its values are strings written as they are, and
// the empty string — not a value of any enumeration — counts as unset.
//
//go:noinline
func Enum[T ~string](typ xml.Name) Codec { return StringType[T](&XSString, typ) }

// ListType returns the codec of an xs:list of a simple type: a Go slice whose values are written
// separated by single spaces. Decoding splits the text at white space; nil is unset, and a non-nil
// empty slice is the empty list.
//
//go:noinline
func ListType[L ~[]T, T any](item *Codec, typ xml.Name) Codec {
	it := opsOf[T](item)
	return wrap(&ops[L]{
		typ: typ,
		format: func(e *Encoder, v L) string {
			var b strings.Builder
			for i, x := range v {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(it.format(e, x))
			}
			return b.String()
		},
		parse: func(d *Decoder, s []byte) (L, error) {
			out := L{}
			for _, w := range strings.Fields(string(s)) {
				x, err := it.parse(d, []byte(w))
				if err != nil {
					return nil, err
				}
				out = append(out, x)
			}
			return out, nil
		},
		zero: func(v L) bool { return v == nil },
	})
}

// Parse converts s, the text of an element or attribute, as decoding does, and returns the value of
// the codec's Go type in an any. The date/time and decimal types keep the text unchecked, as decoding
// does. A QName, whose value depends on the namespaces in scope, cannot be parsed here.
func (c *Codec) Parse(s string) (any, error) {
	if c.c.anyDec == nil || c.c.typ == xsd("QName") {
		return nil, fmt.Errorf("soapimpl: the codec of %s cannot parse text on its own", c.c.typ.Local)
	}
	return c.c.anyDec(nil, []byte(s))
}
