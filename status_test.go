package sogen_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/apidiff"
	"github.com/sogen-go/sogen/internal/golden"
	"github.com/sogen-go/sogen/model"
)

// headerWSDL returns a WSDL whose one operation's reply carries the header blocks given: each is an
// element declaration (in the namespace urn:status, prefix tns), and types holds more schema
// components.
func headerWSDL(types string, blocks ...string) fstest.MapFS {
	var decls, parts, headers strings.Builder
	for i, b := range blocks {
		decls.WriteString(b)
		fmt.Fprintf(&parts, `<wsdl:part name="h%d" element="tns:%s"/>`, i, strings.Split(strings.Split(b, `name="`)[1], `"`)[0])
		fmt.Fprintf(&headers, `<soap:header message="tns:Headers" part="h%d" use="literal"/>`, i)
	}
	return fstest.MapFS{"status.wsdl": {Data: []byte(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:status" targetNamespace="urn:status">
  <wsdl:types><xs:schema targetNamespace="urn:status" elementFormDefault="qualified">
    <xs:complexType name="Failure"><xs:sequence>
      <xs:element name="Message" type="xs:string" minOccurs="0"/><xs:element name="Code" type="xs:int" minOccurs="0"/>
    </xs:sequence></xs:complexType>
    ` + types + decls.String() + `
    <xs:element name="Ping"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    <xs:element name="PingResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
  </xs:schema></wsdl:types>
  <wsdl:message name="Headers">` + parts.String() + `</wsdl:message>
  <wsdl:message name="PingIn"><wsdl:part name="p" element="tns:Ping"/></wsdl:message>
  <wsdl:message name="PingOut"><wsdl:part name="p" element="tns:PingResponse"/></wsdl:message>
  <wsdl:portType name="Status"><wsdl:operation name="Ping"><wsdl:input message="tns:PingIn"/><wsdl:output message="tns:PingOut"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="StatusSoap" type="tns:Status"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Ping"><soap:operation soapAction="urn:status/Ping"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output>` + headers.String() + `<soap:body use="literal"/></wsdl:output>
    </wsdl:operation></wsdl:binding>
</wsdl:definitions>`)}}
}

// contractsOf describes the status contract of each client of pkg: "status/error" block names ("-"
// for none), or "" for a client without contract.
func contractsOf(pkg *model.Package) map[string]string {
	out := map[string]string{}
	for _, c := range pkg.Clients {
		h := c.ResponseHeader
		if h == nil || h.Contract == nil {
			out[c.GoName] = ""
			continue
		}
		s, e := "-", "-"
		if h.Contract.Status != nil {
			s = h.Contract.Status.Elem.Local
		}
		if h.Contract.Error != nil {
			e = h.Contract.Error.Elem.Local
		}
		out[c.GoName] = s + "/" + e
	}
	return out
}

// TestStatusRecognition checks the recognition rule of the reply-header status contract and the
// options that name the blocks or turn the contract off: which clients get a contract, with which
// blocks, and the notices.
func TestStatusRecognition(t *testing.T) {
	failure := `<xs:element name="ExceptionInfo" type="tns:Failure" nillable="true"/>`
	succeeded := `<xs:element name="Succeeded" type="xs:boolean"/>`
	for _, tc := range []struct {
		name string
		cfg  sogen.Config
		want map[string]string
		// wantNotices are the starts of the notices about the contract, in order.
		wantNotices []string
	}{
		{
			name: "services88: recognised",
			cfg:  caseConfig(t, "services88"),
			want: map[string]string{"WebhookClient": "Succeeded/ExceptionInfo", "SoPrincipalClient": "Succeeded/ExceptionInfo"},
			wantNotices: []string{"SoPrincipalClient, WebhookClient: reply-header status contract: a reply whose header block Succeeded is false, or that carries a header block ExceptionInfo, is an error, " +
				"a *SoExceptionInfo (recognised by the blocks' names and types; -no-status-headers turns it off)"},
		},
		{
			name: "services88: off",
			cfg:  withStatus(caseConfig(t, "services88"), model.StatusHeaders{Off: true}),
			want: map[string]string{"WebhookClient": "", "SoPrincipalClient": ""},
		},
		{
			// The fixture generated with the contract off has blocks the rule recognises.
			name: "statusoff, without its options",
			cfg:  withStatus(caseConfig(t, "statusoff"), model.StatusHeaders{}),
			want: map[string]string{"PaymentsClient": "Success/ErrorInfo"},
			wantNotices: []string{"PaymentsClient: reply-header status contract: a reply whose header block Success is false, or that carries a header block ErrorInfo, is an error, a *ErrorDetails " +
				"(recognised by the blocks' names and types; -no-status-headers turns it off)"},
		},
		{
			// Done and Problem are not names the rule knows: only the options apply a contract.
			name: "replystatus, without its options",
			cfg:  withStatus(caseConfig(t, "replystatus"), model.StatusHeaders{}),
			want: map[string]string{"StockClient": "", "AuditClient": ""},
		},
		{
			name: "replystatus, named",
			cfg:  caseConfig(t, "replystatus"),
			want: map[string]string{"StockClient": "Done/Problem", "AuditClient": "Done/-"},
			wantNotices: []string{
				"StockClient: reply-header status contract: a reply whose header block Done is false, or that carries a header block Problem, is an error, a *ProblemReport (named by -status-header/-error-header)",
				"AuditClient: reply-header status contract: a reply whose header block Done is false is an error (named by -status-header/-error-header)",
			},
		},
		{
			name:        "replystatus, the error block alone, with its namespace",
			cfg:         withStatus(caseConfig(t, "replystatus"), model.StatusHeaders{Error: "{http://example.com/sogen/inventory}Problem"}),
			want:        map[string]string{"StockClient": "-/Problem", "AuditClient": ""},
			wantNotices: []string{"StockClient: reply-header status contract: a reply that carries a header block Problem is an error, a *ProblemReport (named by -status-header/-error-header)"},
		},
		{
			// A boolean Succeeded alone may mean anything: no contract.
			name: "headers: a status block without error block",
			cfg:  caseConfig(t, "headers"),
			want: map[string]string{"OrdersClient": ""},
		},
		{
			name: "an error block whose type has no Message",
			cfg:  inMemory(headerWSDL(`<xs:complexType name="Oops"><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType>`, succeeded, `<xs:element name="ErrorInfo" type="tns:Oops"/>`)),
			want: map[string]string{"StatusClient": ""},
		},
		{
			name: "an error block whose name says nothing",
			cfg:  inMemory(headerWSDL("", succeeded, `<xs:element name="Details" type="tns:Failure"/>`)),
			want: map[string]string{"StatusClient": ""},
		},
		{
			// Its type could not have the Error method.
			name: "an error type with a field named Error",
			cfg:  inMemory(headerWSDL(`<xs:complexType name="Oops"><xs:sequence><xs:element name="Message" type="xs:string"/><xs:element name="Error" type="xs:string"/></xs:sequence></xs:complexType>`, succeeded, `<xs:element name="ErrorInfo" type="tns:Oops"/>`)),
			want: map[string]string{"StatusClient": ""},
		},
		{
			name:        "several candidates",
			cfg:         inMemory(headerWSDL("", succeeded, `<xs:element name="Success" type="xs:boolean"/>`, failure)),
			want:        map[string]string{"StatusClient": ""},
			wantNotices: []string{"StatusClient: no reply-header status contract: several response header blocks look like status blocks (Succeeded, Success) or error blocks (ExceptionInfo); name them with -status-header and -error-header"},
		},
		{
			name:        "a lower-case success and a fault",
			cfg:         inMemory(headerWSDL("", `<xs:element name="isSuccess" type="xs:boolean"/>`, `<xs:element name="fault" type="tns:Failure"/>`)),
			want:        map[string]string{"StatusClient": "isSuccess/fault"},
			wantNotices: []string{"StatusClient: reply-header status contract"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pkg, err := sogen.Model(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, contractsOf(pkg)); diff != "" {
				t.Errorf("contracts (-want +got):\n%s", diff)
			}
			var notices []string
			for _, n := range pkg.Notices {
				if strings.Contains(n, "status contract") {
					notices = append(notices, n)
				}
			}
			ok := len(notices) == len(tc.wantNotices)
			for i := 0; ok && i < len(notices); i++ {
				ok = strings.HasPrefix(notices[i], tc.wantNotices[i])
			}
			if !ok {
				t.Errorf("notices about the contract:\n%q\nwant notices starting with\n%q", notices, tc.wantNotices)
			}
		})
	}
}

func withStatus(cfg sogen.Config, s model.StatusHeaders) sogen.Config {
	cfg.StatusHeaders = s
	return cfg
}

func inMemory(fsys fstest.MapFS) sogen.Config {
	return sogen.Config{FS: fsys, Roots: []string{"status.wsdl"}, Package: "status"}
}

// TestStatusOptionErrors checks the errors for option values that cannot apply: each is a
// *model.OptionError, and its message is a golden file (golden/errors/status-*.txt).
func TestStatusOptionErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  sogen.Config
	}{
		{"status-unknown", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Status: "Success"})},
		{"status-wrong-namespace", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Status: "{urn:other}Succeeded"})},
		{"status-not-boolean", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Status: "TimeZone"})},
		{"status-bad-name", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Status: "{urn:other"})},
		{"error-unknown", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Error: "Fault"})},
		{"error-not-complex", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Status: "Succeeded", Error: "ExtraInfo"})},
		{"error-field-named-error", withStatus(inMemory(headerWSDL(`<xs:complexType name="Oops"><xs:sequence><xs:element name="Error" type="xs:string"/></xs:sequence></xs:complexType>`,
			`<xs:element name="Problem" type="tns:Oops"/>`)), model.StatusHeaders{Error: "Problem"})},
		{"status-no-response-header", withStatus(caseConfig(t, "wrapped"), model.StatusHeaders{Status: "Succeeded"})},
		{"status-off-and-named", withStatus(caseConfig(t, "services88"), model.StatusHeaders{Off: true, Error: "ExceptionInfo"})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sogen.Generate(tc.cfg)
			var oe *model.OptionError
			if !errors.As(err, &oe) {
				t.Fatalf("error %v, want a *model.OptionError", err)
			}
			golden.Check(t, filepath.Join("golden", "errors", tc.name+".txt"), []byte(err.Error()+"\n"))
		})
	}
}

// TestStatusDiff checks that sogen diff reports the methods the contract adds or removes: turning it
// off removes CheckResponse and makes *SoExceptionInfo no longer an error (breaking).
func TestStatusDiff(t *testing.T) {
	build := func(cfg sogen.Config) *model.Package {
		p, err := sogen.Model(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	on := build(caseConfig(t, "services88"))
	off := build(withStatus(caseConfig(t, "services88"), model.StatusHeaders{Off: true}))
	added := apidiff.Compare(off, on).Text()
	for _, want := range []string{
		"- method `func (*WebhookResponseHeader) CheckResponse() error`: a reply whose header blocks report a failure (status Succeeded, error ExceptionInfo) is an error of `WebhookClient`\n",
		"- method `func (*SoExceptionInfo) Error() string`: `*SoExceptionInfo` is an error (a reply-header status contract's error block)\n",
		"- method `func (*SoExceptionInfo) Unwrap() error` (returns `InnerException`)\n",
		"0 breaking changes, 0 other changes, 4 additions.",
	} {
		if !strings.Contains(added, want) {
			t.Errorf("turning the contract on: the report lacks %q:\n%s", want, added)
		}
	}
	removed := apidiff.Compare(on, off)
	if !removed.Breaking() || !strings.Contains(removed.Text(), "method `SoPrincipalResponseHeader.CheckResponse` removed") ||
		!strings.Contains(removed.Text(), "method `SoExceptionInfo.Error` removed: `*SoExceptionInfo` is no longer an error") {
		t.Errorf("turning the contract off: report\n%s", removed.Text())
	}
	named := build(withStatus(caseConfig(t, "services88"), model.StatusHeaders{Error: "ExceptionInfo"}))
	if got, want := apidiff.Compare(on, named).Text(), "`WebhookResponseHeader.CheckResponse`: the header blocks reporting a failure were status Succeeded, error ExceptionInfo, now error ExceptionInfo"; !strings.Contains(got, want) {
		t.Errorf("changing the blocks: the report lacks %q:\n%s", want, got)
	}
}
