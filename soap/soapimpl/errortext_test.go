package soapimpl

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sogen-go/sogen/soap"
)

func TestErrorText(t *testing.T) {
	long := strings.Repeat("é", 600) // 1200 bytes
	for _, tc := range []struct {
		name   string
		fields []ErrorField
		inner  error
		want   string
	}{
		{"no fields", nil, nil, "Problem"},
		{"empty values left out", []ErrorField{{"Message", ""}, {"Code", "E42"}}, nil, `Problem: Code="E42"`},
		{"several", []ErrorField{{"Message", "Webhook 99 not found"}, {"Source", "NetServer"}}, nil, `Problem: Message="Webhook 99 not found" Source="NetServer"`},
		{
			// A server cannot forge a log line, or a field, through a value.
			"escaped", []ErrorField{{"Message", "a\nERROR forged line\r\t\"quoted\" \u202e"}}, nil,
			`Problem: Message="a\nERROR forged line\r\t\"quoted\" \u202e"`,
		},
		{"inner", []ErrorField{{"Message", "outer"}}, errors.New("inner"), `Problem: Message="outer": inner`},
		{"inner without fields", nil, errors.New("inner"), `Problem: inner`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ErrorText("Problem", tc.fields, tc.inner); got != tc.want {
				t.Errorf("ErrorText = %s, want %s", got, tc.want)
			}
		})
	}
	t.Run("cut", func(t *testing.T) {
		for _, inner := range []error{nil, errors.New(long)} {
			got := ErrorText("Problem", []ErrorField{{"Message", long}, {"Source", long}}, inner)
			if len(got) > maxErrorText || !strings.HasSuffix(got, "...") || !utf8.ValidString(got) {
				t.Errorf("ErrorText gave %d bytes (valid UTF-8: %v), want at most %d ending in ...", len(got), utf8.ValidString(got), maxErrorText)
			}
			if !strings.HasPrefix(got, `Problem: Message="éé`) {
				t.Errorf("ErrorText = %.40s..., want the message first", got)
			}
		}
		short := ErrorText("Problem", []ErrorField{{"Message", "short"}}, errors.New(long))
		if len(short) > maxErrorText || !strings.HasPrefix(short, `Problem: Message="short": éé`) {
			t.Errorf("ErrorText = %.60s... (%d bytes)", short, len(short))
		}
	})
}

func TestErrorTextRule(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\nb\r\nc\td", `a\nb\r\nc\td`},
		{"esc \x1b[31m red \x7f \u0085", `esc \x1b[31m red \x7f \u0085`},
		{"line\u2028sep\u2029 bidi \u202e\u2066x\u2069 \u200f", `line\u2028sep\u2029 bidi \u202e\u2066x\u2069 \u200f`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`},
		{"é ok", "é ok"},
	} {
		if got := errorText(tc.in); got != tc.want {
			t.Errorf("errorText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, n := range []int{maxErrorText - 1, maxErrorText, maxErrorText + 1, 25 << 20} {
		got := errorText(strings.Repeat("x", n))
		switch {
		case n <= maxErrorText && got != strings.Repeat("x", n):
			t.Errorf("%d bytes were changed", n)
		case n > maxErrorText && (len(got) != maxErrorText || !strings.HasSuffix(got, "...")):
			t.Errorf("%d bytes gave %d bytes ending %q", n, len(got), got[len(got)-5:])
		}
	}
	// Escapes count in the limit and are never cut in two.
	got := errorText(strings.Repeat("\n", 600))
	if len(got) > maxErrorText || !strings.HasSuffix(got, `\n...`) {
		t.Errorf("escaped: %d bytes ending %q", len(got), got[len(got)-6:])
	}
	got = errorText(strings.Repeat("é", 600))
	if len(got) > maxErrorText || !utf8.ValidString(got) {
		t.Errorf("cut inside a character: %q", got[len(got)-6:])
	}
}

// TestServerTextInErrors has a server put huge or line-breaking text in each place that reaches an
// error message: it stays one line of at most 1024 bytes, in the error Do returns and in the typed
// error errors.As finds.
func TestServerTextInErrors(t *testing.T) {
	huge := strings.Repeat("A very long reason. ", 25<<20/20) // 25 MB
	forged := "bad\n2025-01-01 ERROR forged line"
	tests := []struct {
		name  string
		reply cannedReply
		call  func(u string) *Call
		want  string // a part the message must keep
	}{
		{"25 MB faultstring", cannedReply{500, "text/xml", env11("", `<s:Fault><faultcode>s:Server</faultcode><faultstring>`+huge+`</faultstring></s:Fault>`)},
			nil, "Server: A very long reason."},
		{"faultcode with a line break", cannedReply{500, "text/xml", env11("", `<s:Fault><faultcode>bad&#10;2025-01-01 ERROR forged line</faultcode><faultstring>x</faultstring></s:Fault>`)},
			nil, `"bad\n2025-01-01 ERROR forged line": x`},
		{"SOAP 1.2 subcode and reason with line breaks", cannedReply{500, "application/soap+xml", env12("", `<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>a&#13;b</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">`+strings.ReplaceAll(forged, "\n", "&#10;")+`</env:Text></env:Reason></env:Fault>`)},
			func(u string) *Call { c, _ := echoCall(u); return c }, `"Sender/a\rb": "bad\n2025-01-01 ERROR forged line"`},
		{"ResponseChecker error with a 25 MB message", cannedReply{200, "text/xml", env11(`<t:Status><t:succeeded>false</t:succeeded><t:message>`+huge+`</t:message></t:Status>`, echoReply)},
			func(u string) *Call {
				c, _ := echoCall(u)
				c.ResponseHeader = new(checkedHeader)
				return c
			}, "api error: A very long reason."},
		{"element in a namespace holding a line break", cannedReply{200, "text/xml", env11("", `<x:EchoResponse xmlns:x="urn:a&#10;2025-01-01 ERROR forged"/>`)},
			nil, `unexpected element {urn:a\n2025-01-01 ERROR forged}EchoResponse`},
		{"25 MB unknown element name", cannedReply{200, "text/xml", env11("", `<`+strings.Repeat("n", 25<<20)+`/>`)},
			nil, "unexpected element nnnn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, tt.reply)
			var call *Call
			if tt.call != nil {
				call = tt.call(s.URL)
			} else {
				call, _ = echoCall(s.URL)
			}
			op := echo11
			if strings.Contains(tt.reply.contentType, "soap+xml") {
				op = echo12
			}
			err := (&Client{MaxResponseSize: 64 << 20}).Do(context.Background(), op, call)
			if err == nil {
				t.Fatal("no error")
			}
			check := func(what, msg string) {
				if len(msg) > maxErrorText || strings.ContainsAny(msg, "\n\r") {
					t.Errorf("%s: %d bytes, line breaks: %v: %.200q", what, len(msg), strings.ContainsAny(msg, "\n\r"), msg)
				}
			}
			check("Do's error", err.Error())
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %.300s\nwant it to contain %s", err, tt.want)
			}
			var f *soap.Fault
			if errors.As(err, &f) {
				check("the Fault", f.Error())
			}
			var de *soap.DecodeError
			if errors.As(err, &de) {
				check("the DecodeError", de.Error())
			}
			var ae *apiError
			if errors.As(err, &ae) && len(ae.Message) != len(huge) {
				t.Errorf("the checker's own value was cut: %d bytes", len(ae.Message))
			}
		})
	}
}
