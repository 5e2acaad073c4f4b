package services88_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// The message-level methods (an agent's Messages view) take an operation's whole request wrapper and
// return its whole response wrapper, Presence included: the wire states the flattened methods map to
// one Go value are reachable there.

// sentBody returns the children of the request wrapper the server received, each as
// name=form: "UserName=sal", "Password=empty", "Password=nil".
func sentBody(t *testing.T, srv *soaptest.Server) []string {
	t.Helper()
	d := soapimpl.NewDecoder(append([]byte(nil), srv.Last(t).Body...), nil)
	if err := d.Root(); err != nil {
		t.Fatal(err)
	}
	var out []string
	for {
		ok, err := d.Child()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if d.Name().Local != "Body" {
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		ok, err = d.Child() // the wrapper
		if err != nil || !ok {
			t.Fatalf("no wrapper: %v", err)
		}
		for {
			ok, err := d.Child()
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			name := d.Name().Local
			form := ""
			switch {
			case d.IsNil():
				form = "nil"
				err = d.Skip()
			default:
				var text string
				text, err = d.Text()
				form = "empty"
				if text != "" {
					form = text
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, name+"="+form)
		}
		for { // the rest of the Body
			ok, err := d.Child()
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

const authReply = `<AuthenticateResponse><Response><IsSuccessful>true</IsSuccessful></Response>` +
	`<AuthenticationSucceeded>true</AuthenticationSucceeded></AuthenticateResponse>`

func TestMessagesEveryParameterState(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		set  func(r *services88.AuthenticateUsernamePassword)
		want []string
	}{
		{"an empty string is no value (as the flattened method sends it)", func(r *services88.AuthenticateUsernamePassword) {},
			[]string{"UserName=sal"}},
		{"an empty but present password, as zeep sends it", func(r *services88.AuthenticateUsernamePassword) {
			r.Presence.SetPresent("Password")
		}, []string{"UserName=sal", "Password=empty"}},
		{"a nil password", func(r *services88.AuthenticateUsernamePassword) {
			r.Presence.SetNil("Password")
		}, []string{"UserName=sal", "Password=nil"}},
		{"a user name left out though set", func(r *services88.AuthenticateUsernamePassword) {
			r.Presence.SetAbsent("UserName")
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, authReply))
			_, p := newAgents(srv.Server, nil)
			req := &services88.AuthenticateUsernamePassword{UserName: "sal"}
			tc.set(req)
			resp, err := p.Messages().AuthenticateUsernamePassword(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if !resp.AuthenticationSucceeded {
				t.Error("AuthenticationSucceeded is false")
			}
			if diff := cmp.Diff(tc.want, sentBody(t, srv)); diff != "" {
				t.Errorf("sent (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("the flattened method sends no empty password", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, authReply))
		_, p := newAgents(srv.Server, nil)
		if _, err := p.AuthenticateUsernamePassword(ctx, "sal", ""); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"UserName=sal"}, sentBody(t, srv)); diff != "" {
			t.Errorf("sent (-want +got):\n%s", diff)
		}
	})
}

func TestMessagesParametersByName(t *testing.T) {
	// GetAllWebhooks(ctx, "", "", "") takes three positional values of which two have one type; the
	// request wrapper names them.
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8",
		envelope11(succeeded, `<GetAllWebhooksResponse><Response/></GetAllWebhooksResponse>`))
	w, _ := newAgents(srv.Server, nil)
	resp, err := w.Messages().GetAllWebhooks(context.Background(), &services88.GetAllWebhooks{
		EventFilter:  "contact.created",
		StatusFilter: services88.WebhookStateActive,
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"EventFilter=contact.created", "StatusFilter=Active"}, sentBody(t, srv)); diff != "" {
		t.Errorf("sent (-want +got):\n%s", diff)
	}
	if resp.Response == nil || len(resp.Response) != 0 {
		t.Errorf("Response = %#v, want an empty, non-nil slice", resp.Response)
	}
}

func TestMessagesNilResult(t *testing.T) {
	// GetLastError returns a nillable string: the flattened method gives "" for an empty string, a nil
	// one and none at all; the response wrapper's Presence tells them apart.
	ctx := context.Background()
	for _, tc := range []struct {
		name, response string
		state          soap.State
	}{
		{"nil", `<Response i:nil="true"/>`, soap.Nil},
		{"empty", `<Response></Response>`, soap.Present},
		{"absent", ``, soap.Default}, // absent is what "" means for this optional nillable string
		{"a value", `<Response>timeout</Response>`, soap.Default},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8",
				envelope11(succeeded, `<GetLastErrorResponse>`+tc.response+`</GetLastErrorResponse>`))
			w, _ := newAgents(srv.Server, nil)
			flat, err := w.GetLastError(ctx, 7)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := w.Messages().GetLastError(ctx, &services88.GetLastError{WebhookID: 7})
			if err != nil {
				t.Fatal(err)
			}
			if resp.Response != flat {
				t.Errorf("Response %q, flattened %q", resp.Response, flat)
			}
			if got := resp.Presence.State("Response"); got != tc.state {
				t.Errorf("Presence.State(Response) = %v, want %v", got, tc.state)
			}
			// Encoded and decoded again, the wrapper says the same (Presence compared too).
			data, err := encode(resp, xml.Name{Space: ns88, Local: "GetLastErrorResponse"})
			if err != nil {
				t.Fatal(err)
			}
			again := new(services88.GetLastErrorResponse)
			if err := decodeStrict(data, again); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(resp, again); diff != "" {
				t.Errorf("round trip (-first +second):\n%s", diff)
			}
		})
	}
}

