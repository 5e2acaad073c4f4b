package soapimpl

import (
	"encoding/xml"
	"time"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// Any is the codec of an xs:anyType field, held in an any. The value's Go type chooses the xsi:type
// written: string (xs:string), bool, int8, int16, int32, int64 and int (xs:long), their unsigned
// counterparts, float32, float64, []byte (xs:base64Binary), soap.DateTime, time.Time (xs:dateTime),
// soap.Date, soap.TimeOfDay, soap.Duration, soap.Decimal, xml.Name (xs:QName), the runtime types of the
// other built-ins (soap.Token, soap.AnyURI, soap.GYear, soap.Integer, soap.HexBinary, ...) and of WCF's
// serialization types (soap.GUID, soap.Char, soap.TimeSpan), []any (a SOAP-ENC array of such values,
// xsi:type="soapenc:Array"), a generated type — complex or simple (an enumeration, a restriction such
// as a WCF guid) — (its schema type), or a *soap.Element written as it is. Any other type is an
// encoding error.
//
// Decoding chooses the Go value from xsi:type:
//   - a type of the generated package (found in the Decoder's registry) gives a pointer to its
//     struct, or the value of its simple type;
//   - an XML Schema built-in (or the soapenc type of the same name, SOAP 1.1 section 5.2.1) gives the
//     Go value listed above for it, and one of WCF's serialization types the runtime's soap.GUID,
//     soap.Char or soap.TimeSpan (when the package has none of its own);
//   - soapenc:Array gives a []any of its items;
//   - anything else, no xsi:type at all, or a simple value with attributes of its own, is kept as a
//     *soap.Element (xsi:type="xs:anyType" too: its content may be anything).
//
// Every value decoded is written back with the xsi:type it came with.
var Any = withArrays[any](wrapBase(anyOps))

var anyOps = &ops[any]{zero: anyUnset, elem: encodeAny, elemDec: decodeAny}

// SimpleMessage is implemented by the generated simple types (enumerations, lists of flags,
// restrictions of built-ins): SOAPCodec returns the type's codec, which writes a value of it into an
// xs:anyType slot with its xsi:type.
type SimpleMessage interface {
	SOAPCodec() *Codec
}

func anyUnset(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case *soap.Element:
		return x == nil
	case []byte:
		return x == nil
	case soap.HexBinary:
		return x == nil
	case []any:
		return x == nil
	case Message:
		return x.SOAPType().isNil(v)
	}
	return false
}

// The codecs of the runtime types of the built-ins and of WCF's serialization types, for values in
// xs:anyType slots.
var (
	anyNormalizedString   = StringType[soap.NormalizedString](&XSNormalizedString, xsd("normalizedString"))
	anyToken              = StringType[soap.Token](&XSToken, xsd("token"))
	anyLanguage           = StringType[soap.Language](&XSLanguage, xsd("language"))
	anyName               = StringType[soap.Name](&XSName, xsd("Name"))
	anyNCName             = StringType[soap.NCName](&XSNCName, xsd("NCName"))
	anyID                 = StringType[soap.ID](&XSID, xsd("ID"))
	anyIDREF              = StringType[soap.IDREF](&XSIDREF, xsd("IDREF"))
	anyIDREFS             = StringType[soap.IDREFS](&XSIDREFS, xsd("IDREFS"))
	anyENTITY             = StringType[soap.ENTITY](&XSENTITY, xsd("ENTITY"))
	anyENTITIES           = StringType[soap.ENTITIES](&XSENTITIES, xsd("ENTITIES"))
	anyNMTOKEN            = StringType[soap.NMTOKEN](&XSNMTOKEN, xsd("NMTOKEN"))
	anyNMTOKENS           = StringType[soap.NMTOKENS](&XSNMTOKENS, xsd("NMTOKENS"))
	anyAnyURI             = StringType[soap.AnyURI](&XSAnyURI, xsd("anyURI"))
	anyNOTATION           = StringType[soap.NOTATION](&XSNOTATION, xsd("NOTATION"))
	anyAnySimpleType      = StringType[soap.AnySimpleType](&XSAnySimpleType, xsd("anySimpleType"))
	anyGYearMonth         = StringType[soap.GYearMonth](&XSGYearMonth, xsd("gYearMonth"))
	anyGYear              = StringType[soap.GYear](&XSGYear, xsd("gYear"))
	anyGMonthDay          = StringType[soap.GMonthDay](&XSGMonthDay, xsd("gMonthDay"))
	anyGDay               = StringType[soap.GDay](&XSGDay, xsd("gDay"))
	anyGMonth             = StringType[soap.GMonth](&XSGMonth, xsd("gMonth"))
	anyInteger            = Int64Type[soap.Integer](&XSInteger, xsd("integer"))
	anyNonPositiveInteger = Int64Type[soap.NonPositiveInteger](&XSNonPositiveInteger, xsd("nonPositiveInteger"))
	anyNegativeInteger    = Int64Type[soap.NegativeInteger](&XSNegativeInteger, xsd("negativeInteger"))
	anyNonNegativeInteger = Uint64Type[soap.NonNegativeInteger](&XSNonNegativeInteger, xsd("nonNegativeInteger"))
	anyPositiveInteger    = Uint64Type[soap.PositiveInteger](&XSPositiveInteger, xsd("positiveInteger"))
	anyHexBinary          = BytesType[soap.HexBinary](&XSHexBinary, xsd("hexBinary"))
	anyGUID               = StringType[soap.GUID](&XSString, serType("guid"))
	anyChar               = Int32Type[soap.Char](&XSInt, serType("char"))
	anyTimeSpan           = adapt(&XSDuration, serType("duration"), func(d soap.Duration) soap.TimeSpan { return soap.TimeSpan{Duration: d} },
		func(t soap.TimeSpan) soap.Duration { return t.Duration })
)

