package services88_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
)

// webhookStore implements services88.WebhookServer over a map, as a user's server would: the
// operations it does not implement answer "not implemented" through the embedded type.
type webhookStore struct {
	services88.UnimplementedWebhookServer
	mu     sync.Mutex
	byID   map[int32]*services88.Webhook
	nextID int32
	// tickets records the ticket of every request's Credentials header.
	tickets []string
}

func (s *webhookStore) SaveWebhook(ctx context.Context, w *services88.Webhook) (*services88.Webhook, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if h := soap.RequestHeader[services88.WebhookRequestHeader](ctx); h != nil && h.Credentials != nil {
		s.tickets = append(s.tickets, h.Credentials.Ticket)
	}
	if w == nil || w.Name == "" {
		return nil, &services88.SoExceptionInfo{Message: "a webhook needs a name", ExceptionType: "ArgumentException"}
	}
	if w.WebhookID == 0 {
		s.nextID++
		w.WebhookID = s.nextID
	}
	s.byID[w.WebhookID] = w
	soap.ResponseHeader[services88.WebhookResponseHeader](ctx).ExtraInfo = map[string]string{"saved": w.Name}
	return w, nil
}

func (s *webhookStore) GetWebhook(ctx context.Context, id int32) (*services88.Webhook, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[id], nil
}

func (s *webhookStore) GetAllWebhooks(ctx context.Context, name, event string, state services88.WebhookState) ([]*services88.Webhook, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*services88.Webhook
	for _, w := range s.byID {
		if strings.Contains(w.Name, name) {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].WebhookID < out[j].WebhookID })
	return out, nil
}

func (s *webhookStore) DeleteWebhook(ctx context.Context, id int32) error {
	return errors.New("database is down: dial tcp 10.0.0.7:5432: connection refused")
}

