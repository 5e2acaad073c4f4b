package soap

import (
	"encoding/xml"
	"reflect"
	"time"
)

// SerializationNamespace is the namespace of WCF's serialization schema
// (http://schemas.microsoft.com/2003/10/Serialization/), which defines the simple types char, duration
// and guid that WCF writes as the xsi:type of .NET char, TimeSpan and Guid values in an xs:anyType
// slot (an object member, a StringObjectDictionary value).
const SerializationNamespace = "http://schemas.microsoft.com/2003/10/Serialization/"

// The Go types of the XML Schema built-ins that share their Go representation with another built-in
// (most are strings): a value of one of them in an xs:anyType slot decodes to it, and it is written
// back with its own xsi:type, so that it re-encodes as it came. In struct fields the plain Go type
// (string, int64, uint64, []byte) holds them, as the schema gives the type there.
type (
	// NormalizedString is an xs:normalizedString in an xs:anyType slot.
	NormalizedString string
	// Token is an xs:token in an xs:anyType slot.
	Token string
	// Language is an xs:language in an xs:anyType slot.
	Language string
	// Name is an xs:Name in an xs:anyType slot.
	Name string
	// NCName is an xs:NCName in an xs:anyType slot.
	NCName string
	// ID is an xs:ID in an xs:anyType slot.
	ID string
	// IDREF is an xs:IDREF in an xs:anyType slot.
	IDREF string
	// IDREFS is an xs:IDREFS (a list of IDREF, kept as its text) in an xs:anyType slot.
	IDREFS string
	// ENTITY is an xs:ENTITY in an xs:anyType slot.
	ENTITY string
	// ENTITIES is an xs:ENTITIES (a list of ENTITY, kept as its text) in an xs:anyType slot.
	ENTITIES string
	// NMTOKEN is an xs:NMTOKEN in an xs:anyType slot.
	NMTOKEN string
	// NMTOKENS is an xs:NMTOKENS (a list of NMTOKEN, kept as its text) in an xs:anyType slot.
	NMTOKENS string
	// AnyURI is an xs:anyURI in an xs:anyType slot.
	AnyURI string
	// NOTATION is an xs:NOTATION in an xs:anyType slot.
	NOTATION string
	// AnySimpleType is an xs:anySimpleType (text of no particular simple type) in an xs:anyType slot.
	AnySimpleType string
	// GYearMonth is an xs:gYearMonth ("2024-05") in an xs:anyType slot.
	GYearMonth string
	// GYear is an xs:gYear ("2024") in an xs:anyType slot.
	GYear string
	// GMonthDay is an xs:gMonthDay ("--05-01") in an xs:anyType slot.
	GMonthDay string
	// GDay is an xs:gDay ("---01") in an xs:anyType slot.
	GDay string
	// GMonth is an xs:gMonth ("--05") in an xs:anyType slot.
	GMonth string
	// Integer is an xs:integer in an xs:anyType slot. XML Schema does not bound it; sogen holds it in
	// an int64, as it does in fields, and a value out of range is a decoding error.
	Integer int64
	// NonPositiveInteger is an xs:nonPositiveInteger in an xs:anyType slot (an int64, as Integer).
	NonPositiveInteger int64
	// NegativeInteger is an xs:negativeInteger in an xs:anyType slot (an int64, as Integer).
	NegativeInteger int64
	// NonNegativeInteger is an xs:nonNegativeInteger in an xs:anyType slot (a uint64, as Integer).
	NonNegativeInteger uint64
	// PositiveInteger is an xs:positiveInteger in an xs:anyType slot (a uint64, as Integer).
	PositiveInteger uint64
	// HexBinary is an xs:hexBinary in an xs:anyType slot ([]byte is xs:base64Binary there).
	HexBinary []byte
)