func serType(local string) xml.Name {
	return xml.Name{Space: soap.SerializationNamespace, Local: local}
}

// anyBuiltins are the codecs of the simple types an xs:anyType value decodes to a Go value for, by
// namespace (XML Schema's, WCF's serialization schema) and local name.
var anyBuiltins = func() map[xmlr.NS]map[string]*Codec {
	m := map[xmlr.NS]map[string]*Codec{}
	for _, c := range []*Codec{
		&XSString, &XSBoolean, &XSByte, &XSShort, &XSInt, &XSLong, &XSUnsignedByte, &XSUnsignedShort,
		&XSUnsignedInt, &XSUnsignedLong, &XSFloat, &XSDouble, &XSBase64Binary, &XSDateTime, &XSDate,
		&XSTime, &XSDuration, &XSDecimal, &XSQName,
		&anyNormalizedString, &anyToken, &anyLanguage, &anyName, &anyNCName, &anyID, &anyIDREF,
		&anyIDREFS, &anyENTITY, &anyENTITIES, &anyNMTOKEN, &anyNMTOKENS, &anyAnyURI, &anyNOTATION,
		&anyAnySimpleType, &anyGYearMonth, &anyGYear, &anyGMonthDay, &anyGDay, &anyGMonth,
		&anyInteger, &anyNonPositiveInteger, &anyNegativeInteger, &anyNonNegativeInteger,
		&anyPositiveInteger, &anyHexBinary, &anyGUID, &anyChar, &anyTimeSpan,
	} {
		ns := xmlr.Intern(c.c.typ.Space)
		if m[ns] == nil {
			m[ns] = map[string]*Codec{}
		}
		if m[ns][c.c.typ.Local] != nil {
			panic("soapimpl: two codecs for " + c.c.typ.Local)
		}
		m[ns][c.c.typ.Local] = c
	}
	return m
}()

// anyCodecOf returns the codec writing v, a value of one of the built-in Go types an xs:anyType slot
// holds, and v converted to the codec's Go type; nil for another type.
func anyCodecOf(v any) (*Codec, any) {
	switch x := v.(type) {
	case string:
		return &XSString, v
	case bool:
		return &XSBoolean, v
	case int8:
		return &XSByte, v
	case int16:
		return &XSShort, v
	case int32:
		return &XSInt, v
	case int64:
		return &XSLong, v
	case int:
		return &XSLong, int64(x)
	case uint8:
		return &XSUnsignedByte, v
	case uint16:
		return &XSUnsignedShort, v
	case uint32:
		return &XSUnsignedInt, v
	case uint64:
		return &XSUnsignedLong, v
	case uint:
		return &XSUnsignedLong, uint64(x)
	case float32:
		return &XSFloat, v
	case float64:
		return &XSDouble, v
	case []byte:
		return &XSBase64Binary, v
	case soap.DateTime:
		return &XSDateTime, v
	case time.Time:
		return &XSDateTime, soap.NewDateTime(x)
	case soap.Date:
		return &XSDate, v
	case soap.TimeOfDay:
		return &XSTime, v
	case soap.Duration:
		return &XSDuration, v
	case soap.Decimal:
		return &XSDecimal, v
	case xml.Name:
		return &XSQName, v
	case soap.NormalizedString:
		return &anyNormalizedString, v
	case soap.Token:
		return &anyToken, v
	case soap.Language:
		return &anyLanguage, v
	case soap.Name:
		return &anyName, v
	case soap.NCName:
		return &anyNCName, v
	case soap.ID:
		return &anyID, v
	case soap.IDREF:
		return &anyIDREF, v
	case soap.IDREFS:
		return &anyIDREFS, v
	case soap.ENTITY:
		return &anyENTITY, v
	case soap.ENTITIES:
		return &anyENTITIES, v
	case soap.NMTOKEN:
		return &anyNMTOKEN, v
	case soap.NMTOKENS:
		return &anyNMTOKENS, v
	case soap.AnyURI:
		return &anyAnyURI, v
	case soap.NOTATION:
		return &anyNOTATION, v
	case soap.AnySimpleType:
		return &anyAnySimpleType, v
	case soap.GYearMonth:
		return &anyGYearMonth, v
	case soap.GYear:
		return &anyGYear, v
	case soap.GMonthDay:
		return &anyGMonthDay, v
	case soap.GDay:
		return &anyGDay, v
	case soap.GMonth:
		return &anyGMonth, v
	case soap.Integer:
		return &anyInteger, v
	case soap.NonPositiveInteger:
		return &anyNonPositiveInteger, v
	case soap.NegativeInteger:
		return &anyNegativeInteger, v
	case soap.NonNegativeInteger:
		return &anyNonNegativeInteger, v
	case soap.PositiveInteger:
		return &anyPositiveInteger, v
	case soap.HexBinary:
		return &anyHexBinary, v
	case soap.GUID:
		return &anyGUID, v
	case soap.Char:
		return &anyChar, v
	case soap.TimeSpan:
		return &anyTimeSpan, v
	}
	return nil, nil
}

