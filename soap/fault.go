package soap

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
)

// Fault is a SOAP fault (SOAP 1.1 section 4.4; SOAP 1.2 Part 1 section 5.4) received in reply to a
// request.
type Fault struct {
	// Version is the SOAP version of the envelope that carried the fault.
	Version Version
	// Code is the fault code: the SOAP 1.1 faultcode resolved as a QName (for example
	// {http://schemas.xmlsoap.org/soap/envelope/}Client), or the SOAP 1.2 Code/Value. A value whose
	// prefix is not declared is kept whole, unresolved, in Local.
	Code xml.Name
	// Subcodes is the SOAP 1.2 Subcode/Value chain, outermost first.
	Subcodes []xml.Name
	// Reason is the SOAP 1.1 faultstring, or the SOAP 1.2 Reason/Text whose xml:lang is "en" if there
	// is one (else one in a variant of English, else the first).
	Reason string
	// Reasons holds, for SOAP 1.2, every Reason/Text with its xml:lang; for SOAP 1.1, the faultstring
	// with its xml:lang, if it had one.
	Reasons []FaultText
	// Actor is the SOAP 1.1 faultactor or the SOAP 1.2 Role: the URI of the role the faulting node
	// was acting in.
	Actor string
	// Node is the SOAP 1.2 Node: the URI of the node that generated the fault.
	Node string
	// Detail is the SOAP 1.1 detail or SOAP 1.2 Detail element, verbatim; nil when absent.
	Detail *Element
	// HTTPStatus is the HTTP status code of the reply that carried the fault.
	HTTPStatus int
}

// FaultText is one human-readable text of a fault.
type FaultText struct {
	// Lang is the text's xml:lang ("" when it had none).
	Lang string
	// Text is the text, trimmed of surrounding white space.
	Text string
}

// Error returns a one-line description, such as
// `soap fault (SOAP 1.1, HTTP 500): Client: Invalid ticket`: the fault code by its local name followed
// by the local names of the subcodes, then the reason, each quoted with Go escapes when it holds line
// breaks, control characters or leading or trailing space (the server wrote them: they must not
// forge a line of a log), the whole cut to 1024 bytes (see ErrorText).
func (f *Fault) Error() string {
	var b strings.Builder
	b.WriteString("soap fault")
	var ctx []string
	if f.Version == V11 || f.Version == V12 {
		ctx = append(ctx, f.Version.String())
	}
	if f.HTTPStatus != 0 {
		ctx = append(ctx, "HTTP "+strconv.Itoa(f.HTTPStatus))
	}
	if len(ctx) > 0 {
		b.WriteString(" (" + strings.Join(ctx, ", ") + ")")
	}
	code := f.Code.Local
	for _, s := range f.Subcodes {
		code += "/" + s.Local
	}
	if code != "" {
		b.WriteString(": " + quoteIfNeeded(code))
	}
	if f.Reason != "" {
		b.WriteString(": " + quoteIfNeeded(f.Reason))
	}
	return errorText(b.String())
}

// quoteIfNeeded returns s as it is when it reads well on one line, else quoted with Go escapes.
func quoteIfNeeded(s string) string {
	if strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	for _, r := range s {
		if r != ' ' && !unicode.IsGraphic(r) || r == unicode.ReplacementChar {
			return strconv.Quote(s)
		}
	}
	return s
}

