package soapimpl

import (
	"encoding/xml"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// FaultType is a fault an operation declares (a wsdl:fault of its port type operation, whose message
// part names the detail element). When a reply's Fault has, among the children of its detail, an
// element named Name, the call decodes that element into the detail New returns, and returns the
// error New returns with it: a generated type wrapping the *soap.Fault, so errors.As finds both.
type FaultType struct {
	// Name is the detail element's name.
	Name xml.Name
	// New returns the typed error for fault f and the value, a generated struct, the detail element
	// is decoded into.
	New func(f *soap.Fault) (error, Message)
}

var (
	nsXML     = xmlr.Intern(soap.XMLNamespace)
	envelope  = [...]string{soap.V11: soap.V11.EnvelopeNamespace(), soap.V12: soap.V12.EnvelopeNamespace()}
	nsEnvelop = [...]xmlr.NS{soap.V11: xmlr.Intern(envelope[soap.V11]), soap.V12: xmlr.Intern(envelope[soap.V12])}
)

// faultChild reports whether the element just started is the fault child named local. The SOAP 1.1
// children are unqualified (section 4.4), the SOAP 1.2 ones are in the envelope namespace (Part 1
// section 5.4); both forms are accepted, since implementations of either version get it wrong.
func faultChild(d *Decoder, v soap.Version, local string) bool {
	return d.Is("", local) || d.Is(envelope[v], local)
}

// decodeFault reads the content of the Fault element of a reply in version v, whose start tag was
// just read.
func decodeFault(d *Decoder, v soap.Version) (*soap.Fault, error) {
	f := &soap.Fault{Version: v}
	var err error
	if v == soap.V12 {
		err = decodeFault12(d, f)
	} else {
		err = decodeFault11(d, f)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// trimmedText reads the text of the element just started, trimmed of surrounding white space.
func (d *Decoder) trimmedText() (string, error) {
	s, err := d.text()
	return strings.TrimSpace(string(s)), err
}

// decodeFault11 reads the children of a SOAP 1.1 Fault (section 4.4): faultcode, faultstring,
// faultactor and detail. Other children are skipped.
func decodeFault11(d *Decoder, f *soap.Fault) error {
	return d.children(func() error {
		var err error
		switch {
		case faultChild(d, soap.V11, "faultcode"):
			f.Code, err = faultQName(d)
		case faultChild(d, soap.V11, "faultstring"):
			lang := xmlLang(d)
			var s string
			s, err = d.trimmedText()
			if len(f.Reasons) == 0 {
				f.Reason = s
			}
			f.Reasons = append(f.Reasons, soap.FaultText{Lang: lang, Text: s})
		case faultChild(d, soap.V11, "faultactor"):
			f.Actor, err = d.trimmedText()
		case faultChild(d, soap.V11, "detail"):
			f.Detail, err = captureElement(d)
		default:
			err = d.skip()
		}
		return err
	})
}

// decodeFault12 reads the children of a SOAP 1.2 Fault (Part 1 section 5.4): Code (5.4.1), Reason
// (5.4.2), Node (5.4.3), Role (5.4.4) and Detail (5.4.5). Other children are skipped.
func decodeFault12(d *Decoder, f *soap.Fault) error {
	err := d.children(func() error {
		var err error
		switch {
		case faultChild(d, soap.V12, "Code"):
			err = decodeCode12(d, f, false)
		case faultChild(d, soap.V12, "Reason"):
			err = decodeReason12(d, f)
		case faultChild(d, soap.V12, "Node"):
			f.Node, err = d.trimmedText()
		case faultChild(d, soap.V12, "Role"):
			f.Actor, err = d.trimmedText()
		case faultChild(d, soap.V12, "Detail"):
			f.Detail, err = captureElement(d)
		default:
			err = d.skip()
		}
		return err
	})
	if err != nil {
		return err
	}
	f.Reason = pickReason(f.Reasons)
	return nil
}

// decodeCode12 reads the content of Code (sub false) or of a Subcode (sub true): a Value and an
// optional Subcode, recursively (Part 1 sections 5.4.1.1 to 5.4.1.3).
func decodeCode12(d *Decoder, f *soap.Fault, sub bool) error {
	return d.children(func() error {
		switch {
		case faultChild(d, soap.V12, "Value"):
			name, err := faultQName(d)
			if sub {
				f.Subcodes = append(f.Subcodes, name)
			} else {
				f.Code = name
			}
			return err
		case faultChild(d, soap.V12, "Subcode"):
			return decodeCode12(d, f, true)
		}
		return d.skip()
	})
}

// decodeReason12 reads the Text children of Reason, each with its xml:lang (Part 1 section 5.4.2.1).
func decodeReason12(d *Decoder, f *soap.Fault) error {
	return d.children(func() error {
		if !faultChild(d, soap.V12, "Text") {
			return d.skip()
		}
		lang := xmlLang(d)
		s, err := d.trimmedText()
		f.Reasons = append(f.Reasons, soap.FaultText{Lang: lang, Text: s})
		return err
	})
}

// pickReason returns the text in English ("en", else a variant such as "en-GB"), else the first.
func pickReason(texts []soap.FaultText) string {
	for _, t := range texts {
		if strings.EqualFold(t.Lang, "en") {
			return t.Text
		}
	}
	for _, t := range texts {
		if len(t.Lang) > 3 && strings.EqualFold(t.Lang[:3], "en-") {
			return t.Text
		}
	}
	if len(texts) > 0 {
		return texts[0].Text
	}
	return ""
}

// xmlLang returns the xml:lang attribute of the element just started.
func xmlLang(d *Decoder) string {
	v, _ := d.attrNamed(nsXML, "lang")
	return strings.TrimSpace(string(v))
}

// faultQName reads the text of the element just started, a QName-valued element, and resolves it
// against the namespaces in scope on it. A value that cannot be resolved is kept whole in Local rather
// than failing: the fault itself matters more than the exactness of its code.
func faultQName(d *Decoder) (xml.Name, error) {
	s, err := d.trimmedText()
	if err != nil {
		return xml.Name{}, err
	}
	prefix, local, ok := strings.Cut(s, ":")
	if !ok {
		prefix, local = "", s
	}
	if !validName(local) || prefix != "" && !validName(prefix) {
		return xml.Name{Local: s}, nil
	}
	uri, found := d.lookupPrefix(prefix)
	if !found {
		return xml.Name{Local: s}, nil
	}
	return xml.Name{Space: uri, Local: local}, nil
}

// lookupPrefix returns the namespace bound to prefix on the element most recently read: the default
// namespace ("" when there is none) for the empty prefix.
func (d *Decoder) lookupPrefix(prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return soap.XMLNamespace, true
	case "xmlns":
		return "http://www.w3.org/2000/xmlns/", true
	}
	var b xmlr.Binding
	var found bool
	if d.rp != nil {
		b, found = d.rp.lookup([]byte(prefix))
	} else {
		b, found = d.r.Lookup([]byte(prefix))
	}
	if !found {
		return "", prefix == ""
	}
	return d.uri(b.NS, b.URI), true
}

// typedFault returns, for fault f of a reply to op, the typed error of the first detail child that op
// declares, or f itself when there is none. The detail was kept as an Element; it is written back and
// decoded with a fresh Decoder knowing types. When the declared element does not decode (the server
// sent something else under that name), f is returned unchanged, its Detail still holding the XML: the
// fault matters more than its detail.
func typedFault(f *soap.Fault, op *Operation, types *Registry) error {
	if f.Detail == nil || len(op.Faults) == 0 {
		return f
	}
	for _, n := range f.Detail.Content {
		if n.Element == nil {
			continue
		}
		for _, ft := range op.Faults {
			if n.Element.Name != ft.Name || ft.New == nil {
				continue
			}
			e := NewEncoder(nil)
			EncodeElement(e, n.Element)
			if e.Err() != nil {
				return f
			}
			d := NewDecoder(e.Bytes(), types)
			if d.Root() != nil {
				return f
			}
			err, detail := ft.New(f)
			if err == nil || detail == nil || detail.SOAPType().decode(d, detail) != nil {
				return f
			}
			return err
		}
	}
	return f
}
