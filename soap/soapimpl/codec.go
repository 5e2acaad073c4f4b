package soapimpl

import (
	"encoding/base64"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/soap"
)

// Codec converts the values of one simple type between Go and text. Generated code uses the codecs of
// the built-in types (XSInt, XSString, ...) and makes one per generated simple type with the
// constructors below (StringType, Int32Type, ListType, ...).
type Codec[T any] struct {
	// typ is the schema type, written as xsi:type when such a value fills an xs:anyType slot or an
	// encoded message.
	typ xml.Name
	// safe, when not nil, appends the lexical form of v, which never needs escaping nor checking
	// (numbers, booleans): the encoder's fast path.
	safe func(b []byte, v T) []byte
	// format returns the lexical form of v, to be escaped; the Encoder is given for QName values,
	// whose prefix must be declared on the open start tag. It is set for every codec.
	format func(e *Encoder, v T) string
	// parse converts the text of an element or attribute; the Decoder is given for QName values. s
	// is valid only during the call.
	parse func(d *Decoder, s []byte) (T, error)
	// zero reports whether v is the Go zero value.
	zero func(v T) bool
	// noEmpty is set when the zero value has no lexical form (a QName): it cannot be written in a
	// required, non-nillable element.
	noEmpty bool
}

// Type returns the schema type of the codec's values.
func (c *Codec[T]) Type() xml.Name { return c.typ }

// Format returns the lexical form of v (a QName is written with the prefixes e has in scope).
func (c *Codec[T]) Format(e *Encoder, v T) string { return c.format(e, v) }

// Parse converts the lexical form s.
func (c *Codec[T]) Parse(d *Decoder, s string) (T, error) { return c.parse(d, []byte(s)) }

// IsZero reports whether v is the Go zero value.
func (c *Codec[T]) IsZero(v T) bool { return c.zero(v) }

// text writes v as the content of the element whose start tag is open.
func (c *Codec[T]) text(e *Encoder, v T) {
	if c.safe != nil {
		e.endSafeText(c.safe(e.safeText(), v))
		return
	}
	e.Text(c.format(e, v))
}

