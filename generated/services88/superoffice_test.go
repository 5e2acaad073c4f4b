package services88_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

// The reply headers of a failed NetServer call, and the exception they decode to.
const failedHeader = `<ExceptionInfo>` +
	`<Message>Webhook 99 not found</Message>` +
	`<StackTrace>   at SuperOffice.CRM.Services.WebhookAgent.GetWebhook(Int32 webhookId)</StackTrace>` +
	`<FriendlyText>The webhook does not exist.</FriendlyText>` +
	`<ExceptionType>SoException</ExceptionType>` +
	`<Source>SuperOffice.Services.Implementation</Source>` +
	`<InnerException>` +
	`<Message>Sequence contains no elements</Message>` +
	`<StackTrace i:nil="true"/>` +
	`<FriendlyText></FriendlyText>` +
	`<ExceptionType>System.InvalidOperationException</ExceptionType>` +
	`<Source>System.Linq</Source>` +
	`<InnerException i:nil="true"/>` +
	`<Parameters i:nil="true"/>` +
	`</InnerException>` +
	`<Parameters>` +
	`<SoExceptionInfoParametersKeyValuePair><Key>webhookId</Key><Value>99</Value></SoExceptionInfoParametersKeyValuePair>` +
	`<SoExceptionInfoParametersKeyValuePair><Key>agent</Key><Value>Webhook</Value></SoExceptionInfoParametersKeyValuePair>` +
	`</Parameters>` +
	`</ExceptionInfo>` +
	`<Succeeded>false</Succeeded>`

func failedException() *services88.SoExceptionInfo {
	inner := &services88.SoExceptionInfo{
		Message:       "Sequence contains no elements",
		ExceptionType: "System.InvalidOperationException",
		Source:        "System.Linq",
	}
	inner.Presence.SetNil("StackTrace")
	inner.Presence.SetPresent("FriendlyText")
	inner.Presence.SetNil("InnerException")
	inner.Presence.SetNil("Parameters")
	return &services88.SoExceptionInfo{
		Message:        "Webhook 99 not found",
		StackTrace:     "   at SuperOffice.CRM.Services.WebhookAgent.GetWebhook(Int32 webhookId)",
		FriendlyText:   "The webhook does not exist.",
		ExceptionType:  "SoException",
		Source:         "SuperOffice.Services.Implementation",
		InnerException: inner,
		Parameters:     map[string]string{"webhookId": "99", "agent": "Webhook"},
	}
}

const getWebhookReply = `<GetWebhookResponse><Response><WebhookId>99</WebhookId><Name>hook</Name>` +
	`<Registered>2024-03-01T09:30:00Z</Registered><Updated>2024-03-01T09:30:00Z</Updated></Response></GetWebhookResponse>`

// The messages of failedException and of its inner exception (soap.ErrorText).
const (
	innerText  = `SoExceptionInfo: Message="Sequence contains no elements" ExceptionType="System.InvalidOperationException" Source="System.Linq"`
	failedText = `SoExceptionInfo: Message="Webhook 99 not found" FriendlyText="The webhook does not exist." ExceptionType="SoException" Source="SuperOffice.Services.Implementation": ` + innerText
)

