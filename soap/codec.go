package soap

import (
	"encoding/xml"
	"strings"
)

func xsd(local string) xml.Name { return xml.Name{Space: XSDNamespace, Local: local} }

// collapse applies XML Schema's whiteSpace="collapse": trim, and fold inner runs of whitespace to one
// space. White space is XML's: space, tab, line feed and carriage return (XML Schema Part 2, section
// 4.3.6), not the other Unicode spaces (a no-break space is kept).
func collapse(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") {
		return strings.Trim(s, " ")
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }), " ")
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

func stringCodec(local string, norm func(string) string) Codec[string] {
	return Codec[string]{
		Type:   xsd(local),
		Format: func(_ *Encoder, v string) string { return v },
		Parse: func(_ *Decoder, s string) (string, error) {
			if norm != nil {
				s = norm(s)
			}
			return s, nil
		},
		IsZero: func(v string) bool { return v == "" },
	}
}

func zeroOf[T comparable](v T) bool {
	var zero T
	return v == zero
}

func numberCodec[T comparable](local string, parse func(string) (T, error), format func(T) string) Codec[T] {
	return Codec[T]{
		Type:   xsd(local),
		Format: func(_ *Encoder, v T) string { return format(v) },
		Parse:  func(_ *Decoder, s string) (T, error) { return parse(s) },
		IsZero: zeroOf[T],
	}
}

func formatSigned[T ~int8 | ~int16 | ~int32 | ~int64](v T) string       { return FormatInt(int64(v)) }
func formatUnsigned[T ~uint8 | ~uint16 | ~uint32 | ~uint64](v T) string { return FormatUint(uint64(v)) }

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

	XSBoolean = numberCodec("boolean", ParseBool, FormatBool)

	XSByte  = numberCodec("byte", ParseInt8, formatSigned[int8])
	XSShort = numberCodec("short", ParseInt16, formatSigned[int16])
	XSInt   = numberCodec("int", ParseInt32, formatSigned[int32])
	XSLong  = numberCodec("long", ParseInt64, formatSigned[int64])
	// XSInteger, XSNonPositiveInteger and XSNegativeInteger are unbounded in XML Schema; sogen maps
	// them to int64, and a value out of its range is a decoding error.
	XSInteger            = numberCodec("integer", ParseInt64, formatSigned[int64])
	XSNonPositiveInteger = numberCodec("nonPositiveInteger", ParseInt64, formatSigned[int64])
	XSNegativeInteger    = numberCodec("negativeInteger", ParseInt64, formatSigned[int64])

	XSUnsignedByte  = numberCodec("unsignedByte", ParseUint8, formatUnsigned[uint8])
	XSUnsignedShort = numberCodec("unsignedShort", ParseUint16, formatUnsigned[uint16])
	XSUnsignedInt   = numberCodec("unsignedInt", ParseUint32, formatUnsigned[uint32])
	XSUnsignedLong  = numberCodec("unsignedLong", ParseUint64, formatUnsigned[uint64])
	// XSNonNegativeInteger and XSPositiveInteger are unbounded in XML Schema; sogen maps them to uint64.
	XSNonNegativeInteger = numberCodec("nonNegativeInteger", ParseUint64, formatUnsigned[uint64])
	XSPositiveInteger    = numberCodec("positiveInteger", ParseUint64, formatUnsigned[uint64])

	XSFloat  = numberCodec("float", ParseFloat32, FormatFloat32)
	XSDouble = numberCodec("double", ParseFloat64, FormatFloat64)

	XSDecimal  = lexCodec("decimal", Decimal.String, DecimalFromWire, Decimal.IsZero)
	XSDateTime = lexCodec("dateTime", DateTime.String, DateTimeFromWire, DateTime.IsZero)
	XSDate     = lexCodec("date", Date.String, DateFromWire, Date.IsZero)
	XSTime     = lexCodec("time", TimeOfDay.String, TimeOfDayFromWire, TimeOfDay.IsZero)
	XSDuration = lexCodec("duration", Duration.String, DurationFromWire, Duration.IsZero)

	XSBase64Binary = bytesCodec("base64Binary", ParseBase64, FormatBase64)
	XSHexBinary    = bytesCodec("hexBinary", ParseHex, FormatHex)

	XSQName = Codec[xml.Name]{
		Type:   xsd("QName"),
		Format: func(e *Encoder, v xml.Name) string { return e.QName(v) },
		Parse:  func(d *Decoder, s string) (xml.Name, error) { return d.ResolveQName(s) },
		IsZero: func(v xml.Name) bool { return v == xml.Name{} },
	}
)

