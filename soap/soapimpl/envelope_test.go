package soapimpl

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

const envStart11 = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"`

func TestBuildEnvelope(t *testing.T) {
	for _, tc := range []struct {
		name string
		op   *Operation
		call *Call
		want string
	}{
		{
			name: "namespaces numbered in order, duplicates and well-known ones left out",
			op:   echo11,
			call: &Call{
				Namespaces: []string{"urn:a", envelope[soap.V11], "", "urn:b", "urn:a", soap.XSINamespace},
				Request:    &echoRequest{Text: "x", Count: 1},
			},
			want: envStart11 + ` xmlns:ns1="urn:a" xmlns:ns2="urn:b">` +
				`<soap:Body><ns3:Echo xmlns:ns3="urn:sogen:test"><ns3:text>x</ns3:text><ns3:count>1</ns3:count></ns3:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "no namespaces: the body element declares its own",
			op:   echo11,
			call: &Call{Request: &echoRequest{Text: "x"}},
			want: envStart11 + `><soap:Body><ns1:Echo xmlns:ns1="urn:sogen:test"><ns1:text>x</ns1:text><ns1:count>0</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "header blocks",
			op:   &Operation{Name: "Echo.Echo", Version: soap.V11, Request: tn("Echo"), Headers: []int{0, 1}},
			call: &Call{
				Namespaces: []string{testNS},
				Header:     &traceHeader{Auth: &authBlock{Token: "a"}, Trace: "id"},
				Request:    &echoRequest{},
			},
			want: envStart11 + ` xmlns:ns1="urn:sogen:test"><soap:Header><ns1:Auth><ns1:token>a</ns1:token></ns1:Auth>` +
				`<ns2:Trace xmlns:ns2="urn:other">id</ns2:Trace></soap:Header>` +
				`<soap:Body><ns1:Echo><ns1:text></ns1:text><ns1:count>0</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "header struct sending no block",
			op:   echo11,
			call: &Call{Namespaces: []string{testNS}, Header: &traceHeader{}, Request: &echoRequest{}},
			want: envStart11 + ` xmlns:ns1="urn:sogen:test"><soap:Body><ns1:Echo><ns1:text></ns1:text><ns1:count>0</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "nil body writes an empty request element",
			op:   notify,
			call: &Call{Namespaces: []string{testNS}},
			want: envStart11 + ` xmlns:ns1="urn:sogen:test"><soap:Body><ns1:Notify/></soap:Body></soap:Envelope>`,
		},
		{
			name: "SOAP 1.2",
			op:   echo12,
			call: &Call{Namespaces: []string{testNS}, Request: &echoRequest{Text: "<&>"}},
			want: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns1="urn:sogen:test">` +
				`<soap:Body><ns1:Echo><ns1:text>&lt;&amp;&gt;</ns1:text><ns1:count>0</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := buildEnvelope(tc.op, tc.call)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("envelope (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildEnvelopeErrors(t *testing.T) {
	// The tables write whole elements: a header or body left open cannot happen. A value XML cannot
	// carry is refused.
	_, err := buildEnvelope(echo11, &Call{Request: &echoRequest{Text: "\uFFFE"}})
	if want := "soap: text holds character U+FFFE, which XML 1.0 cannot carry"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// buildEnvelope returns the request envelope of call.
func buildEnvelope(op *Operation, call *Call) ([]byte, error) {
	e := new(Encoder)
	if err := encodeEnvelope(e, op, call, nil); err != nil {
		return nil, err
	}
	return e.Bytes(), nil
}

// traceHeader is a request header struct of two blocks, Auth and Trace (in another namespace).
type traceHeader struct {
	Auth  *authBlock
	Trace string
}

var tableTraceHeader = table("traceHeader", xml.Name{}, Header, func(x *traceHeader) []any { return []any{&x.Auth, &x.Trace} },
	Field{Space: testNS, Local: "Auth", GoName: "Auth", Flags: Optional | Nillable | ZeroUnset, Codec: &ptrAuthBlock},
	Field{Space: "urn:other", Local: "Trace", GoName: "Trace", Flags: Optional | Nillable | ZeroUnset, Codec: &XSString})

func (*traceHeader) SOAPType() *Type { return tableTraceHeader }

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain", "Bad gateway\n", "Bad gateway\n"},
		{"line ends", "a\r\nb\rc\n", "a\nb\nc\n"},
		{"controls", "a\x00b\x1bc\td\x7fe\u0085", "a\uFFFDb\uFFFDc\td\uFFFDe\uFFFD"},
		{"invalid UTF-8", "a\xffb\xe2\x82", "a\uFFFDb\uFFFD\uFFFD"},
		{"byte order mark", "\uFEFF<html>", "<html>"},
		{"cut at 512 bytes", strings.Repeat("x", 600), strings.Repeat("x", 512)},
		{"cut at a rune boundary", strings.Repeat("x", 511) + "é", strings.Repeat("x", 511)},
		{"replacements count", strings.Repeat("\x01", 200), strings.Repeat("\uFFFD", 170)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := excerpt([]byte(tc.in))
			if got != tc.want {
				t.Errorf("excerpt(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if len(got) > maxExcerpt || !utf8.ValidString(got) {
				t.Errorf("excerpt %q: %d bytes, valid %v", got, len(got), utf8.ValidString(got))
			}
		})
	}
}