// TestSucceededHeader checks the reply-header status contract sogen recognised in the Services88
// WSDLs: the Succeeded and ExceptionInfo headers of a reply decide whether the call fails, the error
// is the *SoExceptionInfo (an error, unwrapping to its InnerException), and the result the reply
// carried is returned with it.
func TestSucceededHeader(t *testing.T) {
	hook := &services88.Webhook{
		WebhookID:  99,
		Name:       "hook",
		Registered: wireDateTime("2024-03-01T09:30:00Z"),
		Updated:    wireDateTime("2024-03-01T09:30:00Z"),
	}
	const noException = "the reply's header block Succeeded is false, and it carries no ExceptionInfo block"
	cases := []struct {
		name      string
		header    string
		body      string
		want      *services88.Webhook
		wantErr   string
		wantExc   *services88.SoExceptionInfo
		wantChain []string // messages of the *SoExceptionInfo values on the Unwrap chain
		// wantDecoded is set when the reply's body was decoded, so the result comes with the error.
		wantDecoded bool
	}{
		{
			name:        "Succeeded=false with ExceptionInfo",
			header:      failedHeader,
			body:        `<GetWebhookResponse><Response i:nil="true"/></GetWebhookResponse>`,
			wantErr:     "soap: Webhook.GetWebhook: " + failedText,
			wantExc:     failedException(),
			wantChain:   []string{"Webhook 99 not found", "Sequence contains no elements"},
			wantDecoded: true,
		},
		{
			// The result stays readable where the reply carried one.
			name:        "Succeeded=false with ExceptionInfo and a result",
			header:      failedHeader,
			body:        getWebhookReply,
			want:        hook,
			wantErr:     "soap: Webhook.GetWebhook: " + failedText,
			wantExc:     failedException(),
			wantChain:   []string{"Webhook 99 not found", "Sequence contains no elements"},
			wantDecoded: true,
		},
		{
			// The header explains a body the client cannot use: the failure it reports is the error,
			// and the body's problem is kept in the message.
			name:      "Succeeded=false with ExceptionInfo and an empty Body",
			header:    failedHeader,
			body:      ``,
			wantErr:   "soap: Webhook.GetWebhook: " + failedText + " (and the reply body could not be used: soap: decode: Envelope/Body (line 1, column 1286): the reply Body is empty, expected element {http://www.superoffice.net/ws/crm/NetServer/Services88}GetWebhookResponse)",
			wantExc:   failedException(),
			wantChain: []string{"Webhook 99 not found", "Sequence contains no elements"},
		},
		{
			name:        "Succeeded=false without ExceptionInfo",
			header:      `<Succeeded>false</Succeeded>`,
			body:        getWebhookReply,
			want:        hook,
			wantErr:     `soap: Webhook.GetWebhook: SoExceptionInfo: Message="` + noException + `"`,
			wantExc:     &services88.SoExceptionInfo{Message: noException},
			wantChain:   []string{noException},
			wantDecoded: true,
		},
		{
			// A non-nil ExceptionInfo is a failure whatever Succeeded says.
			name:        "ExceptionInfo with Succeeded=true",
			header:      `<ExceptionInfo><Message>Partly saved</Message></ExceptionInfo><Succeeded>true</Succeeded>`,
			body:        getWebhookReply,
			want:        hook,
			wantErr:     `soap: Webhook.GetWebhook: SoExceptionInfo: Message="Partly saved"`,
			wantExc:     &services88.SoExceptionInfo{Message: "Partly saved"},
			wantChain:   []string{"Partly saved"},
			wantDecoded: true,
		},
		{
			// A server's text cannot forge a line in a log: Error quotes it.
			name:        "ExceptionInfo with a line break",
			header:      `<ExceptionInfo><Message>bad&#10;2024-03-01 INFO all good</Message></ExceptionInfo><Succeeded>false</Succeeded>`,
			body:        `<GetWebhookResponse/>`,
			wantErr:     `soap: Webhook.GetWebhook: SoExceptionInfo: Message="bad\n2024-03-01 INFO all good"`,
			wantExc:     &services88.SoExceptionInfo{Message: "bad\n2024-03-01 INFO all good"},
			wantChain:   []string{"bad\n2024-03-01 INFO all good"},
			wantDecoded: true,
		},
		{
			name:   "Succeeded=true",
			header: `<Succeeded>true</Succeeded>`,
			body:   getWebhookReply,
			want:   hook,
		},
		{
			name:   "Succeeded=true with a nil ExceptionInfo",
			header: `<ExceptionInfo i:nil="true"/><Succeeded>true</Succeeded>`,
			body:   getWebhookReply,
			want:   hook,
		},
		{
			name:   "no headers",
			header: ``,
			body:   getWebhookReply,
			want:   hook,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(tc.header, tc.body))
			w, _ := newAgents(srv.Server, nil)
			got, err := w.GetWebhook(context.Background(), 99)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tc.wantErr)
			}
			if err.Error() != tc.wantErr {
				t.Errorf("error = %q\nwant    %q", err, tc.wantErr)
			}
			if got := soap.ResultDecoded(err); got != tc.wantDecoded {
				t.Errorf("soap.ResultDecoded = %v, want %v", got, tc.wantDecoded)
			}
			var exc *services88.SoExceptionInfo
			if !errors.As(err, &exc) {
				t.Fatalf("errors.As(%T, *SoExceptionInfo) = false", err)
			}
			if diff := cmp.Diff(tc.wantExc, exc); diff != "" {
				t.Errorf("exception (-want +got):\n%s", diff)
			}
			var chain []string
			for e := error(err); e != nil; e = errors.Unwrap(e) {
				if x, ok := e.(*services88.SoExceptionInfo); ok {
					chain = append(chain, x.Message)
				}
			}
			if diff := cmp.Diff(tc.wantChain, chain); diff != "" {
				t.Errorf("exceptions on the Unwrap chain (-want +got):\n%s", diff)
			}
			if exc.InnerException == nil {
				// No inner exception: Unwrap returns a nil error, not a nil *SoExceptionInfo in an
				// error (which would not compare equal to nil).
				if u := exc.Unwrap(); u != nil {
					t.Errorf("Unwrap() = %#v, want nil", u)
				}
				return
			}
			var inner *services88.SoExceptionInfo
			if !errors.As(exc.Unwrap(), &inner) {
				t.Fatal("errors.As does not reach the inner exception through Unwrap")
			}
			if inner != exc.InnerException {
				t.Errorf("errors.As through Unwrap gave %p, want the InnerException %p", inner, exc.InnerException)
			}
			if !errors.Is(err, exc.InnerException) {
				t.Error("errors.Is(err, InnerException) = false")
			}
			if got := inner.Error(); got != innerText {
				t.Errorf("inner Error() = %q, want %q", got, innerText)
			}
			if u := inner.Unwrap(); u != nil {
				t.Errorf("innermost Unwrap() = %#v, want nil", u)
			}
		})
	}
}

