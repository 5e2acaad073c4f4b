package soap

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestVersion(t *testing.T) {
	for _, tc := range []struct {
		v        Version
		str, env string
	}{
		{V11, "SOAP 1.1", "http://schemas.xmlsoap.org/soap/envelope/"},
		{V12, "SOAP 1.2", "http://www.w3.org/2003/05/soap-envelope"},
		{0, "Version(0)", ""},
	} {
		t.Run(tc.str, func(t *testing.T) {
			if got := tc.v.String(); got != tc.str {
				t.Errorf("String() = %q, want %q", got, tc.str)
			}
			if got := tc.v.EnvelopeNamespace(); got != tc.env {
				t.Errorf("EnvelopeNamespace() = %q, want %q", got, tc.env)
			}
		})
	}
}

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
				Namespaces: []string{"urn:a", envelope11, "", "urn:b", "urn:a", XSINamespace},
				Body:       &echoRequest{Text: "x", Count: 1},
			},
			want: envStart11 + ` xmlns:ns1="urn:a" xmlns:ns2="urn:b">` +
				`<soap:Body><ns3:Echo xmlns:ns3="urn:sogen:test"><ns3:text>x</ns3:text><ns3:count>1</ns3:count></ns3:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "no namespaces: the body element declares its own",
			op:   echo11,
			call: &Call{Body: &echoRequest{Text: "x"}},
			want: envStart11 + `><soap:Body><ns1:Echo xmlns:ns1="urn:sogen:test"><ns1:text>x</ns1:text><ns1:count>0</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "header blocks",
			op:   echo11,
			call: &Call{
				Namespaces: []string{testNS},
				Header: func(e *Encoder) {
					(&authHeader{Token: "a"}).write(e)
					e.StartElement(Start{Name: xml.Name{Space: "urn:other", Local: "Trace"}})
					e.Attr(xml.Name{Space: envelope11, Local: "mustUnderstand"}, "1")
					e.Text("id")
					e.EndElement()
				},
				Body: &echoRequest{},
			},
			want: envStart11 + ` xmlns:ns1="urn:sogen:test"><soap:Header><ns1:Auth><ns1:token>a</ns1:token></ns1:Auth>` +
				`<ns2:Trace xmlns:ns2="urn:other" soap:mustUnderstand="1">id</ns2:Trace></soap:Header>` +
				`<soap:Body><ns1:Echo><ns1:text></ns1:text><ns1:count>0</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`,
		},
		{
			name: "header function writing nothing",
			op:   echo11,
			call: &Call{Namespaces: []string{testNS}, Header: func(e *Encoder) {}, Body: &echoRequest{}},
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
			call: &Call{Namespaces: []string{testNS}, Body: &echoRequest{Text: "<&>"}},
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
	for _, tc := range []struct {
		name string
		call *Call
		want string
	}{
		{"header left open", &Call{Header: func(e *Encoder) { e.StartElement(Start{Name: tn("A")}) }}, "the request header writer left 1 element(s) open"},
		{"header closed too much", &Call{Header: func(e *Encoder) { e.EndElement() }}, "the request header writer closed 1 element(s) it did not open"},
		{"body left open", &Call{Body: openBody{}}, "the request body writer left 1 element(s) open"},
		{"bad text", &Call{Body: &echoRequest{Text: "\uFFFE"}}, "soap: text holds character U+FFFE, which XML 1.0 cannot carry"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := buildEnvelope(echo11, tc.call)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}

// openBody forgets to close its element.
type openBody struct{}

func (openBody) SOAPType() xml.Name                  { return xml.Name{} }
func (openBody) MarshalSOAP(e *Encoder, start Start) { e.StartElement(start) }

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

func TestHTTPErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    HTTPError
		want string
	}{
		{"no status text", HTTPError{StatusCode: 502, Reason: "not XML", Excerpt: "a\n\tb"}, `HTTP 502 Bad Gateway: not XML: "a b"`},
		{"long excerpt", HTTPError{Status: "200 OK", Reason: "not XML", Excerpt: strings.Repeat("é", 100)}, `HTTP 200 OK: not XML: "` + strings.Repeat("é", 80) + `..."`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
		})
	}
}
