package soapimpl

// The wire side of the header blocks of soap.HeaderBlock, shared by the client and (later) the
// server: writing extra blocks with their mustUnderstand, actor/role and relay attributes as the SOAP
// version spells them, and reading those attributes back to decide which blocks a receiver must
// understand.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlw"
)

// errUnnamedElement is the Encoder's error for an element started without a name.
var errUnnamedElement = errors.New(`soap: "" is not a valid XML element name (the name is zero)`)

// writeHeaderBlocks writes blocks inside the open soap:Header of an envelope of version v.
func writeHeaderBlocks(e *Encoder, v soap.Version, blocks []soap.HeaderBlock) {
	for i := range blocks {
		if e.err != nil {
			return
		}
		if err := writeHeaderBlock(e, v, &blocks[i]); err != nil {
			e.SetError(fmt.Errorf("header block %d (%T): %w", i+1, blocks[i].Value, err))
		}
	}
}

// writeHeaderBlock writes b, or returns why it cannot.
func writeHeaderBlock(e *Encoder, v soap.Version, b *soap.HeaderBlock) error {
	attrs, err := headerBlockAttrs(v, b)
	if err != nil {
		return err
	}
	switch val := b.Value.(type) {
	case nil:
		return errors.New("no Value")
	case *soap.Element:
		if val == nil {
			return errors.New("a nil *soap.Element")
		}
		el := *val
		if b.Name != (xml.Name{}) {
			el.Name = b.Name
		}
		el.Attr = withAttrs(el.Attr, attrs)
		return writeBlock(e, func() { encodeElement(e, &el, xml.Name{}, xml.Name{}) })
	case xmlw.Block:
		if isNilPointer(val) {
			return errors.New("a nil value")
		}
		e.next = attrs
		err := writeBlock(e, func() { val.WriteSOAPHeader(headerWriter{e}, b.Name) })
		e.next = nil
		return err
	case Message:
		t := val.SOAPType()
		if t.isNil(val) {
			return errors.New("a nil value")
		}
		if b.Name == (xml.Name{}) {
			return fmt.Errorf("%w: set HeaderBlock.Name", errUnnamedElement)
		}
		n := NewName(b.Name.Space, b.Name.Local)
		e.next = attrs
		err := writeBlock(e, func() { t.encodeElem(e, &n, xml.Name{}, val) })
		e.next = nil
		return err
	}
	el, err := xmlElement(b.Value)
	if err != nil {
		return err
	}
	if b.Name != (xml.Name{}) {
		el.Name = b.Name
	}
	el.Attr = withAttrs(el.Attr, attrs)
	return writeBlock(e, func() { encodeElement(e, el, xml.Name{}, xml.Name{}) })
}

// headerWriter is the Encoder as the xmlw.Writer a block writing itself is given.
type headerWriter struct{ e *Encoder }

func (w headerWriter) Bind(prefix, uri string)          { w.e.Bind(prefix, uri) }
func (w headerWriter) StartElement(name xml.Name)       { w.e.StartElement(name, xml.Name{}) }
func (w headerWriter) Attr(name xml.Name, value string) { w.e.Attr(name, value) }
func (w headerWriter) Text(s string)                    { w.e.Text(s) }
func (w headerWriter) EndElement()                      { w.e.EndElement() }
func (w headerWriter) SetError(err error)               { w.e.SetError(err) }

// writeBlock has write write one element, and checks that it did.
func writeBlock(e *Encoder, write func()) error {
	depth, before := len(e.tags), len(e.buf)
	write()
	switch {
	case e.err != nil:
		err := e.err
		e.err = nil
		if errors.Is(err, errUnnamedElement) {
			return fmt.Errorf("%w: set HeaderBlock.Name", err)
		}
		return err
	case len(e.tags) != depth:
		return unbalanced("header block", len(e.tags)-depth)
	case len(e.buf) == before:
		return errors.New("the value wrote nothing")
	}
	return nil
}