// The WCF serialization types (SerializationNamespace), for an xs:anyType slot of a package that does
// not declare them itself: a package generated from a WSDL that includes WCF's serialization schema
// has its own GUID and Char types, which such values decode to instead.
type (
	// GUID is a WCF ser:guid (a .NET Guid, "c56a4180-65aa-42ec-a945-5fd21dec0538") in an xs:anyType slot.
	GUID string
	// Char is a WCF ser:char (a .NET char: one UTF-16 code unit, written as its number) in an
	// xs:anyType slot.
	Char int32
)

// TimeSpan is a WCF ser:duration (a .NET TimeSpan) in an xs:anyType slot: a Duration (its methods
// convert it) written with the xsi:type ser:duration. A package generated from a WSDL that includes
// WCF's serialization schema holds ser:duration fields as a Duration, as the schema gives the type
// there.
type TimeSpan struct{ Duration }

func serType(local string) xml.Name { return xml.Name{Space: SerializationNamespace, Local: local} }

// anyTypes lists, for every XML Schema built-in but xs:anyType, and for the WCF serialization types,
// the Go type a value of it in an xs:anyType slot decodes to, and the codec writing such a Go value
// back with its xsi:type. EncodeAny and DecodeAny both read it; each Go type appears once.
var anyTypes = []anyType{
	anyOf(XSString),
	anyOf(XSBoolean),
	anyOf(XSByte),
	anyOf(XSShort),
	anyOf(XSInt),
	anyOf(XSLong),
	anyOf(XSUnsignedByte),
	anyOf(XSUnsignedShort),
	anyOf(XSUnsignedInt),
	anyOf(XSUnsignedLong),
	anyOf(XSFloat),
	anyOf(XSDouble),
	anyOf(XSBase64Binary),
	anyOf(XSDateTime),
	anyOf(XSDate),
	anyOf(XSTime),
	anyOf(XSDuration),
	anyOf(XSDecimal),
	anyOf(XSQName),
	anyOf(StringType[NormalizedString](XSNormalizedString, XSNormalizedString.Type)),
	anyOf(StringType[Token](XSToken, XSToken.Type)),
	anyOf(StringType[Language](XSLanguage, XSLanguage.Type)),
	anyOf(StringType[Name](XSName, XSName.Type)),
	anyOf(StringType[NCName](XSNCName, XSNCName.Type)),
	anyOf(StringType[ID](XSID, XSID.Type)),
	anyOf(StringType[IDREF](XSIDREF, XSIDREF.Type)),
	anyOf(StringType[IDREFS](XSIDREFS, XSIDREFS.Type)),
	anyOf(StringType[ENTITY](XSENTITY, XSENTITY.Type)),
	anyOf(StringType[ENTITIES](XSENTITIES, XSENTITIES.Type)),
	anyOf(StringType[NMTOKEN](XSNMTOKEN, XSNMTOKEN.Type)),
	anyOf(StringType[NMTOKENS](XSNMTOKENS, XSNMTOKENS.Type)),
	anyOf(StringType[AnyURI](XSAnyURI, XSAnyURI.Type)),
	anyOf(StringType[NOTATION](XSNOTATION, XSNOTATION.Type)),
	anyOf(StringType[AnySimpleType](XSAnySimpleType, XSAnySimpleType.Type)),
	anyOf(StringType[GYearMonth](XSGYearMonth, XSGYearMonth.Type)),
	anyOf(StringType[GYear](XSGYear, XSGYear.Type)),
	anyOf(StringType[GMonthDay](XSGMonthDay, XSGMonthDay.Type)),
	anyOf(StringType[GDay](XSGDay, XSGDay.Type)),
	anyOf(StringType[GMonth](XSGMonth, XSGMonth.Type)),
	anyOf(Int64Type[Integer](XSInteger, XSInteger.Type)),
	anyOf(Int64Type[NonPositiveInteger](XSNonPositiveInteger, XSNonPositiveInteger.Type)),
	anyOf(Int64Type[NegativeInteger](XSNegativeInteger, XSNegativeInteger.Type)),
	anyOf(Uint64Type[NonNegativeInteger](XSNonNegativeInteger, XSNonNegativeInteger.Type)),
	anyOf(Uint64Type[PositiveInteger](XSPositiveInteger, XSPositiveInteger.Type)),
	anyOf(BytesType[HexBinary](XSHexBinary, XSHexBinary.Type)),
	anyOf(StringType[GUID](XSString, serType("guid"))),
	anyOf(Int32Type[Char](XSInt, serType("char"))),
	anyOf(adapt(XSDuration, serType("duration"), func(d Duration) TimeSpan { return TimeSpan{d} }, func(t TimeSpan) Duration { return t.Duration })),
}