// TestSoExceptionInfoError checks Error on values a program builds: a nil *SoExceptionInfo, one
// without text, and one whose message is too long for a log line.
func TestSoExceptionInfoError(t *testing.T) {
	var nilExc *services88.SoExceptionInfo
	if got := nilExc.Error(); got != "<nil>" {
		t.Errorf("nil Error() = %q", got)
	}
	if got := nilExc.Unwrap(); got != nil {
		t.Errorf("nil Unwrap() = %#v", got)
	}
	if got := (&services88.SoExceptionInfo{StackTrace: "at X"}).Error(); got != "SoExceptionInfo" {
		t.Errorf("Error() without text = %q, want the type name alone (StackTrace is not shown)", got)
	}
	long := &services88.SoExceptionInfo{Message: strings.Repeat("x", 5000), InnerException: &services88.SoExceptionInfo{Message: "inner"}}
	if got := long.Error(); len(got) > 1024 || !strings.HasSuffix(got, "...") {
		t.Errorf("Error() of a long message has %d bytes, want at most 1024 ending in ...", len(got))
	}
}

// TestResponseHeaderReuse is the scenario of issue 9: one response header struct given to a call whose
// reply fails, then to one whose reply succeeds. The second call must report success, return its
// result, and leave in the struct only the second reply's blocks.
func TestResponseHeaderReuse(t *testing.T) {
	ctx := context.Background()
	failing := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(failedHeader, `<GetWebhookResponse><Response i:nil="true"/></GetWebhookResponse>`))
	ok := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(`<Succeeded>true</Succeeded>`, getWebhookReply))
	w, _ := newAgents(failing.Server, nil)
	var rh services88.WebhookResponseHeader

	if _, err := w.GetWebhook(ctx, 99, soap.WithResponseHeader(&rh)); err == nil {
		t.Fatal("the failing call returned no error")
	}
	if rh.ExceptionInfo == nil || rh.Succeeded == nil || *rh.Succeeded {
		t.Fatalf("after the failing call, the header is %+v", rh)
	}

	got, err := w.GetWebhook(ctx, 99, soap.WithResponseHeader(&rh), soap.WithEndpoint(ok.URL+webhookPath))
	if err != nil {
		t.Fatalf("the succeeding call returned %v", err)
	}
	if got == nil || got.WebhookID != 99 {
		t.Errorf("result = %+v, want webhook 99", got)
	}
	yes := true
	if diff := cmp.Diff(services88.WebhookResponseHeader{Succeeded: &yes}, rh); diff != "" {
		t.Errorf("header after the second call (-want +got):\n%s", diff)
	}

	// A call that gets no reply leaves the struct empty, not holding the earlier reply's blocks.
	w.Endpoint = ""
	if _, err := w.GetWebhook(ctx, 99, soap.WithResponseHeader(&rh)); err == nil {
		t.Fatal("a call without endpoint returned no error")
	}
	if diff := cmp.Diff(services88.WebhookResponseHeader{}, rh); diff != "" {
		t.Errorf("header after a call without reply (-want +got):\n%s", diff)
	}
}

