package soaptest_test

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soaptest"
)

// fakeWebhooks is a fake implementation of the server interface, as a user's test writes one.
type fakeWebhooks struct {
	services88.UnimplementedWebhookServer
}

func (fakeWebhooks) GetWebhook(ctx context.Context, id int32) (*services88.Webhook, error) {
	return &services88.Webhook{WebhookID: id, Name: fmt.Sprintf("hook %d", id)}, nil
}

func (fakeWebhooks) SaveWebhook(ctx context.Context, w *services88.Webhook) (*services88.Webhook, error) {
	w.WebhookID = 99
	return w, nil
}

func newAgent(srv *soaptest.Server) *services88.WebhookAgent {
	agent := services88.NewWebhookAgent(nil)
	agent.Endpoint = srv.URL + "/Webhook.svc"
	agent.Header.Credentials = &services88.SoCredentials{Ticket: "7T:test"}
	return agent
}

// TestServerRecords serves a fake WebhookServer and checks what the server records: the operation,
// action, version, raw header blocks, and the header and body decoded into the generated types.
func TestServerRecords(t *testing.T) {
	srv := soaptest.NewServer(t, services88.NewWebhookHandler(fakeWebhooks{}))
	agent := newAgent(srv)
	saved, err := agent.SaveWebhook(context.Background(), &services88.Webhook{Name: "crm", Events: []string{"a", "b"}})
	if err != nil || saved.WebhookID != 99 {
		t.Fatalf("SaveWebhook = %+v, %v", saved, err)
	}
	req := srv.LastRequest()
	if req.Operation != "SaveWebhook" || req.Version != soap.V11 || req.ParseError != nil ||
		req.Action != "http://www.superoffice.net/ws/crm/NetServer/Services88/Webhook/SaveWebhook" || req.HTTP.URL.Path != "/Webhook.svc" {
		t.Errorf("request %+v", req)
	}
	if len(req.Headers) != 1 || req.Headers[0].Name.Local != "Credentials" {
		t.Errorf("header blocks %+v, want Credentials", req.Headers)
	}
	var h services88.WebhookRequestHeader
	if err := req.DecodeHeader(&h); err != nil || h.Credentials == nil || h.Credentials.Ticket != "7T:test" {
		t.Errorf("DecodeHeader: %+v, %v", h, err)
	}
	var body services88.SaveWebhook
	if err := req.DecodeBody(&body); err != nil || body.Webhook == nil || body.Webhook.Name != "crm" || strings.Join(body.Webhook.Events, ",") != "a,b" {
		t.Errorf("DecodeBody: %+v, %v", body.Webhook, err)
	}
	if err := req.DecodeBody(body); err == nil {
		t.Error("DecodeBody of a non-pointer succeeded")
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests recorded", n)
	}
	srv.Reset()
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests after Reset", n)
	}
}

// TestInjections checks faults, HTTP errors and delays, per operation and for all.
func TestInjections(t *testing.T) {
	srv := soaptest.NewServer(t, services88.NewWebhookHandler(fakeWebhooks{}))
	agent := newAgent(srv)
	ctx := context.Background()

	srv.InjectFault("GetWebhook", &soap.Fault{Code: xml.Name{Local: "Client"}, Reason: "no such webhook"})
	_, err := agent.GetWebhook(ctx, 1)
	var f *soap.Fault
	if !errors.As(err, &f) || f.Reason != "no such webhook" || f.Code.Local != "Client" || f.HTTPStatus != 500 {
		t.Errorf("GetWebhook: %v, want the injected fault", err)
	}
	if _, err := agent.SaveWebhook(ctx, &services88.Webhook{Name: "x"}); err != nil {
		t.Errorf("SaveWebhook, not concerned by the injection: %v", err)
	}

	srv.Reset()
	srv.InjectHTTPError("", http.StatusServiceUnavailable, "maintenance")
	_, err = agent.SaveWebhook(ctx, &services88.Webhook{Name: "x"})
	var he *soap.HTTPError
	if !errors.As(err, &he) || he.StatusCode != http.StatusServiceUnavailable || !strings.Contains(he.Excerpt, "maintenance") {
		t.Errorf("SaveWebhook: %v, want HTTP 503", err)
	}

	srv.Reset()
	srv.InjectDelay("GetWebhook", time.Minute)
	tctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err = agent.GetWebhook(tctx, 1)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("GetWebhook with a delay: %v, want the context's deadline", err)
	}
	srv.Reset()
	if w, err := agent.GetWebhook(ctx, 3); err != nil || w.Name != "hook 3" {
		t.Errorf("GetWebhook after Reset = %+v, %v", w, err)
	}
}