// anyType is the xs:anyType mapping of one simple type: its schema name and Go type, and its codec
// seen through any.
type anyType struct {
	name   xml.Name
	goType reflect.Type
	parse  func(d *Decoder, s string) (any, error)
	write  func(e *Encoder, name xml.Name, v any)
}

func anyOf[T any](c Codec[T]) anyType {
	return anyType{
		name:   c.Type,
		goType: reflect.TypeFor[T](),
		parse: func(d *Decoder, s string) (any, error) {
			v, err := c.Parse(d, s)
			if err != nil {
				return nil, err
			}
			return v, nil
		},
		write: func(e *Encoder, name xml.Name, v any) { c.MarshalElement(e, Start{Name: name, Type: c.Type}, v.(T)) },
	}
}

// anyByName and anyByGoType index anyTypes; anyByGoType also maps the Go types that EncodeAny writes
// as the nearest built-in but that no value decodes to (int, uint, time.Time).
var anyByName, anyByGoType = func() (map[xml.Name]*anyType, map[reflect.Type]func(e *Encoder, name xml.Name, v any)) {
	byName := map[xml.Name]*anyType{}
	byGo := map[reflect.Type]func(e *Encoder, name xml.Name, v any){}
	for i := range anyTypes {
		a := &anyTypes[i]
		if byName[a.name] != nil || byGo[a.goType] != nil {
			panic("soap: anyTypes lists " + a.name.Local + " or " + a.goType.String() + " twice")
		}
		byName[a.name] = a
		byGo[a.goType] = a.write
	}
	byGo[reflect.TypeFor[int]()] = func(e *Encoder, name xml.Name, v any) {
		XSLong.MarshalElement(e, Start{Name: name, Type: XSLong.Type}, int64(v.(int)))
	}
	byGo[reflect.TypeFor[uint]()] = func(e *Encoder, name xml.Name, v any) {
		XSUnsignedLong.MarshalElement(e, Start{Name: name, Type: XSUnsignedLong.Type}, uint64(v.(uint)))
	}
	byGo[reflect.TypeFor[time.Time]()] = func(e *Encoder, name xml.Name, v any) {
		XSDateTime.MarshalElement(e, Start{Name: name, Type: XSDateTime.Type}, NewDateTime(v.(time.Time)))
	}
	return byName, byGo
}()

// MarshalElement writes v as the element start: its start tag (with start.Type as xsi:type, when not
// zero), v's lexical form, and its end tag. Generated simple types use it to fill xs:anyType slots.
func (c Codec[T]) MarshalElement(e *Encoder, start Start, v T) {
	e.StartElement(start)
	e.Text(c.Format(e, v))
	e.EndElement()
}

// SimpleValue returns the TypeRegistry entry of a generated simple type (an enumeration, a list of
// flags, a restriction of a built-in): a value in an xs:anyType slot whose xsi:type names it decodes,
// with c, to a T, which DecodeAny stores as it is (not as a pointer).
func SimpleValue[T any](c Codec[T]) func() Unmarshaler {
	return func() Unmarshaler { return &simpleValue[T]{codec: c} }
}

// simpleValue decodes one value of a generated simple type for DecodeAny.
type simpleValue[T any] struct {
	codec Codec[T]
	v     T
}

// UnmarshalSOAP reads the text of the element start.
func (s *simpleValue[T]) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	return s.codec.DecodeText(d, &s.v)
}

// anyValue returns the value decoded.
func (s *simpleValue[T]) anyValue() any { return s.v }
