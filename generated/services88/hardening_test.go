package services88_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

// TestSecretsNotInErrors plays a NetServer that echoes the request's ticket and application token (and
// a password) back in what it returns, and checks that no error shows them, however it is printed. (A
// value is a secret of the call that sends it: the password only of the authentication call.)
func TestSecretsNotInErrors(t *testing.T) {
	const password = "Hunter2-correct-horse"
	loginPage := "<!DOCTYPE html><html><body><p>Your session " + ticket + " has expired.</p>" +
		`<form action="/login?app=` + appToken + `"><input name="password"/></form></body></html>`
	fault := func(text string) []byte {
		return envelope11("", `<s:Fault xmlns=""><faultcode>s:Client</faultcode><faultstring>`+text+`</faultstring>`+
			`<detail><ExceptionDetail><Message>`+text+`</Message></ExceptionDetail></detail></s:Fault>`)
	}
	tests := []struct {
		name   string
		status int
		ctype  string
		reply  []byte
		call   func(w *services88.WebhookAgent, p *services88.SoPrincipalAgent) error
		check  func(t *testing.T, err error)
	}{
		{"HTML login page", 200, "text/html; charset=utf-8", []byte(loginPage),
			func(w *services88.WebhookAgent, p *services88.SoPrincipalAgent) error {
				_, err := w.GetWebhook(context.Background(), 1)
				return err
			},
			func(t *testing.T, err error) {
				var he *soap.HTTPError
				if !errors.As(err, &he) || strings.Contains(he.Excerpt, ticket) || strings.Contains(he.Excerpt, appToken) {
					t.Errorf("want an *HTTPError whose excerpt hides the secrets: %v", err)
				}
			}},
		{"SOAP fault", 500, "text/xml; charset=utf-8", fault("Ticket " + ticket + " for application " + appToken + " is not valid"),
			func(w *services88.WebhookAgent, p *services88.SoPrincipalAgent) error {
				return w.DeleteWebhook(context.Background(), 1)
			},
			func(t *testing.T, err error) {
				var f *soap.Fault
				if !errors.As(err, &f) || strings.Contains(fmt.Sprintf("%+v", f.Detail), ticket) {
					t.Errorf("want a *soap.Fault whose detail hides the secrets: %v", err)
				}
				want := "soap: Webhook.DeleteWebhook: soap fault (SOAP 1.1, HTTP 500): Client: Ticket [REDACTED] for application [REDACTED] is not valid"
				if err.Error() != want {
					t.Errorf("message %s\nwant    %s", err, want)
				}
			}},
		{"ExceptionInfo header", 200, "text/xml; charset=utf-8",
			envelope11(`<ExceptionInfo><Message>Invalid ticket `+ticket+`</Message><ExceptionType>SoSecurityException</ExceptionType></ExceptionInfo><Succeeded>false</Succeeded>`, `<DeleteWebhookResponse/>`),
			func(w *services88.WebhookAgent, p *services88.SoPrincipalAgent) error {
				return w.DeleteWebhook(context.Background(), 1)
			},
			func(t *testing.T, err error) {
				// The message is redacted; the exception itself, reached with errors.As, is the
				// server's data as it came.
				var exc *services88.SoExceptionInfo
				if !errors.As(err, &exc) || exc.Message != "Invalid ticket "+ticket {
					t.Errorf("want the *SoExceptionInfo as received: %v", err)
				}
				if want := `soap: Webhook.DeleteWebhook: SoExceptionInfo: Message="Invalid ticket [REDACTED]" ExceptionType="SoSecurityException"`; err.Error() != want {
					t.Errorf("message %s\nwant    %s", err, want)
				}
			}},
		{"password echoed by the login service", 500, "text/xml; charset=utf-8", fault("Wrong password " + password + " for admin"),
			func(w *services88.WebhookAgent, p *services88.SoPrincipalAgent) error {
				_, err := p.AuthenticateUsernamePassword(context.Background(), "admin", password)
				return err
			},
			func(t *testing.T, err error) {
				if want := "soap: SoPrincipal.AuthenticateUsernamePassword: soap fault (SOAP 1.1, HTTP 500): Client: Wrong password [REDACTED] for admin"; err.Error() != want {
					t.Errorf("message %s\nwant    %s", err, want)
				}
			}},
		{"decoding error quoting the token", 200, "text/xml; charset=utf-8",
			envelope11(succeeded, `<GetWebhookResponse><Response><WebhookId>`+appToken+`</WebhookId></Response></GetWebhookResponse>`),
			func(w *services88.WebhookAgent, p *services88.SoPrincipalAgent) error {
				_, err := w.GetWebhook(context.Background(), 1)
				return err
			},
			func(t *testing.T, err error) {
				var de *soap.DecodeError
				if !errors.As(err, &de) || !strings.Contains(de.Error(), soap.Redacted) {
					t.Errorf("want a *soap.DecodeError with the token redacted: %v", err)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, tt.status, tt.ctype, tt.reply)
			w, p := newAgents(srv.Server, nil)
			err := tt.call(w, p)
			if err == nil {
				t.Fatal("no error")
			}
			for _, verb := range []string{"%v", "%+v", "%s", "%q"} {
				msg := fmt.Sprintf(verb, err)
				for _, secret := range []string{ticket, appToken, password} {
					if strings.Contains(msg, secret) {
						t.Errorf("%s shows %q: %s", verb, secret, msg)
					}
				}
			}
			if !strings.Contains(err.Error(), soap.Redacted) && tt.name != "decoding error quoting the token" {
				t.Errorf("the message does not show %s: %s", soap.Redacted, err)
			}
			tt.check(t, err)
		})
	}
}

