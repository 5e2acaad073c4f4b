package wsse_test

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/golden/soap12"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/wsse"
)

const secExt = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"

// hooks answers GetWebhook with the user that the Security header authenticated.
type hooks struct {
	services88.UnimplementedWebhookServer
}

func (hooks) GetWebhook(ctx context.Context, id int32) (*services88.Webhook, error) {
	h := wsse.VerifiedHeader(ctx)
	if h == nil || h.UsernameToken == nil {
		return nil, errors.New("no verified header")
	}
	return &services88.Webhook{WebhookID: id, Name: "for " + h.UsernameToken.Username}, nil
}

func passwords(ctx context.Context, user string) (string, error) {
	if user != "anna" {
		return "", fmt.Errorf("no user %q", user)
	}
	return "s3cret", nil
}

// security returns a soap.Client sending a Security header with a UsernameToken (a digest) marked
// mustUnderstand; fixed, when set, makes its nonce and time fixed (a replay).
func security(user, password string, fixed bool) *soap.Client {
	s := &wsse.Security{UsernameToken: &wsse.UsernameToken{Username: user, Password: password, Digest: true},
		Timestamp: &wsse.Timestamp{TTL: time.Minute}}
	if fixed {
		now := time.Now()
		s.Now = func() time.Time { return now }
		s.Rand = strings.NewReader(strings.Repeat("0123456789abcdef", 8))
	}
	return &soap.Client{HeaderBlocks: []soap.HeaderBlock{{Value: s, MustUnderstand: true}}}
}

// TestWithVerifier serves the Webhook port type with WithVerifier: a request with the right digest
// is served, the implementation seeing the user; a wrong password, an unknown user, a replayed nonce
// and a missing header are answered with the SOAP Message Security faults (SOAP 1.1 faultcode
// wsse:FailedAuthentication or wsse:InvalidSecurity) whose reason does not say which check failed.
func TestWithVerifier(t *testing.T) {
	v := &wsse.Verifier{Password: passwords, RequireDigest: true, Nonces: &wsse.MemoryNonceCache{}}
	srv := httptest.NewServer(services88.NewWebhookHandler(hooks{}, wsse.WithVerifier(v)))
	defer srv.Close()
	call := func(c *soap.Client) (*services88.Webhook, error) {
		agent := services88.NewWebhookAgent(c)
		agent.Endpoint = srv.URL
		return agent.GetWebhook(context.Background(), 5)
	}
	w, err := call(security("anna", "s3cret", false))
	if err != nil || w.Name != "for anna" {
		t.Fatalf("GetWebhook = %+v, %v", w, err)
	}
	for _, tc := range []struct {
		name   string
		client *soap.Client
		code   string
	}{
		{"wrong password", security("anna", "guess", false), "FailedAuthentication"},
		{"unknown user", security("bob", "s3cret", false), "FailedAuthentication"},
		{"no Security header", nil, "InvalidSecurity"},
	} {
		_, err := call(tc.client)
		var f *soap.Fault
		if !errors.As(err, &f) || f.Code != (xml.Name{Space: secExt, Local: tc.code}) {
			t.Errorf("%s: %v, want a wsse:%s fault", tc.name, err, tc.code)
			continue
		}
		if strings.Contains(f.Reason, "password") || strings.Contains(f.Reason, "bob") {
			t.Errorf("%s: the reason %q says too much", tc.name, f.Reason)
		}
	}
	replay := security("anna", "s3cret", true)
	if _, err := call(replay); err != nil {
		t.Fatalf("the first use of a nonce: %v", err)
	}
	var f *soap.Fault
	if _, err := call(replay); !errors.As(err, &f) || f.Code.Local != "FailedAuthentication" {
		t.Errorf("a replayed nonce: %v, want a wsse:FailedAuthentication fault", err)
	}
}

// notes serves the soap12 case's SaveNote.
type notes struct {
	soap12.UnimplementedNotesServer
}

func (notes) SaveNote(ctx context.Context, n *soap12.Note) (int32, error) { return 1, nil }

// TestWithVerifierSOAP12 checks the fault in SOAP 1.2: Sender, with the wsse code as its subcode.
func TestWithVerifierSOAP12(t *testing.T) {
	srv := httptest.NewServer(soap12.NewNotesHandler(notes{}, wsse.WithVerifier(&wsse.Verifier{Password: passwords})))
	defer srv.Close()
	c := soap12.NewNotesClient(security("anna", "nope", false))
	c.Endpoint = srv.URL
	_, err := c.SaveNote(context.Background(), &soap12.Note{})
	var f *soap.Fault
	if !errors.As(err, &f) || f.Code.Local != "Sender" || len(f.Subcodes) != 1 || f.Subcodes[0] != (xml.Name{Space: secExt, Local: "FailedAuthentication"}) || f.HTTPStatus != 400 {
		t.Fatalf("SaveNote with a wrong password: %v (%+v), want a Sender fault with subcode wsse:FailedAuthentication, HTTP 400", err, f)
	}
	c = soap12.NewNotesClient(security("anna", "s3cret", false))
	c.Endpoint = srv.URL
	if id, err := c.SaveNote(context.Background(), &soap12.Note{}); err != nil || id != 1 {
		t.Errorf("SaveNote = %d, %v", id, err)
	}
}

// TestWithVerifierTargets: WithVerifier verifies the Security block meant for the server, whatever
// the blocks for intermediaries (actor attribute) before it hold, and refuses two blocks for the
// server (SOAP Message Security 1.1 section 6.1) instead of verifying the first only.
func TestWithVerifierTargets(t *testing.T) {
	srv := httptest.NewServer(services88.NewWebhookHandler(hooks{}, wsse.WithVerifier(&wsse.Verifier{Password: passwords})))
	defer srv.Close()
	block := func(user, password, role string) soap.HeaderBlock {
		return soap.HeaderBlock{Value: &wsse.Security{UsernameToken: &wsse.UsernameToken{Username: user, Password: password}}, Role: role}
	}
	call := func(blocks ...soap.HeaderBlock) (*services88.Webhook, error) {
		agent := services88.NewWebhookAgent(&soap.Client{HeaderBlocks: blocks})
		agent.Endpoint = srv.URL
		return agent.GetWebhook(context.Background(), 5)
	}
	w, err := call(block("proxy", "other", "urn:example:gateway"), block("anna", "s3cret", ""))
	if err != nil || w.Name != "for anna" {
		t.Errorf("a block for a gateway, then the server's: %+v, %v; want served for anna", w, err)
	}
	w, err = call(block("anna", "s3cret", soap.ActorNext))
	if err != nil || w.Name != "for anna" {
		t.Errorf("a block for the next node: %+v, %v; want served for anna", w, err)
	}
	var f *soap.Fault
	if _, err := call(block("anna", "s3cret", "urn:example:gateway")); !errors.As(err, &f) || f.Code.Local != "InvalidSecurity" {
		t.Errorf("only a block for a gateway: %v, want a wsse:InvalidSecurity fault", err)
	}
	if _, err := call(block("anna", "s3cret", ""), block("bob", "x", "")); !errors.As(err, &f) || f.Code.Local != "InvalidSecurity" {
		t.Errorf("two blocks for the server: %v, want a wsse:InvalidSecurity fault", err)
	}
}