// attr writes v as the attribute n of the open start tag.
func (c *Codec[T]) attr(e *Encoder, n *Name, v T) {
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

func (c *Codec[T]) encodeValue(e *Encoder, f *Field, _ string, v T) {
	var typ xml.Name
	if e.encoded {
		typ = c.typ
	}
	e.startName(&f.Name, typ)
	c.text(e, v)
	e.EndElement()
}

func (c *Codec[T]) decodeValue(d *Decoder, dst *T) error {
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

func (c *Codec[T]) unset(v T) bool { return c.zero(v) }

func (c *Codec[T]) emptyOK() bool { return !c.noEmpty }

func xsd(local string) xml.Name { return xml.Name{Space: soap.XSDNamespace, Local: local} }

// collapse applies XML Schema's whiteSpace="collapse": trim, and fold inner runs of whitespace to one
// space.
func collapse(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// replaceWS applies XML Schema's whiteSpace="replace": tab, newline and carriage return become spaces.
func replaceWS(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}

func stringCodec(local string, norm func(string) string) *Codec[string] {
	return &Codec[string]{
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

// numberCodec returns the codec of a type whose lexical form needs no escaping.
func numberCodec[T comparable](local string, parse func([]byte) (T, error), appendTo func([]byte, T) []byte) *Codec[T] {
	return &Codec[T]{
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

// Codecs of the XML Schema built-in types. The string-valued types other than xs:string apply their
// whitespace facet when decoding (normalizedString replaces, the token family collapses).
var (
	XSString           = stringCodec("string", nil)
	XSNormalizedString = stringCodec("normalizedString", replaceWS)
	XSToken            = stringCodec("token", collapse)
	XSLanguage         = stringCodec("language", collapse)
	XSName             = stringCodec("Name", collapse)
	XSNCName           = stringCodec("NCName", collapse)
	XSID               = stringCodec("ID", collapse)
	XSIDREF            = stringCodec("IDREF", collapse)
	XSIDREFS           = stringCodec("IDREFS", collapse)
	XSENTITY           = stringCodec("ENTITY", collapse)
	XSENTITIES         = stringCodec("ENTITIES", collapse)
	XSNMTOKEN          = stringCodec("NMTOKEN", collapse)
	XSNMTOKENS         = stringCodec("NMTOKENS", collapse)
	XSAnyURI           = stringCodec("anyURI", collapse)
	XSNOTATION         = stringCodec("NOTATION", collapse)
	XSAnySimpleType    = stringCodec("anySimpleType", nil)
	XSGYearMonth       = stringCodec("gYearMonth", collapse)
	XSGYear            = stringCodec("gYear", collapse)
	XSGMonthDay        = stringCodec("gMonthDay", collapse)
	XSGDay             = stringCodec("gDay", collapse)
	XSGMonth           = stringCodec("gMonth", collapse)

	XSBoolean = numberCodec("boolean", ParseBool[[]byte], AppendBool)

	XSByte  = numberCodec("byte", ParseInt8[[]byte], appendSigned[int8])
	XSShort = numberCodec("short", ParseInt16[[]byte], appendSigned[int16])
	XSInt   = numberCodec("int", ParseInt32[[]byte], appendSigned[int32])
	XSLong  = numberCodec("long", ParseInt64[[]byte], appendSigned[int64])
	// XSInteger, XSNonPositiveInteger and XSNegativeInteger are unbounded in XML Schema; sogen maps
	// them to int64, and a value out of its range is a decoding error.
	XSInteger            = numberCodec("integer", ParseInt64[[]byte], appendSigned[int64])
	XSNonPositiveInteger = numberCodec("nonPositiveInteger", ParseInt64[[]byte], appendSigned[int64])
	XSNegativeInteger    = numberCodec("negativeInteger", ParseInt64[[]byte], appendSigned[int64])

	XSUnsignedByte  = numberCodec("unsignedByte", ParseUint8[[]byte], appendUnsigned[uint8])
	XSUnsignedShort = numberCodec("unsignedShort", ParseUint16[[]byte], appendUnsigned[uint16])
	XSUnsignedInt   = numberCodec("unsignedInt", ParseUint32[[]byte], appendUnsigned[uint32])
	XSUnsignedLong  = numberCodec("unsignedLong", ParseUint64[[]byte], appendUnsigned[uint64])
	// XSNonNegativeInteger and XSPositiveInteger are unbounded in XML Schema; sogen maps them to uint64.
	XSNonNegativeInteger = numberCodec("nonNegativeInteger", ParseUint64[[]byte], appendUnsigned[uint64])
	XSPositiveInteger    = numberCodec("positiveInteger", ParseUint64[[]byte], appendUnsigned[uint64])

	XSFloat  = numberCodec("float", ParseFloat32[[]byte], func(b []byte, v float32) []byte { return appendFloat(b, float64(v), 32) })
	XSDouble = numberCodec("double", ParseFloat64[[]byte], func(b []byte, v float64) []byte { return appendFloat(b, v, 64) })

	XSDecimal  = lexCodec("decimal", soap.Decimal.String, soap.DecimalFromWire, soap.Decimal.IsZero)
	XSDateTime = lexCodec("dateTime", soap.DateTime.String, soap.DateTimeFromWire, soap.DateTime.IsZero)
	XSDate     = lexCodec("date", soap.Date.String, soap.DateFromWire, soap.Date.IsZero)
	XSTime     = lexCodec("time", soap.TimeOfDay.String, soap.TimeOfDayFromWire, soap.TimeOfDay.IsZero)
	XSDuration = lexCodec("duration", soap.Duration.String, soap.DurationFromWire, soap.Duration.IsZero)

	XSBase64Binary = &Codec[[]byte]{
		typ:    xsd("base64Binary"),
		safe:   func(b []byte, v []byte) []byte { return base64.StdEncoding.AppendEncode(b, v) },
		format: func(_ *Encoder, v []byte) string { return base64.StdEncoding.EncodeToString(v) },
		parse:  func(_ *Decoder, s []byte) ([]byte, error) { return ParseBase64(s) },
		zero:   func(v []byte) bool { return v == nil },
	}
	XSHexBinary = &Codec[[]byte]{
		typ:    xsd("hexBinary"),
		safe:   appendHex,
		format: func(_ *Encoder, v []byte) string { return string(appendHex(nil, v)) },
		parse:  func(_ *Decoder, s []byte) ([]byte, error) { return ParseHex(s) },
		zero:   func(v []byte) bool { return v == nil },
	}

	XSQName = &Codec[xml.Name]{
		typ:     xsd("QName"),
		format:  func(e *Encoder, v xml.Name) string { return e.QName(v) },
		parse:   func(d *Decoder, s []byte) (xml.Name, error) { return d.resolveQName(s) },
		zero:    func(v xml.Name) bool { return v == xml.Name{} },
		noEmpty: true,
	}
)

// lexCodec is the codec of a type that keeps its wire text (DateTime, Decimal, ...): decoding stores
// the text unvalidated, so a malformed value from a peer is kept, and its conversion methods report it.
func lexCodec[T any](local string, format func(T) string, fromWire func(string) T, isZero func(T) bool) *Codec[T] {
	return &Codec[T]{
		typ:    xsd(local),
		format: func(_ *Encoder, v T) string { return format(v) },
		parse:  func(_ *Decoder, s []byte) (T, error) { return fromWire(string(s)), nil },
		zero:   isZero,
	}
}

// adapt derives the codec of a named Go type from the codec of its underlying type.
func adapt[T, B any](base *Codec[B], typ xml.Name, to func(B) T, from func(T) B) *Codec[T] {
	c := &Codec[T]{
		typ:    typ,
		format: func(e *Encoder, v T) string { return base.format(e, from(v)) },
		parse: func(d *Decoder, s []byte) (T, error) {
			b, err := base.parse(d, s)
			return to(b), err
		},
		zero: func(v T) bool { return base.zero(from(v)) },
	}
	if base.safe != nil {
		c.safe = func(b []byte, v T) []byte { return base.safe(b, from(v)) }
	}
	return c
}

// StringType returns the codec of a generated string type (an enumeration, a list of flags, a
// restriction of a string type) whose values are written as base writes them.
func StringType[T ~string](base *Codec[string], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b string) T { return T(b) }, func(v T) string { return string(v) })
}

// BoolType returns the codec of a generated restriction of xs:boolean.
func BoolType[T ~bool](base *Codec[bool], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b bool) T { return T(b) }, func(v T) bool { return bool(v) })
}

// Int8Type returns the codec of a generated restriction of xs:byte.
func Int8Type[T ~int8](base *Codec[int8], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b int8) T { return T(b) }, func(v T) int8 { return int8(v) })
}

// Int16Type returns the codec of a generated restriction of xs:short.
func Int16Type[T ~int16](base *Codec[int16], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b int16) T { return T(b) }, func(v T) int16 { return int16(v) })
}