// TestManyParallelCalls shares one pair of agents between 64 goroutines making 8 calls each, of
// several operations with different arguments, against a server that answers each request from what
// it holds (some with a fault, some with an ExceptionInfo): every goroutine must get the answer to its
// own call. Run with -race (as .ci/run does), it also checks that a client is safe for concurrent use.
func TestManyParallelCalls(t *testing.T) {
	idRE := regexp.MustCompile(`WebhookId>(-?\d+)<`)
	nameRE := regexp.MustCompile(`Name>([^<]*)<`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		action := r.Header.Get("SOAPAction")
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		switch {
		case strings.HasSuffix(action, `/GetWebhook"`):
			m := idRE.FindSubmatch(body)
			id, _ := strconv.Atoi(string(m[1]))
			if id%5 == 0 {
				w.WriteHeader(500)
				w.Write(envelope11("", `<s:Fault xmlns=""><faultcode>s:Client</faultcode><faultstring>no webhook `+string(m[1])+`</faultstring></s:Fault>`))
				return
			}
			w.Write(envelope11(succeeded, `<GetWebhookResponse><Response><WebhookId>`+string(m[1])+`</WebhookId><Name>hook `+string(m[1])+`</Name></Response></GetWebhookResponse>`))
		case strings.HasSuffix(action, `/SaveWebhook"`):
			m := nameRE.FindSubmatch(body)
			w.Write(envelope11(succeeded, `<SaveWebhookResponse><Response><WebhookId>7</WebhookId><Name>`+string(m[1])+`</Name></Response></SaveWebhookResponse>`))
		case strings.HasSuffix(action, `/DeleteWebhook"`):
			m := idRE.FindSubmatch(body)
			w.Write(envelope11(`<ExceptionInfo><Message>cannot delete `+string(m[1])+`</Message></ExceptionInfo><Succeeded>false</Succeeded>`, `<DeleteWebhookResponse/>`))
		default:
			w.WriteHeader(400)
			io.WriteString(w, "unexpected action "+action)
		}
	}))
	defer srv.Close()
	wa, _ := newAgents(srv, nil)
	wa.Endpoint = srv.URL + webhookPath

	const workers, calls = 64, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers*calls)
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range calls {
				id := int32(g*calls + c + 1)
				var err error
				switch c % 3 {
				case 0:
					var h services88.WebhookResponseHeader
					var got *services88.Webhook
					got, err = wa.GetWebhook(context.Background(), id, soap.WithResponseHeader(&h))
					var f *soap.Fault
					switch {
					case id%5 == 0:
						if !errors.As(err, &f) || f.Reason != fmt.Sprintf("no webhook %d", id) {
							err = fmt.Errorf("GetWebhook(%d): want the fault about it, got %v", id, err)
						} else {
							err = nil
						}
					case err == nil && (got == nil || got.WebhookID != id || got.Name != fmt.Sprintf("hook %d", id) || h.Succeeded == nil || !*h.Succeeded):
						err = fmt.Errorf("GetWebhook(%d) = %+v, header %+v", id, got, h)
					}
				case 1:
					name := fmt.Sprintf("goroutine %d call %d", g, c)
					var got *services88.Webhook
					got, err = wa.SaveWebhook(context.Background(), &services88.Webhook{Name: name, Secret: "s3cr3t-" + name})
					if err == nil && (got == nil || got.Name != name) {
						err = fmt.Errorf("SaveWebhook(%q) = %+v", name, got)
					}
				case 2:
					err = wa.DeleteWebhook(context.Background(), id)
					var exc *services88.SoExceptionInfo
					if !errors.As(err, &exc) || exc.Message != fmt.Sprintf("cannot delete %d", id) {
						err = fmt.Errorf("DeleteWebhook(%d): want the exception about it, got %v", id, err)
					} else {
						err = nil
					}
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