// isNilPointer reports whether v holds a nil pointer.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// headerBlockAttrs returns the attributes b asks for, as version v names them.
func headerBlockAttrs(v soap.Version, b *soap.HeaderBlock) ([]xml.Attr, error) {
	ns := v.EnvelopeNamespace()
	var attrs []xml.Attr
	if b.MustUnderstand {
		val := "1" // SOAP 1.1 section 4.2.3: "1" or "0"
		if v == soap.V12 {
			val = "true" // SOAP 1.2 Part 1 section 5.2.3: the canonical form
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: ns, Local: "mustUnderstand"}, Value: val})
	}
	role := b.Role
	switch {
	case role == "" || role == soap.RoleUltimateReceiver:
		// The default: SOAP 1.2 Part 1 section 5.2.2 says a sender should not write it; SOAP 1.1 has
		// no name for it but the absence of the attribute.
		role = ""
	case role == soap.RoleNext || role == soap.ActorNext:
		role = soap.ActorNext
		if v == soap.V12 {
			role = soap.RoleNext
		}
	case role == soap.RoleNone && v == soap.V11:
		return nil, errors.New("the role none has no SOAP 1.1 equivalent")
	}
	if role != "" {
		local := "actor"
		if v == soap.V12 {
			local = "role"
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: ns, Local: local}, Value: role})
	}
	if b.Relay {
		if v != soap.V12 {
			return nil, errors.New("relay is a SOAP 1.2 attribute; the binding is SOAP 1.1")
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: ns, Local: "relay"}, Value: "true"})
	}
	return attrs, nil
}

// withAttrs returns attrs with add set: an attribute of the same name is replaced, not repeated.
func withAttrs(attrs, add []xml.Attr) []xml.Attr {
	if len(add) == 0 {
		return attrs
	}
	out := make([]xml.Attr, 0, len(attrs)+len(add))
	for _, a := range attrs {
		replaced := false
		for _, b := range add {
			replaced = replaced || a.Name == b.Name
		}
		if !replaced {
			out = append(out, a)
		}
	}
	return append(out, add...)
}

// xmlElement writes v with encoding/xml and reads the result back as an Element.
func xmlElement(v any) (*soap.Element, error) {
	if _, ok := v.(xml.Marshaler); !ok {
		t := reflect.TypeOf(v)
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, errors.New("not a generated type, a *soap.Element, an xml.Marshaler, a struct or a pointer to one")
		}
		if isNilPointer(v) {
			return nil, errors.New("a nil value")
		}
	}
	data, err := xml.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, errors.New("encoding/xml wrote nothing")
	}
	return soap.ParseElement(data)
}

// blockAttrs returns what the attributes of the header block the decoder has just started, in an
// envelope of version v, say: whether it is mandatory (mustUnderstand, SOAP 1.1 section 4.2.3, SOAP
// 1.2 Part 1 section 5.2.3) and the role it is meant for (the SOAP 1.1 actor, section 4.2.2, or the
// SOAP 1.2 role, 5.2.2; "" when absent). A mustUnderstand value that is not a boolean is an error.
func blockAttrs(d *Decoder, v soap.Version) (mustUnderstand bool, role string, err error) {
	ns := nsEnvelop[v]
	roleName := "actor"
	if v == soap.V12 {
		roleName = "role"
	}
	if val, ok := d.attrNamed(ns, "mustUnderstand"); ok {
		// SOAP 1.1 allows "0" and "1"; SOAP 1.2 any xs:boolean. Both are accepted in both, as
		// receivers should be lenient in what they take.
		switch strings.TrimSpace(string(val)) {
		case "1", "true":
			mustUnderstand = true
		case "0", "false":
			mustUnderstand = false
		default:
			return false, "", fmt.Errorf("header block %s: mustUnderstand=%q is not a boolean", braced(d.Name()), val)
		}
	}
	if val, ok := d.attrNamed(ns, roleName); ok {
		role = strings.TrimSpace(string(val))
	}
	return mustUnderstand, role, nil
}

// TargetsUltimateReceiver reports whether a header block meant for role, in an envelope of version v,
// is meant for the ultimate receiver of the message (a client reading a reply, a server reading a
// request): no role, "next" (every node), or, with SOAP 1.2, "ultimateReceiver". Another role
// (RoleNone, a custom one) is one it does not play. Package soap/wsse uses it to find the Security
// block of a request.
func TargetsUltimateReceiver(role string, v soap.Version) bool {
	switch role {
	case "":
		return true
	case soap.ActorNext:
		return v == soap.V11
	case soap.RoleNext, soap.RoleUltimateReceiver:
		return v == soap.V12
	}
	return false
}