// decodeFault reads the content of the Fault element of a reply in version v, whose start tag was just
// read.
func decodeFault(d *Decoder, v Version) (*Fault, error) {
	f := &Fault{Version: v}
	var err error
	if v == V12 {
		err = decodeFault12(d, f)
	} else {
		err = decodeFault11(d, f)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// faultChild reports whether se is the fault child named local. The SOAP 1.1 children are
// unqualified (section 4.4), the SOAP 1.2 ones are in the envelope namespace (Part 1 section 5.4); both
// forms are accepted, since implementations of either version get it wrong.
func faultChild(se xml.StartElement, v Version, local string) bool {
	return se.Name.Local == local && (se.Name.Space == "" || se.Name.Space == v.EnvelopeNamespace())
}

// decodeFault11 reads the children of a SOAP 1.1 Fault (section 4.4): faultcode, faultstring,
// faultactor and detail. Other children are skipped.
func decodeFault11(d *Decoder, f *Fault) error {
	return d.Children(func(se xml.StartElement) error {
		switch {
		case faultChild(se, V11, "faultcode"):
			var err error
			f.Code, err = faultQName(d, se)
			return err
		case faultChild(se, V11, "faultstring"):
			s, err := d.Text()
			s = strings.TrimSpace(s)
			if len(f.Reasons) == 0 {
				f.Reason = s
			}
			f.Reasons = append(f.Reasons, FaultText{Lang: xmlLang(se), Text: s})
			return err
		case faultChild(se, V11, "faultactor"):
			s, err := d.Text()
			f.Actor = strings.TrimSpace(s)
			return err
		case faultChild(se, V11, "detail"):
			f.Detail = new(Element)
			return f.Detail.UnmarshalSOAP(d, se)
		}
		return d.Skip()
	})
}

// decodeFault12 reads the children of a SOAP 1.2 Fault (Part 1 section 5.4): Code (5.4.1), Reason
// (5.4.2), Node (5.4.3), Role (5.4.4) and Detail (5.4.5). Other children are skipped.
func decodeFault12(d *Decoder, f *Fault) error {
	err := d.Children(func(se xml.StartElement) error {
		switch {
		case faultChild(se, V12, "Code"):
			return decodeCode12(d, f, false)
		case faultChild(se, V12, "Reason"):
			return decodeReason12(d, f)
		case faultChild(se, V12, "Node"):
			s, err := d.Text()
			f.Node = strings.TrimSpace(s)
			return err
		case faultChild(se, V12, "Role"):
			s, err := d.Text()
			f.Actor = strings.TrimSpace(s)
			return err
		case faultChild(se, V12, "Detail"):
			f.Detail = new(Element)
			return f.Detail.UnmarshalSOAP(d, se)
		}
		return d.Skip()
	})
	if err != nil {
		return err
	}
	f.Reason = pickReason(f.Reasons)
	return nil
}

// decodeCode12 reads the content of Code (sub false) or of a Subcode (sub true): a Value and an
// optional Subcode, recursively (Part 1 sections 5.4.1.1 to 5.4.1.3).
func decodeCode12(d *Decoder, f *Fault, sub bool) error {
	return d.Children(func(se xml.StartElement) error {
		switch {
		case faultChild(se, V12, "Value"):
			name, err := faultQName(d, se)
			if sub {
				f.Subcodes = append(f.Subcodes, name)
			} else {
				f.Code = name
			}
			return err
		case faultChild(se, V12, "Subcode"):
			return decodeCode12(d, f, true)
		}
		return d.Skip()
	})
}

// decodeReason12 reads the Text children of Reason, each with its xml:lang (Part 1 section 5.4.2.1).
func decodeReason12(d *Decoder, f *Fault) error {
	return d.Children(func(se xml.StartElement) error {
		if !faultChild(se, V12, "Text") {
			return d.Skip()
		}
		s, err := d.Text()
		f.Reasons = append(f.Reasons, FaultText{Lang: xmlLang(se), Text: strings.TrimSpace(s)})
		return err
	})
}

// pickReason returns the text in English ("en", else a variant such as "en-GB"), else the first.
func pickReason(texts []FaultText) string {
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

// xmlLang returns the xml:lang attribute of se.
func xmlLang(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Space == XMLNamespace && a.Name.Local == "lang" {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// faultQName reads the text of se, a QName-valued element, and resolves it. The element's own
// namespace declarations count (they are in se.Attr, since the Decoder drops them from its scope when
// it reads the end tag). A value that cannot be resolved is kept whole in Local rather than failing:
// the fault itself matters more than the exactness of its code.
func faultQName(d *Decoder, se xml.StartElement) (xml.Name, error) {
	s, err := d.Text()
	if err != nil {
		return xml.Name{}, err
	}
	s = strings.TrimSpace(s)
	prefix, local, ok := strings.Cut(s, ":")
	if !ok {
		prefix, local = "", s
	}
	if !validName(local) || prefix != "" && !validName(prefix) {
		return xml.Name{Local: s}, nil
	}
	uri, found := "", false
	for _, a := range se.Attr {
		if prefix == "" && a.Name.Space == "" && a.Name.Local == "xmlns" ||
			prefix != "" && a.Name.Space == "xmlns" && a.Name.Local == prefix {
			uri, found = a.Value, true
		}
	}
	if !found {
		uri, found = d.Lookup(prefix)
	}
	if !found {
		return xml.Name{Local: s}, nil
	}
	return xml.Name{Space: uri, Local: local}, nil
}