// recordingTB records the errors a server reports, to check them.
type recordingTB struct {
	testing.TB
	errs []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestCannedServer answers from testdata/webhook: a reply written as SuperOffice documents them (SOAP
// 1.2 namespace, header blocks under Envelope) converted to the binding's SOAP 1.1, a SOAP 1.1 one
// reporting a failure in its headers, and an operation without reply, which fails the test.
func TestCannedServer(t *testing.T) {
	replies, err := soaptest.ReadReplies(os.DirFS("testdata"), "webhook")
	if err != nil {
		t.Fatal(err)
	}
	rt := &recordingTB{TB: t}
	srv := soaptest.NewCannedServer(rt, replies)
	agent := newAgent(srv)
	ctx := context.Background()
	var rh services88.WebhookResponseHeader
	w, err := agent.GetWebhook(ctx, 7, soap.WithResponseHeader(&rh))
	if err != nil || w.WebhookID != 7 || w.Name != "canned hook" || w.State != services88.WebhookStateActive || rh.Succeeded == nil || !*rh.Succeeded {
		t.Errorf("GetWebhook = %+v (header %+v), %v", w, rh, err)
	}
	var exc *services88.SoExceptionInfo
	if err := agent.DeleteWebhook(ctx, 7); !errors.As(err, &exc) || exc.Message != "no such webhook" {
		t.Errorf("DeleteWebhook: %v, want the *SoExceptionInfo of the canned reply", err)
	}
	_, err = agent.GetLastError(ctx, 7)
	var f *soap.Fault
	if !errors.As(err, &f) || !strings.Contains(f.Reason, "no canned reply for operation GetLastError") {
		t.Errorf("GetLastError: %v, want a fault saying there is no canned reply", err)
	}
	if len(rt.errs) != 1 || !strings.Contains(rt.errs[0], "GetLastError") {
		t.Errorf("the test was told %q, want one error about GetLastError", rt.errs)
	}
	if _, err := soaptest.ReadReplies(os.DirFS("."), "."); err == nil {
		t.Error("ReadReplies of a directory without replies succeeded")
	}
}

// TestCannedSuperOfficeExamples serves SuperOffice's documented Webhook examples (SOGEN_CORPUS) as
// canned replies to the generated client.
func TestCannedSuperOfficeExamples(t *testing.T) {
	dir := os.Getenv("SOGEN_CORPUS")
	if dir == "" {
		t.Skip("SOGEN_CORPUS is not set: run with SOGEN_CORPUS=../shared/corpus to serve SuperOffice's documented examples")
	}
	replies, err := soaptest.ReadReplies(os.DirFS(filepath.Join(dir, "superoffice", "Services88")), "Webhook")
	if err != nil {
		t.Fatal(err)
	}
	srv := soaptest.NewCannedServer(t, replies)
	agent := newAgent(srv)
	ctx := context.Background()
	w, err := agent.GetWebhook(ctx, 1)
	if err != nil || w == nil || w.State == "" {
		t.Errorf("GetWebhook = %+v, %v", w, err)
	}
	all, err := agent.GetAllWebhooks(ctx, "", "", "")
	if err != nil || len(all) == 0 {
		t.Errorf("GetAllWebhooks = %+v, %v", all, err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests recorded", n)
	}
}

// TestInjectedFaultStatus: an injected fault is answered with the code and HTTP status a generated
// handler would use (SOAP 1.2 Part 2 section 7.5.2.2: 400 for Sender only), whatever its Code says:
// a code outside the envelope namespaces named Client is a subcode of Receiver, answered with 500.
// The SOAP action recorded for a SOAP 1.2 request is the Content-Type's action parameter.
func TestInjectedFaultStatus(t *testing.T) {
	srv := soaptest.NewServer(t, http.NotFoundHandler())
	const env12 = `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><x:Op xmlns:x="urn:x"/></e:Body></e:Envelope>`
	for _, c := range []struct {
		code   xml.Name
		status int
		value  string
	}{
		{xml.Name{Local: "Client"}, http.StatusBadRequest, "Sender"},
		{xml.Name{Space: soap.V11.EnvelopeNamespace(), Local: "Client"}, http.StatusBadRequest, "Sender"},
		{xml.Name{Space: "urn:custom", Local: "Client"}, http.StatusInternalServerError, "Receiver"},
		{xml.Name{Space: "urn:custom", Local: "Sender"}, http.StatusInternalServerError, "Receiver"},
		{xml.Name{}, http.StatusInternalServerError, "Receiver"},
	} {
		srv.Reset()
		srv.InjectFault("", &soap.Fault{Code: c.code, Reason: "injected"})
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(env12))
		req.Header.Set("Content-Type", `application/soap+xml; charset=utf-8; action="urn:x/Op"`)
		req.Header.Set("SOAPAction", `"urn:other"`)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(body), ":"+c.value+"</") {
			t.Errorf("code %v: HTTP %d, want %d with Value %s: %s", c.code, resp.StatusCode, c.status, c.value, body)
		}
		if got := srv.LastRequest().Action; got != "urn:x/Op" {
			t.Errorf("Action = %q, want the Content-Type's urn:x/Op", got)
		}
	}
}

// TestCannedFaultStatus: a canned reply holding a fault is answered with the HTTP status of a fault
// (SOAP 1.1 section 6.2; SOAP 1.2 Part 2 section 7.5.2.2), an ordinary reply with 200.
func TestCannedFaultStatus(t *testing.T) {
	const (
		ns11 = `xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"`
		ns12 = `xmlns:e="http://www.w3.org/2003/05/soap-envelope"`
	)
	fault12 := func(code string) []byte {
		return []byte(`<e:Envelope ` + ns12 + `><e:Body><e:Fault><e:Code><e:Value>e:` + code +
			`</e:Value></e:Code><e:Reason><e:Text xml:lang="en">no</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>`)
	}
	srv := soaptest.NewCannedServer(t, soaptest.Replies{
		"Ok":       []byte(`<e:Envelope ` + ns11 + `><e:Body><x:OkResponse xmlns:x="urn:x"/></e:Body></e:Envelope>`),
		"Fault11":  []byte(`<e:Envelope ` + ns11 + `><e:Body><e:Fault><faultcode>e:Client</faultcode><faultstring>no</faultstring></e:Fault></e:Body></e:Envelope>`),
		"Sender":   fault12("Sender"),
		"Receiver": fault12("Receiver"),
	})
	for _, c := range []struct {
		op, ns string
		status int
	}{
		{"Ok", ns11, http.StatusOK},
		{"Fault11", ns11, http.StatusInternalServerError},
		{"Sender", ns12, http.StatusBadRequest},
		{"Receiver", ns12, http.StatusInternalServerError},
	} {
		ct := "text/xml; charset=utf-8"
		if c.ns == ns12 {
			ct = "application/soap+xml; charset=utf-8"
		}
		resp, err := http.Post(srv.URL, ct, strings.NewReader(`<e:Envelope `+c.ns+`><e:Body><x:`+c.op+` xmlns:x="urn:x"/></e:Body></e:Envelope>`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("%s: HTTP %d, want %d", c.op, resp.StatusCode, c.status)
		}
	}
}
