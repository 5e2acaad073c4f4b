package soapimpl

import (
	"encoding/xml"
	"time"

	"github.com/sogen-go/sogen/soap"
)

// Any is the codec of an xs:anyType field, held in an any. The value's Go type chooses the xsi:type
// written: string (xs:string), bool, int8, int16, int32, int64 and int (xs:long), their unsigned
// counterparts, float32, float64, []byte (xs:base64Binary), soap.DateTime, time.Time (xs:dateTime),
// soap.Date, soap.TimeOfDay, soap.Duration, soap.Decimal, xml.Name (xs:QName), []any (a SOAP-ENC array
// of such values, xsi:type="soapenc:Array"), a generated struct (its schema type), or a *soap.Element
// written as it is. Any other type is an encoding error.
//
// Decoding: an xsi:type naming one of those built-in types (or the soapenc type of the same name)
// gives that Go value; soapenc:Array gives a []any of its items; one naming a generated type (found
// in the Decoder's registry) gives a pointer to it; any other value, or one without xsi:type, is kept
// as a *soap.Element.
var Any = withArrays[any](wrapBase(anyOps))

var anyOps = &ops[any]{zero: anyUnset, elem: encodeAny, elemDec: decodeAny}

func anyUnset(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case *soap.Element:
		return x == nil
	case []byte:
		return x == nil
	case []any:
		return x == nil
	case Message:
		return x.SOAPType().isNil(v)
	}
	return false
}

func typedText[T any](e *Encoder, f *elem, c *Codec, v T) {
	o := opsOf[T](c)
	e.startName(&f.name, o.typ)
	textOf(o, e, v)
	e.EndElement()
}

func encodeAny(e *Encoder, f *elem, owner string, v any) {
	if anyUnset(v) {
		e.startName(&f.name, xml.Name{})
		e.EndElement()
		return
	}
	switch x := v.(type) {
	case string:
		typedText(e, f, &XSString, x)
	case bool:
		typedText(e, f, &XSBoolean, x)
	case int8:
		typedText(e, f, &XSByte, x)
	case int16:
		typedText(e, f, &XSShort, x)
	case int32:
		typedText(e, f, &XSInt, x)
	case int64:
		typedText(e, f, &XSLong, x)
	case int:
		typedText(e, f, &XSLong, int64(x))
	case uint8:
		typedText(e, f, &XSUnsignedByte, x)
	case uint16:
		typedText(e, f, &XSUnsignedShort, x)
	case uint32:
		typedText(e, f, &XSUnsignedInt, x)
	case uint64:
		typedText(e, f, &XSUnsignedLong, x)
	case uint:
		typedText(e, f, &XSUnsignedLong, uint64(x))
	case float32:
		typedText(e, f, &XSFloat, x)
	case float64:
		typedText(e, f, &XSDouble, x)
	case []byte:
		typedText(e, f, &XSBase64Binary, x)
	case soap.DateTime:
		typedText(e, f, &XSDateTime, x)
	case time.Time:
		typedText(e, f, &XSDateTime, soap.NewDateTime(x))
	case soap.Date:
		typedText(e, f, &XSDate, x)
	case soap.TimeOfDay:
		typedText(e, f, &XSTime, x)
	case soap.Duration:
		typedText(e, f, &XSDuration, x)
	case soap.Decimal:
		typedText(e, f, &XSDecimal, x)
	case xml.Name:
		typedText(e, f, &XSQName, x)
	case *soap.Element:
		encodeElement(e, x, f.name.XML(), xml.Name{})
	case []any:
		// A SOAP-ENC array of anything (SOAP 1.1 section 5.4.2), as PHP and Axis services take
		// untyped arrays.
		encodeSOAPArray(anyArray, e, &elem{name: f.name}, owner, x, true)
	case Message:
		t := x.SOAPType()
		if t.s.Type == (xml.Name{}) {
			e.Errorf("soap: %s: a value of anonymous type %T cannot fill an xs:anyType element", f.name.Local, v)
			return
		}
		t.encodeElem(e, &f.name, t.s.Type, v)
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

// anyDecoders are the built-in types an xs:anyType value decodes to a Go value for: those whose Go
// value encodes back to the same xsi:type. Others (xs:token, xs:hexBinary, xs:integer, ...) are kept
// as a *soap.Element so that nothing changes on the way back.
var anyDecoders = map[string]func(d *Decoder, s []byte) (any, error){
	"string":        anyOf[string](&XSString),
	"boolean":       anyOf[bool](&XSBoolean),
	"byte":          anyOf[int8](&XSByte),
	"short":         anyOf[int16](&XSShort),
	"int":           anyOf[int32](&XSInt),
	"long":          anyOf[int64](&XSLong),
	"unsignedByte":  anyOf[uint8](&XSUnsignedByte),
	"unsignedShort": anyOf[uint16](&XSUnsignedShort),
	"unsignedInt":   anyOf[uint32](&XSUnsignedInt),
	"unsignedLong":  anyOf[uint64](&XSUnsignedLong),
	"float":         anyOf[float32](&XSFloat),
	"double":        anyOf[float64](&XSDouble),
	"base64Binary":  anyOf[[]byte](&XSBase64Binary),
	"dateTime":      anyOf[soap.DateTime](&XSDateTime),
	"date":          anyOf[soap.Date](&XSDate),
	"time":          anyOf[soap.TimeOfDay](&XSTime),
	"duration":      anyOf[soap.Duration](&XSDuration),
	"decimal":       anyOf[soap.Decimal](&XSDecimal),
	"QName":         anyOf[xml.Name](&XSQName),
}

func anyOf[T any](c *Codec) func(d *Decoder, s []byte) (any, error) {
	o := opsOf[T](c)
	return func(d *Decoder, s []byte) (any, error) {
		v, err := o.parse(d, s)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

func decodeAny(d *Decoder, dst *any) error {
	t, typed, err := d.xsiTypeRaw()
	if err != nil {
		return err
	}
	var v any
	var builtin func(d *Decoder, s []byte) (any, error)
	if typed && (t.NS == nsXSD || t.NS == nsSOAPEnc) {
		// soapenc:string is xs:string (SOAP 1.1 section 5.2.1)
		builtin = anyDecoders[string(t.Local)]
	}
	switch {
	case builtin != nil:
		if d.hasOtherAttrs() {
			v, err = captureElement(d)
			break
		}
		var s []byte
		s, err = d.text()
		if err == nil {
			v, err = builtin(d, s)
			if err != nil {
				err = d.wrap(err)
			}
		}
	case typed && (t.NS == nsSOAPEnc || t.NS == nsEnc12) && string(t.Local) == "Array":
		var items []any
		err = decodeArray(anyArray, d, &items)
		v = items
	case typed && d.types.lookupRaw(t) != nil:
		typ := d.types.lookupRaw(t)
		x := typ.newValue()
		err = typ.decode(d, x)
		v = x
	default:
		v, err = captureElement(d)
	}
	if err != nil {
		return err
	}
	*dst = v
	return nil
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
