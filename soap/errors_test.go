package soap

import (
	"encoding/xml"
	"strings"
	"testing"
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

func TestFaultError(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Fault
		want string
	}{
		{"empty", Fault{}, "soap fault"},
		{"code only", Fault{Version: V11, Code: xml.Name{Local: "Server"}}, "soap fault (SOAP 1.1): Server"},
		{"reason only", Fault{HTTPStatus: 500, Reason: "boom"}, "soap fault (HTTP 500): boom"},
		{"control character", Fault{Reason: "a\x01b"}, `soap fault: "a\x01b"`},
		{"leading space", Fault{Reason: " a"}, `soap fault: " a"`},
		{"unicode", Fault{Reason: "Délai dépassé"}, "soap fault: Délai dépassé"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
			if strings.Contains(tc.f.Error(), "\n") {
				t.Errorf("Error() has a line break")
			}
		})
	}
}

func TestIsSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"Ticket": true, "ticket": true, "ApplicationToken": true, "token": true, "AccessToken": true,
		"Password": true, "password": true, "NewPassword": true, "passwd": true, "Secret": true,
		"ClientSecret": true, "ApiKey": true, "apikey": true,
		"Name": false, "TicketId": false, "Tokens": false, "UserName": false, "SecretQuestionHint": false, "": false,
	} {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}
