package services88_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// TestObserverRedactsSecrets logs every call of the agents with log/slog, bodies included, as the
// README's Observer does: the application token, the ticket, the password of a login and the new
// ticket its reply carries never reach the log.
func TestObserverRedactsSecrets(t *testing.T) {
	const (
		password  = "p@ss<word>&"
		newTicket = "7T:bmV3VGlja2V0Rm9yQW5uYQ=="
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		switch r.URL.Path {
		case principalPath:
			w.Write(envelope11(succeeded, `<AuthenticateResponse><Credentials><Ticket>`+newTicket+`</Ticket></Credentials>`+
				`<AuthenticationSucceeded>true</AuthenticationSucceeded></AuthenticateResponse>`))
		default:
			// A failure echoing the ticket, as a careless server might.
			w.Write(envelope11(`<Succeeded>false</Succeeded><ExceptionInfo><Message>Ticket `+ticket+` has expired</Message></ExceptionInfo>`, ``))
		}
	}))
	defer srv.Close()
	var log bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&log, nil))
	w, p := newAgents(srv, nil)
	obs := &soap.Observer{Done: func(ctx context.Context, x *soap.Exchange) {
		logger.InfoContext(ctx, "soap call", "soap", x, "request", string(x.Request()), "response", string(x.Response()))
	}}
	w.Client.Observer = obs // both agents share the soap.Client

	auth, err := p.AuthenticateUsernamePassword(context.Background(), "anna", password)
	if err != nil || auth.Credentials.Ticket != newTicket {
		t.Fatalf("login: %v %+v", err, auth)
	}
	if _, err := w.GetWebhook(context.Background(), 1); err == nil || !strings.Contains(err.Error(), `Ticket `+soap.Redacted+` has expired`) {
		t.Fatalf("GetWebhook: %v", err)
	}
	out := log.String()
	for _, secret := range []string{appToken, ticket, password, "p@ss&lt;word&gt;&amp;", newTicket} {
		if strings.Contains(out, secret) {
			t.Errorf("the log shows %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{
		"soap.operation=SoPrincipal.AuthenticateUsernamePassword", "soap.operation=Webhook.GetWebhook", "soap.status=200",
		"<ns1:ApplicationToken>" + soap.Redacted + "</ns1:ApplicationToken>", "<ns1:Ticket>" + soap.Redacted + "</ns1:Ticket>",
		"<ns1:Password>" + soap.Redacted + "</ns1:Password>", "<Ticket>" + soap.Redacted + "</Ticket>", "Ticket " + soap.Redacted + " has expired",
	} {
		if !strings.Contains(out, strings.ReplaceAll(want, `"`, `\"`)) {
			t.Errorf("the log lacks %s:\n%s", want, out)
		}
	}
}