// TestRepeatedHeaderBlock checks that a reply carrying a header block twice is an error, rather than
// the last one winning: Succeeded false then true must not read as success.
func TestRepeatedHeaderBlock(t *testing.T) {
	for _, tc := range []struct{ name, header, block string }{
		{"Succeeded false then true", `<Succeeded>false</Succeeded><Succeeded>true</Succeeded>`, "Succeeded"},
		{"Succeeded true then false", `<Succeeded>true</Succeeded><Succeeded>false</Succeeded>`, "Succeeded"},
		{"ExceptionInfo twice", `<ExceptionInfo><Message>a</Message></ExceptionInfo><ExceptionInfo i:nil="true"/><Succeeded>true</Succeeded>`, "ExceptionInfo"},
		{"TimeZone twice", `<TimeZone><SoTimeZoneId>1</SoTimeZoneId></TimeZone><Succeeded>true</Succeeded><TimeZone><SoTimeZoneId>2</SoTimeZoneId></TimeZone>`, "TimeZone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(tc.header, getWebhookReply))
			w, _ := newAgents(srv.Server, nil)
			got, err := w.GetWebhook(context.Background(), 99)
			if got != nil {
				t.Errorf("result = %+v, want nil", got)
			}
			var de *soap.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error = %v, want a *soap.DecodeError", err)
			}
			if want := "the reply carries the header block {" + ns88 + "}" + tc.block + " more than once"; de.Err.Error() != want {
				t.Errorf("error = %q, want %q", de.Err, want)
			}
			if soap.ResultDecoded(err) {
				t.Error("soap.ResultDecoded = true")
			}
		})
	}
}