// Int32Type returns the codec of a generated restriction of xs:int.
func Int32Type[T ~int32](base *Codec[int32], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b int32) T { return T(b) }, func(v T) int32 { return int32(v) })
}

// Int64Type returns the codec of a generated restriction of xs:long or xs:integer.
func Int64Type[T ~int64](base *Codec[int64], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b int64) T { return T(b) }, func(v T) int64 { return int64(v) })
}

// Uint8Type returns the codec of a generated restriction of xs:unsignedByte.
func Uint8Type[T ~uint8](base *Codec[uint8], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b uint8) T { return T(b) }, func(v T) uint8 { return uint8(v) })
}

// Uint16Type returns the codec of a generated restriction of xs:unsignedShort.
func Uint16Type[T ~uint16](base *Codec[uint16], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b uint16) T { return T(b) }, func(v T) uint16 { return uint16(v) })
}

// Uint32Type returns the codec of a generated restriction of xs:unsignedInt.
func Uint32Type[T ~uint32](base *Codec[uint32], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b uint32) T { return T(b) }, func(v T) uint32 { return uint32(v) })
}

// Uint64Type returns the codec of a generated restriction of xs:unsignedLong or
// xs:nonNegativeInteger.
func Uint64Type[T ~uint64](base *Codec[uint64], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b uint64) T { return T(b) }, func(v T) uint64 { return uint64(v) })
}

// Float32Type returns the codec of a generated restriction of xs:float.
func Float32Type[T ~float32](base *Codec[float32], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b float32) T { return T(b) }, func(v T) float32 { return float32(v) })
}

// Float64Type returns the codec of a generated restriction of xs:double.
func Float64Type[T ~float64](base *Codec[float64], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b float64) T { return T(b) }, func(v T) float64 { return float64(v) })
}

// BytesType returns the codec of a generated restriction of xs:base64Binary or xs:hexBinary.
func BytesType[T ~[]byte](base *Codec[[]byte], typ xml.Name) *Codec[T] {
	return adapt(base, typ, func(b []byte) T { return T(b) }, func(v T) []byte { return []byte(v) })
}

// Enum returns the codec of a generated enumeration: its values are strings written as they are, and
// the empty string — not a value of any enumeration — counts as unset.
func Enum[T ~string](typ xml.Name) *Codec[T] { return StringType[T](XSString, typ) }

// ListType returns the codec of an xs:list of a simple type: a Go slice whose values are written
// separated by single spaces. Decoding splits the text at white space; nil is unset, and a non-nil
// empty slice is the empty list.
func ListType[L ~[]T, T any](item *Codec[T], typ xml.Name) *Codec[L] {
	return &Codec[L]{
		typ: typ,
		format: func(e *Encoder, v L) string {
			var b strings.Builder
			for i, x := range v {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(item.format(e, x))
			}
			return b.String()
		},
		parse: func(d *Decoder, s []byte) (L, error) {
			out := L{}
			for _, w := range strings.Fields(string(s)) {
				x, err := item.parse(d, []byte(w))
				if err != nil {
					return nil, err
				}
				out = append(out, x)
			}
			return out, nil
		},
		zero: func(v L) bool { return v == nil },
	}
}