func encodeAny(e *Encoder, f *elem, owner string, p *soap.Presence, v any) {
	if anyUnset(v) {
		e.startName(&f.name, xml.Name{})
		e.EndElement()
		return
	}
	if c, x := anyCodecOf(v); c != nil {
		c.c.anyEnc(e, &f.name, x)
		return
	}
	switch x := v.(type) {
	case *soap.Element:
		encodeElement(e, x, f.name.XML(), xml.Name{})
	case []any:
		// A SOAP-ENC array of anything (SOAP 1.1 section 5.4.2), as PHP and Axis services take
		// untyped arrays.
		encodeSOAPArray(anyArray, e, &elem{name: f.name}, owner, nil, x, true)
	case Message:
		t := x.SOAPType()
		if t.s.Type == (xml.Name{}) {
			e.Errorf("soap: %s: a value of anonymous type %T cannot fill an xs:anyType element", f.name.Local, v)
			return
		}
		t.encodeElem(e, &f.name, t.s.Type, v)
	case SimpleMessage:
		x.SOAPCodec().c.anyEnc(e, &f.name, v)
	default:
		e.Errorf("soap: %s: cannot encode a %T as xs:anyType", f.name.Local, v)
	}
}

// anyArray is the SOAP-ENC array of xs:anyType items that a []any in an xs:anyType slot is written
// as, and that an xsi:type="soapenc:Array" value there is read as.
var anyArray = &array[any]{
	item:      newElem("", "item", ZeroUnset),
	arrayType: xml.Name{Space: soap.XSDNamespace, Local: "anyType"},
}

func init() { anyArray.c = anyOps } // anyOps's functions refer to anyArray

func decodeAny(d *Decoder, f *elem, _ *soap.Presence, dst *any) error {
	t, typed, err := d.xsiTypeRaw()
	if err != nil {
		return err
	}
	var simple *Codec
	if typed {
		ns := t.NS
		if ns == nsSOAPEnc && anyBuiltins[nsXSD][string(t.Local)] != nil {
			ns = nsXSD // soapenc:string is xs:string (SOAP 1.1 section 5.2.1)
		}
		simple = anyBuiltins[ns][string(t.Local)]
	}
	var v any
	switch {
	case typed && d.types.lookupRaw(t) != nil:
		typ := d.types.lookupRaw(t)
		x := typ.newValue()
		err = typ.decode(d, x)
		v = x
	case typed && d.types.simpleRaw(t) != nil:
		v, err = decodeAnySimple(d, d.types.simpleRaw(t))
	case simple != nil:
		v, err = decodeAnySimple(d, simple)
	case typed && (t.NS == nsSOAPEnc || t.NS == nsEnc12) && string(t.Local) == "Array":
		var items []any
		err = decodeArray(anyArray, d, &elem{name: NewName("", "item")}, nil, &items)
		v = items
	default:
		v, err = captureElement(d)
	}
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// decodeAnySimple reads the element just started, whose xsi:type names the simple type of c, into a
// value of c's Go type; an element with attributes of its own is kept as a *soap.Element.
func decodeAnySimple(d *Decoder, c *Codec) (any, error) {
	if d.hasOtherAttrs() {
		return captureElement(d)
	}
	s, err := d.text()
	if err != nil {
		return nil, err
	}
	v, err := c.c.anyDec(d, s)
	if err != nil {
		return nil, d.wrap(err)
	}
	return v, nil
}

// encodeElement writes el, under the name name (el.Name when name is zero), with xsi:type typ or else
// el.Type: its attributes and content.
func encodeElement(e *Encoder, el *soap.Element, name, typ xml.Name) {
	if name == (xml.Name{}) {
		name = el.Name
	}
	if typ == (xml.Name{}) {
		typ = el.Type
	}
	e.StartElement(name, typ)
	for _, a := range el.Attr {
		e.Attr(a.Name, a.Value)
	}
	encodeNodes(e, el.Content)
	e.EndElement()
}

// encodeNodes writes mixed content: text and elements in order, as they were received.
func encodeNodes(e *Encoder, nodes []soap.Node) {
	for _, n := range nodes {
		if n.Element != nil {
			encodeElement(e, n.Element, xml.Name{}, xml.Name{})
		} else {
			e.Text(n.Text)
		}
	}
}

// EncodeElement writes el as an element (under its own name and xsi:type).
func EncodeElement(e *Encoder, el *soap.Element) { encodeElement(e, el, xml.Name{}, xml.Name{}) }
