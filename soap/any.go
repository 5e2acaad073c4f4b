package soap

import (
	"encoding/xml"
	"fmt"
	"reflect"
)

// Element is XML kept as it was received: an xs:anyType value of a type this client does not know, or
// the detail of a fault. Encoding an Element writes it back: its xsi:type, attributes and content.
// Names are kept resolved (namespace URI, local name); prefixes are chosen afresh when it is written.
// A QName inside an attribute value or text other than xsi:type keeps its prefix as text.
type Element struct {
	// Name is the element's name as received.
	Name xml.Name
	// Type is the element's xsi:type, resolved; zero when it had none.
	Type xml.Name
	// Attr holds the attributes other than namespace declarations and xsi:type.
	Attr []xml.Attr
	// Content is the element's children in document order.
	Content []Node
}

// Node is one piece of an Element's content: text or a child element.
type Node struct {
	// Text is character data; it is meaningful when Element is nil.
	Text string
	// Element is a child element, or nil for text.
	Element *Element
}

// SOAPType returns the element's xsi:type.
func (el *Element) SOAPType() xml.Name { return el.Type }

// MarshalSOAP writes the element under the name start.Name (el.Name when start.Name is zero), with
// start.Type or else el.Type as its xsi:type.
func (el *Element) MarshalSOAP(e *Encoder, start Start) {
	if start.Name == (xml.Name{}) {
		start.Name = el.Name
	}
	if start.Type == (xml.Name{}) {
		start.Type = el.Type
	}
	e.StartElement(start)
	for _, a := range el.Attr {
		e.Attr(a.Name, a.Value)
	}
	for _, n := range el.Content {
		if n.Element != nil {
			n.Element.MarshalSOAP(e, Start{})
		} else {
			e.Text(n.Text)
		}
	}
	e.EndElement()
}

// UnmarshalSOAP reads the element start, whose start tag was just returned by d, verbatim.
func (el *Element) UnmarshalSOAP(d *Decoder, start xml.StartElement) error {
	el.Name = start.Name
	el.Type = xml.Name{}
	el.Attr = nil
	el.Content = nil
	for _, a := range start.Attr {
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
		case a.Name.Space == XSINamespace && a.Name.Local == "type":
			t, err := d.ResolveQName(a.Value)
			if err != nil {
				return err
			}
			el.Type = t
		default:
			el.Attr = append(el.Attr, a)
		}
	}
	content, err := readContent(d)
	el.Content = content
	return err
}

// readContent reads the content of the element being read, up to and including its end tag: text
// and child elements (as *Element) in document order.
//
// Adjacent character data (text split by comments, processing instructions or CDATA sections) is
// gathered in one buffer and becomes one text node: appending to the node's string instead would
// copy it again for every piece, quadratic time on a reply made of many small pieces. Empty text (an
// empty CDATA section) makes no node: it would be written back as <e></e>, which reads back as no
// content at all.
func readContent(d *Decoder) ([]Node, error) {
	var content []Node
	var text []byte
	flush := func() {
		if len(text) > 0 {
			content = append(content, Node{Text: string(text)})
			text = text[:0]
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return content, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			child := new(Element)
			if err := child.UnmarshalSOAP(d, t); err != nil {
				return content, err
			}
			content = append(content, Node{Element: child})
		case xml.CharData:
			text = append(text, t...)
		case xml.EndElement:
			flush()
			return content, nil
		}
	}
}

