package behaviour_test

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/wrapped"
	"github.com/sogen-go/sogen/soap"
)

const nsWrapped = "http://example.com/sogen/wrapped"

var wrappedTypes = types(new(wrapped.Session), new(wrapped.Ticket))

// TestWrapped checks document/literal wrapped operations: the body element is the wrapper named by the
// input message's part element, holding the parameters; the reply's wrapper holds the results.
func TestWrapped(t *testing.T) {
	ctx := context.Background()
	wn := func(local string) xml.Name { return xml.Name{Space: nsWrapped, Local: local} }
	loginReply := envelope11("", `<LoginResponse xmlns="`+nsWrapped+`">`+
		`<Response><UserId>42</UserId><DisplayName>Ada L.</DisplayName></Response>`+
		`<Ticket><Value>7T:abc==</Value></Ticket>`+
		`<LoginSucceeded>true</LoginSucceeded></LoginResponse>`)
	wantLogin := &wrapped.LoginResponse{
		Response:       &wrapped.Session{UserID: 42, DisplayName: "Ada L."},
		Ticket:         &wrapped.Ticket{Value: "7T:abc=="},
		LoginSucceeded: true,
	}

	t.Run("LoginPassword returns the whole three-part LoginResponse", func(t *testing.T) {
		srv := newServer(t, loginReply)
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		got, err := c.LoginPassword(ctx, "ada", "pw")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "LoginPassword", wantLogin, got)
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/wrapped/Wrapped/LoginPassword")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "wrapper", wn("LoginPassword"), op.Name)
		diff(t, "parameters", []string{`UserName="ada"`, `Password="pw"`}, op.childForms())
		checkGolden(t, "wrapped", "LoginPassword.request.xml", req.Body)
	})

	t.Run("LoginToken shares the LoginResponse output message", func(t *testing.T) {
		srv := newServer(t, loginReply)
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		got, err := c.LoginToken(ctx, "tok", false)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "LoginToken", wantLogin, got)
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/wrapped/Wrapped/LoginToken")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "wrapper", wn("LoginToken"), op.Name)
		diff(t, "parameters", []string{`Token="tok"`, `Urgent="false"`}, op.childForms())
		checkGolden(t, "wrapped", "LoginToken.request.xml", req.Body)
	})

	t.Run("a partial LoginResponse leaves the missing parts zero", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<LoginResponse xmlns="`+nsWrapped+`" xmlns:i="`+nsXSI+`"><Response i:nil="true"/><LoginSucceeded>false</LoginSucceeded></LoginResponse>`))
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		got, err := c.LoginToken(ctx, "tok", true)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "LoginToken", &wrapped.LoginResponse{Presence: presence(map[string]soap.State{"Response": soap.Nil})}, got)
	})

	t.Run("a reply with another operation's wrapper is an error", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<PingResponse xmlns="`+nsWrapped+`"><Response>pong</Response></PingResponse>`))
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		_, err := c.LoginPassword(ctx, "ada", "pw")
		var de *soap.DecodeError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), "unexpected element {"+nsWrapped+"}PingResponse") {
			t.Errorf("LoginPassword = %v, want an unexpected element error", err)
		}
	})

	t.Run("Ping sends an empty wrapper element", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<PingResponse xmlns="`+nsWrapped+`"><Response>pong</Response></PingResponse>`))
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Ping(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != "pong" {
			t.Errorf("Ping = %q, want pong", got)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/wrapped/Wrapped/Ping")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "wrapper", &node{Name: wn("Ping")}, op)
		checkGolden(t, "wrapped", "Ping.request.xml", req.Body)
	})

	t.Run("Fire sends four mixed parameters and accepts an empty FireResponse", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<FireResponse xmlns="`+nsWrapped+`"/>`))
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		err := c.Fire(ctx, "deploy", 3, mustDateTime(t, "2024-04-01T09:00:00Z"), &wrapped.Session{UserID: 1})
		if err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "parameters", []string{`EventName="deploy"`, `Priority="3"`, `At="2024-04-01T09:00:00Z"`, `Payload={UserId="1"}`}, op.childForms())
		checkGolden(t, "wrapped", "Fire.request.xml", req.Body)

		var back wrapped.Fire
		if err := decodeBody(req.Body, &back, wrappedTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded request", &wrapped.Fire{EventName: "deploy", Priority: 3, At: mustDateTime(t, "2024-04-01T09:00:00Z"), Payload: &wrapped.Session{UserID: 1}}, &back)
	})

	t.Run("Fire rejects a reply whose Body is empty", func(t *testing.T) {
		srv := newServer(t, envelope11("", ``))
		c := wrapped.NewWrappedClient(nil)
		c.Endpoint = srv.URL
		err := c.Fire(ctx, "x", 0, soap.DateTime{}, nil)
		if err == nil || !strings.Contains(err.Error(), "expected element {"+nsWrapped+"}FireResponse") {
			t.Errorf("Fire = %v, want an error naming FireResponse", err)
		}
	})
}
