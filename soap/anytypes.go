package soap

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