// TestFaults checks the errors of replies that are faults, or not SOAP at all.
func TestFaults(t *testing.T) {
	const nsWCF = "http://schemas.datacontract.org/2004/07/System.ServiceModel"
	soap11Fault := `<s:Envelope xmlns:s="` + nsEnv11 + `"><s:Body><s:Fault>` +
		`<faultcode>s:Client</faultcode>` +
		`<faultstring xml:lang="en-US">The ticket has expired.</faultstring>` +
		`<detail><ExceptionDetail xmlns="` + nsWCF + `"><Message>Ticket 7T:abc expired</Message>` +
		`<Type>System.Security.SecurityException</Type></ExceptionDetail></detail>` +
		`</s:Fault></s:Body></s:Envelope>`
	versionMismatch := `<env:Envelope xmlns:env="` + nsEnv12 + `"><env:Header><env:Upgrade>` +
		`<env:SupportedEnvelope qname="ns1:Envelope" xmlns:ns1="` + nsEnv12 + `"/></env:Upgrade></env:Header>` +
		`<env:Body><env:Fault><env:Code><env:Value>env:VersionMismatch</env:Value></env:Code>` +
		`<env:Reason><env:Text xml:lang="en">Version Mismatch</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`
	loginPage := "<!DOCTYPE html>\r\n<html><head><title>SuperOffice | Log in</title></head>\r\n" +
		`<body><form action="/login" method="post"><input name="username"/></form></body></html>` + "\r\n"
	loginExcerpt := strings.ReplaceAll(loginPage, "\r\n", "\n")
	bigPage := "<html><body>" + strings.Repeat("<p>Please log in to continue.</p>", 40) + "</body></html>"

	wcfName := func(local string) xml.Name { return xml.Name{Space: nsWCF, Local: local} }
	cases := []struct {
		name      string
		status    int
		ctype     string
		body      string
		wantFault *soap.Fault
		wantHTTP  *soap.HTTPError
		wantErr   string
	}{
		{
			name: "SOAP 1.1 fault", status: http.StatusInternalServerError, ctype: "text/xml; charset=utf-8", body: soap11Fault,
			wantFault: &soap.Fault{
				Version: soap.V11,
				Code:    xml.Name{Space: nsEnv11, Local: "Client"},
				Reason:  "The ticket has expired.",
				Reasons: []soap.FaultText{{Lang: "en-US", Text: "The ticket has expired."}},
				Detail: &soap.Element{
					Name: xml.Name{Local: "detail"},
					Content: []soap.Node{{Element: &soap.Element{
						Name: wcfName("ExceptionDetail"),
						Content: []soap.Node{
							{Element: &soap.Element{Name: wcfName("Message"), Content: []soap.Node{{Text: "Ticket 7T:abc expired"}}}},
							{Element: &soap.Element{Name: wcfName("Type"), Content: []soap.Node{{Text: "System.Security.SecurityException"}}}},
						},
					}}},
				},
				HTTPStatus: 500,
			},
			wantErr: "soap: Webhook.GetWebhook: soap fault (SOAP 1.1, HTTP 500): Client: The ticket has expired.",
		},
		{
			name: "SOAP 1.2 VersionMismatch", status: http.StatusInternalServerError, ctype: "application/soap+xml; charset=utf-8", body: versionMismatch,
			wantFault: &soap.Fault{
				Version:    soap.V12,
				Code:       xml.Name{Space: nsEnv12, Local: "VersionMismatch"},
				Reason:     "Version Mismatch",
				Reasons:    []soap.FaultText{{Lang: "en", Text: "Version Mismatch"}},
				HTTPStatus: 500,
			},
			wantErr: "soap: Webhook.GetWebhook: soap fault (SOAP 1.2, HTTP 500): VersionMismatch: Version Mismatch",
		},
		{
			name: "HTML login page", status: http.StatusOK, ctype: "text/html; charset=utf-8", body: loginPage,
			wantHTTP: &soap.HTTPError{
				StatusCode:  200,
				Status:      "200 OK",
				ContentType: "text/html; charset=utf-8",
				Excerpt:     loginExcerpt,
				Reason:      "not XML",
			},
			wantErr: `soap: Webhook.GetWebhook: HTTP 200 OK (text/html; charset=utf-8): not XML (decode: line 1, column 1: document type declarations are not accepted): "<!DOCTYPE html> <html><head><title>SuperOffice | Log in</title></head> <body><form action=\"/login\" method=\"post\"><input name=\"username\"/></form></body></html>"`,
		},
		{
			name: "long HTML page", status: http.StatusOK, ctype: "text/html", body: bigPage,
			wantHTTP: &soap.HTTPError{
				StatusCode:  200,
				Status:      "200 OK",
				ContentType: "text/html",
				Excerpt:     bigPage[:512],
				Reason:      "not a SOAP envelope",
			},
			wantErr: `soap: Webhook.GetWebhook: HTTP 200 OK (text/html): not a SOAP envelope: "` + bigPage[:160] + `..."`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, tc.status, tc.ctype, []byte(tc.body))
			w, _ := newAgents(srv.Server, nil)
			var rh services88.WebhookResponseHeader
			got, err := w.GetWebhook(context.Background(), 99, soap.WithResponseHeader(&rh))
			if got != nil {
				t.Errorf("result = %+v, want nil", got)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.wantErr {
				t.Errorf("error = %q\nwant      %q", err, tc.wantErr)
			}
			if diff := cmp.Diff(services88.WebhookResponseHeader{}, rh); diff != "" {
				t.Errorf("response header (-want +got):\n%s", diff)
			}
			var exc *services88.SoExceptionInfo
			if errors.As(err, &exc) {
				t.Errorf("errors.As found a *SoExceptionInfo: %v", exc)
			}
			var fault *soap.Fault
			var httpErr *soap.HTTPError
			switch {
			case tc.wantFault != nil:
				if !errors.As(err, &fault) {
					t.Fatalf("errors.As(*soap.Fault) = false for %T", err)
				}
				if diff := cmp.Diff(tc.wantFault, fault); diff != "" {
					t.Errorf("fault (-want +got):\n%s", diff)
				}
				if errors.As(err, &httpErr) {
					t.Errorf("errors.As found an *HTTPError as well: %v", httpErr)
				}
			case tc.wantHTTP != nil:
				if !errors.As(err, &httpErr) {
					t.Fatalf("errors.As(*soap.HTTPError) = false for %T", err)
				}
				if diff := cmp.Diff(tc.wantHTTP, httpErr, cmpopts.IgnoreFields(soap.HTTPError{}, "Err")); diff != "" {
					t.Errorf("HTTP error (-want +got):\n%s", diff)
				}
				var de *soap.DecodeError
				if gotDecode := errors.As(err, &de); gotDecode != (tc.wantHTTP.Reason == "not XML") {
					t.Errorf("errors.As(*soap.DecodeError) = %v (Err = %v)", gotDecode, httpErr.Err)
				}
				if errors.As(err, &fault) {
					t.Errorf("errors.As found a *Fault as well: %v", fault)
				}
			}
		})
	}
}
