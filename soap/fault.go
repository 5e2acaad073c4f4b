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
