package soap

// The wire side of header blocks, shared by the client and (later) the server: writing extra blocks
// with their mustUnderstand, actor/role and relay attributes as the SOAP version spells them, and
// reading those attributes back to decide which blocks a receiver must understand.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// writeHeaderBlocks writes blocks inside the open soap:Header of an envelope of version v.
func writeHeaderBlocks(e *Encoder, v Version, blocks []HeaderBlock) {
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
func writeHeaderBlock(e *Encoder, v Version, b *HeaderBlock) error {
	attrs, err := headerBlockAttrs(v, b)
	if err != nil {
		return err
	}
	switch val := b.Value.(type) {
	case nil:
		return errors.New("no Value")
	case *Element:
		if val == nil {
			return errors.New("a nil *soap.Element")
		}
		el := *val
		if b.Name != (xml.Name{}) {
			el.Name = b.Name
		}
		el.Attr = withAttrs(el.Attr, attrs)
		return marshalBlock(e, &el, Start{})
	case Marshaler:
		if isNilValue(val) {
			return errors.New("a nil value")
		}
		e.next = attrs
		err := marshalBlock(e, val, Start{Name: b.Name})
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
	return marshalBlock(e, el, Start{})
}

// marshalBlock has m write one element, and checks that it did.
func marshalBlock(e *Encoder, m Marshaler, start Start) error {
	depth, before := len(e.tags), len(e.buf)
	m.MarshalSOAP(e, start)
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

// headerBlockAttrs returns the attributes b asks for, as version v names them.
func headerBlockAttrs(v Version, b *HeaderBlock) ([]xml.Attr, error) {
	ns := v.EnvelopeNamespace()
	var attrs []xml.Attr
	if b.MustUnderstand {
		val := "1" // SOAP 1.1 section 4.2.3: "1" or "0"
		if v == V12 {
			val = "true" // SOAP 1.2 Part 1 section 5.2.3: the canonical form
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: ns, Local: "mustUnderstand"}, Value: val})
	}
	role := b.Role
	switch {
	case role == "" || role == RoleUltimateReceiver:
		// The default: SOAP 1.2 Part 1 section 5.2.2 says a sender should not write it; SOAP 1.1 has
		// no name for it but the absence of the attribute.
		role = ""
	case role == RoleNext || role == ActorNext:
		role = ActorNext
		if v == V12 {
			role = RoleNext
		}
	case role == RoleNone && v == V11:
		return nil, errors.New("the role none has no SOAP 1.1 equivalent")
	}
	if role != "" {
		local := "actor"
		if v == V12 {
			local = "role"
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: ns, Local: local}, Value: role})
	}
	if b.Relay {
		if v != V12 {
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
func xmlElement(v any) (*Element, error) {
	if _, ok := v.(xml.Marshaler); !ok {
		t := reflect.TypeOf(v)
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, errors.New("not a soap.Marshaler, an xml.Marshaler, a struct or a pointer to one")
		}
		if isNilValue(v) {
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
	return ParseElement(data)
}

// blockAttrs returns what the attributes of the header block se, in an envelope of version v, say:
// whether it is mandatory (mustUnderstand, SOAP 1.1 section 4.2.3, SOAP 1.2 Part 1 section 5.2.3) and
// the role it is meant for (the SOAP 1.1 actor, section 4.2.2, or the SOAP 1.2 role, 5.2.2; "" when
// absent). A mustUnderstand value that is not a boolean is an error.
func blockAttrs(se xml.StartElement, v Version) (mustUnderstand bool, role string, err error) {
	ns := v.EnvelopeNamespace()
	roleName := "actor"
	if v == V12 {
		roleName = "role"
	}
	for _, a := range se.Attr {
		if a.Name.Space != ns {
			continue
		}
		switch a.Name.Local {
		case "mustUnderstand":
			// SOAP 1.1 allows "0" and "1"; SOAP 1.2 any xs:boolean. Both are accepted in both, as
			// receivers should be lenient in what they take.
			switch strings.TrimSpace(a.Value) {
			case "1", "true":
				mustUnderstand = true
			case "0", "false":
				mustUnderstand = false
			default:
				return false, "", fmt.Errorf("header block %s: mustUnderstand=%q is not a boolean", braced(se.Name), a.Value)
			}
		case roleName:
			role = strings.TrimSpace(a.Value)
		}
	}
	return mustUnderstand, role, nil
}

// targetsUltimateReceiver reports whether a header block meant for role, in an envelope of version v,
// is meant for the ultimate receiver of the message (a client reading a reply, a server reading a
// request): no role, "next" (every node), or, with SOAP 1.2, "ultimateReceiver". Another role
// (RoleNone, a custom one) is one it does not play.
func targetsUltimateReceiver(role string, v Version) bool {
	switch role {
	case "":
		return true
	case ActorNext:
		return v == V11
	case RoleNext, RoleUltimateReceiver:
		return v == V12
	}
	return false
}