// lexCodec is the codec of a type that keeps its wire text (DateTime, Decimal, ...): decoding stores
// the text unvalidated, so a malformed value from a peer is kept, and its conversion methods report it.
func lexCodec[T any](local string, format func(T) string, fromWire func(string) T, isZero func(T) bool) Codec[T] {
	return Codec[T]{
		Type:   xsd(local),
		Format: func(_ *Encoder, v T) string { return format(v) },
		Parse:  func(_ *Decoder, s string) (T, error) { return fromWire(s), nil },
		IsZero: isZero,
	}
}

func bytesCodec(local string, parse func(string) ([]byte, error), format func([]byte) string) Codec[[]byte] {
	return Codec[[]byte]{
		Type:   xsd(local),
		Format: func(_ *Encoder, v []byte) string { return format(v) },
		Parse:  func(_ *Decoder, s string) ([]byte, error) { return parse(s) },
		IsZero: func(v []byte) bool { return v == nil },
	}
}

// adapt derives the codec of a named Go type from the codec of its underlying type.
func adapt[T, B any](base Codec[B], typ xml.Name, to func(B) T, from func(T) B) Codec[T] {
	return Codec[T]{
		Type:   typ,
		Format: func(e *Encoder, v T) string { return base.Format(e, from(v)) },
		Parse: func(d *Decoder, s string) (T, error) {
			b, err := base.Parse(d, s)
			return to(b), err
		},
		IsZero: func(v T) bool { return base.IsZero(from(v)) },
	}
}

// StringType returns the codec of a generated string type (an enumeration, a list of flags, a
// restriction of a string type) whose values are written as base writes them.
func StringType[T ~string](base Codec[string], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b string) T { return T(b) }, func(v T) string { return string(v) })
}

// BoolType returns the codec of a generated restriction of xs:boolean.
func BoolType[T ~bool](base Codec[bool], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b bool) T { return T(b) }, func(v T) bool { return bool(v) })
}

// Int8Type returns the codec of a generated restriction of xs:byte.
func Int8Type[T ~int8](base Codec[int8], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b int8) T { return T(b) }, func(v T) int8 { return int8(v) })
}

// Int16Type returns the codec of a generated restriction of xs:short.
func Int16Type[T ~int16](base Codec[int16], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b int16) T { return T(b) }, func(v T) int16 { return int16(v) })
}

// Int32Type returns the codec of a generated restriction of xs:int.
func Int32Type[T ~int32](base Codec[int32], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b int32) T { return T(b) }, func(v T) int32 { return int32(v) })
}

// Int64Type returns the codec of a generated restriction of xs:long or xs:integer.
func Int64Type[T ~int64](base Codec[int64], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b int64) T { return T(b) }, func(v T) int64 { return int64(v) })
}

// Uint8Type returns the codec of a generated restriction of xs:unsignedByte.
func Uint8Type[T ~uint8](base Codec[uint8], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b uint8) T { return T(b) }, func(v T) uint8 { return uint8(v) })
}

// Uint16Type returns the codec of a generated restriction of xs:unsignedShort.
func Uint16Type[T ~uint16](base Codec[uint16], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b uint16) T { return T(b) }, func(v T) uint16 { return uint16(v) })
}

// Uint32Type returns the codec of a generated restriction of xs:unsignedInt.
func Uint32Type[T ~uint32](base Codec[uint32], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b uint32) T { return T(b) }, func(v T) uint32 { return uint32(v) })
}

// Uint64Type returns the codec of a generated restriction of xs:unsignedLong or xs:nonNegativeInteger.
func Uint64Type[T ~uint64](base Codec[uint64], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b uint64) T { return T(b) }, func(v T) uint64 { return uint64(v) })
}

// Float32Type returns the codec of a generated restriction of xs:float.
func Float32Type[T ~float32](base Codec[float32], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b float32) T { return T(b) }, func(v T) float32 { return float32(v) })
}

// Float64Type returns the codec of a generated restriction of xs:double.
func Float64Type[T ~float64](base Codec[float64], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b float64) T { return T(b) }, func(v T) float64 { return float64(v) })
}

// BytesType returns the codec of a generated restriction of xs:base64Binary or xs:hexBinary.
func BytesType[T ~[]byte](base Codec[[]byte], typ xml.Name) Codec[T] {
	return adapt(base, typ, func(b []byte) T { return T(b) }, func(v T) []byte { return []byte(v) })
}

// Enum returns the codec of a generated enumeration: its values are strings written as they are, and
// the empty string — not a value of any enumeration — counts as unset.
func Enum[T ~string](typ xml.Name) Codec[T] { return StringType[T](XSString, typ) }