func TestMessagesNilItems(t *testing.T) {
	// A webhook whose Events hold a nil item, and whose Headers a nil value, is sent as it is; the
	// same in a reply is read back with its Presence.
	ctx := context.Background()
	hook := &services88.Webhook{Name: "h", Events: []string{"contact.created", "", ""}, Headers: map[string]string{"X-A": "", "X-B": "b"}}
	hook.Presence.SetNilItem("Events", 1)
	hook.Presence.SetNilValue("Headers", "X-A")
	out := encodeSO(t, hook, "Webhook")
	arr := ` xmlns:arr="` + nsArrays + `"`
	for _, want := range []string{
		`<so:Events><arr:string` + arr + `>contact.created</arr:string><arr:string` + arr + ` xmlns:xsi="` + nsXSI + `" xsi:nil="true"/><arr:string` + arr + `></arr:string></so:Events>`,
		`<so:StringKeyValuePair><so:Key>X-A</so:Key><so:Value xmlns:xsi="` + nsXSI + `" xsi:nil="true"/></so:StringKeyValuePair>`,
		`<so:StringKeyValuePair><so:Key>X-B</so:Key><so:Value>b</so:Value></so:StringKeyValuePair>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("encoded webhook lacks %s:\n%s", want, out)
		}
	}
	back := new(services88.Webhook)
	decodeSO(t, out, back)
	if diff := cmp.Diff(hook.Presence, back.Presence); diff != "" {
		t.Errorf("Presence after a round trip (-sent +decoded):\n%s", diff)
	}

	reply := `<SaveWebhookResponse><Response><Name>h</Name><Events><a:string>contact.created</a:string><a:string i:nil="true"/><a:string/></Events>` +
		`<Headers><StringKeyValuePair><Key>X-A</Key><Value i:nil="true"/></StringKeyValuePair><StringKeyValuePair><Key>X-B</Key><Value>b</Value></StringKeyValuePair></Headers>` +
		`</Response></SaveWebhookResponse>`
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, reply))
	w, _ := newAgents(srv.Server, nil)
	resp, err := w.Messages().SaveWebhook(ctx, &services88.SaveWebhook{Webhook: hook})
	if err != nil {
		t.Fatal(err)
	}
	got := resp.Response
	if got == nil || !got.Presence.IsNilItem("Events", 1) || got.Presence.IsNilItem("Events", 2) || !got.Presence.IsNilValue("Headers", "X-A") || got.Presence.IsNilValue("Headers", "X-B") {
		t.Fatalf("decoded %#v", got)
	}
	if diff := cmp.Diff(hook.Events, got.Events); diff != "" {
		t.Errorf("Events (-sent +decoded):\n%s", diff)
	}
}

func TestMessagesNilRequest(t *testing.T) {
	w := services88.NewWebhookAgent(nil)
	_, err := w.Messages().SaveWebhook(context.Background(), nil)
	if err == nil || err.Error() != "services88: WebhookAgent.Messages().SaveWebhook: req is nil, and the element SaveWebhook is not nillable" {
		t.Errorf("error %v", err)
	}
	var zero services88.WebhookAgentMessages
	if _, err := zero.GetWebhook(context.Background(), &services88.GetWebhook{}); err == nil || !strings.Contains(err.Error(), "was not created with NewWebhookAgent") {
		t.Errorf("zero view: error %v", err)
	}
}

func TestMessagesFailureWithResult(t *testing.T) {
	// A reply whose headers report a failure: the message-level method returns the error (the
	// *SoExceptionInfo) together with the whole response the body carried, as the method above does
	// with its child.
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(
		`<ExceptionInfo><Message>Webhook 7 is paused</Message></ExceptionInfo><Succeeded>false</Succeeded>`,
		`<GetLastErrorResponse><Response i:nil="true"/></GetLastErrorResponse>`))
	w, _ := newAgents(srv.Server, nil)
	resp, err := w.Messages().GetLastError(context.Background(), &services88.GetLastError{WebhookID: 7})
	var exc *services88.SoExceptionInfo
	if !errors.As(err, &exc) || exc.Message != "Webhook 7 is paused" || !soap.ResultDecoded(err) {
		t.Fatalf("error %v, want the *SoExceptionInfo with the result decoded", err)
	}
	if resp == nil || !resp.Presence.IsNil("Response") {
		t.Errorf("response %#v, want the decoded wrapper", resp)
	}
}