// isNilValue reports whether v is nil or an interface holding a nil pointer, map or slice.
func isNilValue(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// EncodeAny writes an xs:anyType field. The value's Go type chooses the xsi:type written: string
// (xs:string), bool, int8, int16, int32, int64 and int (xs:long), their unsigned counterparts, float32,
// float64, []byte (xs:base64Binary), DateTime, time.Time (xs:dateTime), Date, TimeOfDay, Duration,
// Decimal, xml.Name (xs:QName), the runtime types of the other built-ins (Token, AnyURI, GYear,
// Integer, HexBinary, ...) and of WCF's serialization types (GUID, Char, TimeSpan), []any (a SOAP-ENC
// array of such values, xsi:type="soapenc:Array"), a generated type — complex or simple (an
// enumeration, a restriction such as a WCF guid) — (its schema type), or an *Element written as it is.
// Any other type is an encoding error.
func EncodeAny(e *Encoder, f *Field, p *Presence, v any) {
	unset := isNilValue(v)
	switch f.valueState(e, p, unset) {
	case Absent:
		return
	case Nil:
		e.NilElement(f.Name)
		return
	}
	if unset {
		e.StartElement(Start{Name: f.Name})
		e.EndElement()
		return
	}
	if write := anyByGoType[reflect.TypeOf(v)]; write != nil {
		write(e, f.Name, v)
		return
	}
	switch x := v.(type) {
	case *Element:
		x.MarshalSOAP(e, Start{Name: f.Name})
	case []any:
		// A SOAP-ENC array of anything (SOAP 1.1 section 5.4.2), as PHP and Axis services take
		// untyped arrays.
		anyArray().encodeSOAPArray(e, &Field{Name: f.Name}, nil, x, true)
	case Marshaler:
		t := x.SOAPType()
		if t == (xml.Name{}) {
			e.SetError(fmt.Errorf("soap: %s: a value of anonymous type %T cannot fill an xs:anyType element", f.Name.Local, v))
			return
		}
		x.MarshalSOAP(e, Start{Name: f.Name, Type: t})
	default:
		e.SetError(fmt.Errorf("soap: %s: cannot encode a %T as xs:anyType", f.Name.Local, v))
	}
}

// anyArray is the SOAP-ENC array of xs:anyType items that a []any in an xs:anyType slot is written as,
// and that an xsi:type="soapenc:Array" value there is read as.
// (A function, since EncodeAny and DecodeAny refer to it.)
func anyArray() *Array[any] {
	return &Array[any]{
		Item:       Field{Name: xml.Name{Local: "item"}, ZeroUnset: true},
		EncodeItem: EncodeAny,
		DecodeItem: DecodeAny,
		ArrayType:  xml.Name{Space: XSDNamespace, Local: "anyType"},
	}
}

// anyValuer is implemented by what a TypeRegistry entry of a simple type returns (SimpleValue): the
// decoded value is stored in the xs:anyType slot, not the holder.
type anyValuer interface{ anyValue() any }

// DecodeAny reads an xs:anyType field, choosing the Go value from xsi:type:
//
//   - a type of the generated package (found in the Decoder's Types) gives a pointer to its struct,
//     or the value of its simple type (a GUID, an enumeration);
//   - an XML Schema built-in (or the soapenc type of the same name, SOAP 1.1 section 5.2.1) gives
//     the Go value EncodeAny lists for it, and one of WCF's serialization types the runtime's GUID,
//     Char or TimeSpan (when the package has none of its own);
//   - soapenc:Array gives a []any of its items;
//   - anything else, no xsi:type at all, or a simple value with attributes of its own, is kept as an
//     *Element (xsi:type="xs:anyType" too: its content may be anything).
//
// Every value decoded is written back by EncodeAny with the xsi:type it came with.
func DecodeAny(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *any) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	t, typed, err := d.XSIType(se)
	if err != nil {
		return err
	}
	if typed && t.Space == SOAPEncNamespace && anyByName[xml.Name{Space: XSDNamespace, Local: t.Local}] != nil {
		t.Space = XSDNamespace // soapenc:string is xs:string (SOAP 1.1 section 5.2.1)
	}
	simple := anyByName[t]
	var v any
	switch {
	case typed && d.Types[t] != nil:
		u := d.Types[t]()
		if _, ok := u.(anyValuer); ok && len(se.Attr) > countSpecial(se) {
			v, err = captureElement(d, se)
			break
		}
		err = u.UnmarshalSOAP(d, se)
		v = u
		if s, ok := u.(anyValuer); ok {
			v = s.anyValue()
		}
	case typed && simple != nil:
		if len(se.Attr) > countSpecial(se) {
			v, err = captureElement(d, se)
			break
		}
		var s string
		s, err = d.Text()
		if err == nil {
			v, err = simple.parse(d, s)
			if err != nil {
				err = d.wrap(err)
			}
		}
	case typed && (t == xml.Name{Space: SOAPEncNamespace, Local: "Array"} || t == xml.Name{Space: SOAP12EncNamespace, Local: "Array"}):
		var items []any
		err = anyArray().decodeSOAPArray(d, se, &Field{Name: se.Name}, nil, &items)
		v = items
	default:
		v, err = captureElement(d, se)
	}
	if err != nil {
		return err
	}
	*dst = v
	f.Observe(p, Present, false)
	return nil
}

// countSpecial counts the attributes of se that a typed value does not need to keep: namespace
// declarations and xsi:type.
func countSpecial(se xml.StartElement) int {
	n := 0
	for _, a := range se.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" ||
			a.Name.Space == XSINamespace && a.Name.Local == "type" {
			n++
		}
	}
	return n
}

func captureElement(d *Decoder, se xml.StartElement) (*Element, error) {
	el := new(Element)
	if err := el.UnmarshalSOAP(d, se); err != nil {
		return nil, err
	}
	return el, nil
}