// TestWebhookServerRoundTrip serves a webhookStore with NewWebhookHandler and calls it with the
// generated client: values and header blocks both ways, the reply-header status contract's failure,
// an operation left unimplemented, and an internal error whose text stays on the server.
func TestWebhookServerRoundTrip(t *testing.T) {
	store := &webhookStore{byID: map[int32]*services88.Webhook{}}
	var logged []error
	h := services88.NewWebhookHandler(store, soap.WithErrorLog(func(ctx context.Context, call *soap.ServerCall, err error) {
		logged = append(logged, err)
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	agent := services88.NewWebhookAgent(&soap.Client{HTTPClient: srv.Client()})
	agent.Endpoint = srv.URL + webhookPath
	agent.Header.Credentials = &services88.SoCredentials{Ticket: "7T:abc"}
	ctx := context.Background()

	in := &services88.Webhook{Name: "crm", Events: []string{"contact.created", "sale.changed"}, TargetURL: "https://example.com/hook",
		State: services88.WebhookStateActive, Headers: map[string]string{"X-Key": "v"}}
	var rh services88.WebhookResponseHeader
	saved, err := agent.SaveWebhook(ctx, in, soap.WithResponseHeader(&rh))
	if err != nil {
		t.Fatalf("SaveWebhook: %v", err)
	}
	if saved.WebhookID != 1 || saved.Name != "crm" || !cmp.Equal(saved.Events, in.Events) || !cmp.Equal(saved.Headers, in.Headers) || saved.State != services88.WebhookStateActive {
		t.Errorf("SaveWebhook returned %+v", saved)
	}
	if rh.Succeeded == nil || !*rh.Succeeded || rh.ExtraInfo["saved"] != "crm" || rh.ExceptionInfo != nil {
		t.Errorf("reply header %+v, want Succeeded=true and ExtraInfo saved=crm", rh)
	}
	if !cmp.Equal(store.tickets, []string{"7T:abc"}) {
		t.Errorf("the server saw tickets %q", store.tickets)
	}

	got, err := agent.GetWebhook(ctx, 1)
	if err != nil || got == nil || got.TargetURL != in.TargetURL {
		t.Fatalf("GetWebhook = %+v, %v", got, err)
	}
	if _, err := agent.SaveWebhook(ctx, &services88.Webhook{Name: "other"}); err != nil {
		t.Fatal(err)
	}
	all, err := agent.GetAllWebhooks(ctx, "", "", services88.WebhookStateActive)
	if err != nil || len(all) != 2 || all[0].Name != "crm" || all[1].Name != "other" {
		t.Fatalf("GetAllWebhooks = %+v, %v", all, err)
	}

	// The reply-header status contract: the server's *SoExceptionInfo is the client's error.
	rh = services88.WebhookResponseHeader{}
	_, err = agent.SaveWebhook(ctx, &services88.Webhook{}, soap.WithResponseHeader(&rh))
	var exc *services88.SoExceptionInfo
	if !errors.As(err, &exc) || exc.Message != "a webhook needs a name" || exc.ExceptionType != "ArgumentException" {
		t.Errorf("SaveWebhook without a name: %v, want the *SoExceptionInfo", err)
	}
	if rh.Succeeded == nil || *rh.Succeeded {
		t.Errorf("reply header Succeeded = %v, want false", rh.Succeeded)
	}

	// Not implemented: a Server fault saying so.
	_, err = agent.TestWebhook(ctx, in)
	var f *soap.Fault
	if !errors.As(err, &f) || f.Code.Local != "Server" || !strings.Contains(f.Reason, "Webhook.TestWebhook is not implemented") {
		t.Errorf("TestWebhook: %v, want a Server fault saying it is not implemented", err)
	}

	// Internal errors: a Server fault whose text is not the error's; the error log sees it.
	logged = nil
	err = agent.DeleteWebhook(ctx, 1)
	if !errors.As(err, &f) || f.Reason != "internal server error" || strings.Contains(err.Error(), "10.0.0.7") {
		t.Errorf("DeleteWebhook: %v, want a Server fault not saying why", err)
	}
	if len(logged) != 1 || !strings.Contains(logged[0].Error(), "10.0.0.7") {
		t.Errorf("the error log saw %v", logged)
	}
}

// TestWebhookServerErrorDetails checks that soap.WithErrorDetails sends the text of internal errors.
func TestWebhookServerErrorDetails(t *testing.T) {
	srv := httptest.NewServer(services88.NewWebhookHandler(&webhookStore{}, soap.WithErrorDetails()))
	defer srv.Close()
	agent := services88.NewWebhookAgent(&soap.Client{HTTPClient: srv.Client()})
	agent.Endpoint = srv.URL + webhookPath
	err := agent.DeleteWebhook(context.Background(), 1)
	var f *soap.Fault
	if !errors.As(err, &f) || !strings.Contains(f.Reason, "connection refused") {
		t.Errorf("DeleteWebhook: %v, want a fault with the error's text", err)
	}
}

// FuzzHandler posts arbitrary bodies, with a SOAP action, to the generated Webhook handler serving a
// webhookStore: the handler never panics (a panic would be recovered and logged as a
// *soap.PanicError, which fails the run), and every reply is a SOAP envelope, with a status SOAP's
// HTTP binding allows (200, 202, 400, 413, 500). The seeds are the golden request envelopes.
func FuzzHandler(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(goldenDir, "*.request.xml"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		action := "http://www.superoffice.net/ws/crm/NetServer/Services88/Webhook/" + strings.TrimSuffix(filepath.Base(file), ".request.xml")
		f.Add(data, action)
	}
	f.Add([]byte(`<e:Envelope xmlns:e="`+nsEnv12+`"><e:Body/></e:Envelope>`), "")
	f.Add([]byte(`<s:Envelope xmlns:s="`+nsEnv11+`"><s:Header><x mustUnderstand="1" xmlns="urn:x"/></s:Header><s:Body/></s:Envelope>`), "")
	f.Fuzz(func(t *testing.T, body []byte, action string) {
		var panicked error
		store := &webhookStore{byID: map[int32]*services88.Webhook{}}
		h := services88.NewWebhookHandler(store, soap.WithMaxRequestSize(64<<10), soap.WithErrorLog(func(ctx context.Context, call *soap.ServerCall, err error) {
			var p *soap.PanicError
			if errors.As(err, &p) {
				panicked = err
			}
		}))
		req := httptest.NewRequest(http.MethodPost, webhookPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.Header.Set("SOAPAction", strconv.Quote(action))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if panicked != nil {
			t.Fatalf("the handler panicked: %v\n%s", panicked, panicked.(*soap.PanicError).Stack)
		}
		switch w.Code {
		case http.StatusAccepted:
			return
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusInternalServerError:
		default:
			t.Fatalf("HTTP status %d", w.Code)
		}
		d := xml.NewDecoder(bytes.NewReader(w.Body.Bytes()))
		var root struct{ XMLName xml.Name }
		if err := d.Decode(&root); err != nil {
			t.Fatalf("the reply is not XML: %v\n%s", err, w.Body.Bytes())
		}
		if root.XMLName.Local != "Envelope" || root.XMLName.Space != nsEnv11 {
			t.Fatalf("the reply's root is %v", root.XMLName)
		}
	})
}

// captureTransport records the request body and answers an empty reply.
type captureTransport struct{ body []byte }

func (c *captureTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var buf bytes.Buffer
	buf.ReadFrom(req.Body)
	req.Body.Close()
	c.body = buf.Bytes()
	return &http.Response{StatusCode: 500, Header: http.Header{"Content-Type": {"text/xml"}},
		Body: http.NoBody, Request: req}, nil
}

// requestBody returns the request envelope the generated client sends for call.
func requestBody(b *testing.B, call func(ctx context.Context, agent *services88.WebhookAgent)) []byte {
	ct := &captureTransport{}
	agent := services88.NewWebhookAgent(&soap.Client{HTTPClient: &http.Client{Transport: ct}})
	agent.Header.ApplicationToken = "token"
	agent.Header.Credentials = &services88.SoCredentials{Ticket: "7T:abc"}
	call(context.Background(), agent)
	if len(ct.body) == 0 {
		b.Fatal("no request captured")
	}
	return ct.body
}

// benchmarkServe serves body (a request for action) with h, once per iteration: the handler's whole
// work on one request (reading, dispatch, decoding, the implementation, encoding the reply).
func benchmarkServe(b *testing.B, h http.Handler, action string, body []byte) {
	b.ReportAllocs()
	reply := 0
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, webhookPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.Header.Set("SOAPAction", strconv.Quote(action))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("HTTP %d: %s", w.Code, w.Body.Bytes())
		}
		reply = w.Body.Len()
	}
	b.ReportMetric(float64(len(body)), "request-bytes")
	b.ReportMetric(float64(reply), "reply-bytes")
}

const actionBase = "http://www.superoffice.net/ws/crm/NetServer/Services88/Webhook/"

// BenchmarkServeSaveWebhook measures a generated handler serving SaveWebhook with a fully populated
// webhook, echoed back by the implementation.
func BenchmarkServeSaveWebhook(b *testing.B) {
	body := requestBody(b, func(ctx context.Context, agent *services88.WebhookAgent) { agent.SaveWebhook(ctx, fullWebhook(1)) })
	store := &webhookStore{byID: map[int32]*services88.Webhook{}}
	benchmarkServe(b, services88.NewWebhookHandler(store), actionBase+"SaveWebhook", body)
}

// listing answers GetAllWebhooks with the same n webhooks.
type listing struct {
	services88.UnimplementedWebhookServer
	hooks []*services88.Webhook
}

func (l listing) GetAllWebhooks(ctx context.Context, name, event string, state services88.WebhookState) ([]*services88.Webhook, error) {
	return l.hooks, nil
}

// BenchmarkServeGetAllWebhooks measures a generated handler answering GetAllWebhooks with 1,000 fully
// populated webhooks: mostly the encoding of the reply.
func BenchmarkServeGetAllWebhooks(b *testing.B) {
	body := requestBody(b, func(ctx context.Context, agent *services88.WebhookAgent) { agent.GetAllWebhooks(ctx, "", "", "") })
	hooks := make([]*services88.Webhook, 1000)
	for i := range hooks {
		hooks[i] = fullWebhook(i)
	}
	benchmarkServe(b, services88.NewWebhookHandler(listing{hooks: hooks}), actionBase+"GetAllWebhooks", body)
}
