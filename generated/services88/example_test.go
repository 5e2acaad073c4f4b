package services88_test

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
)

// fakeNetServer starts a server playing SuperOffice NetServer for the examples: it authenticates
// anna/secret with a ticket, saves webhooks for that ticket, and fails any other call the way NetServer
// does, with Succeeded=false and an ExceptionInfo header.
func fakeNetServer() *httptest.Server {
	const (
		envStart = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">`
		ok       = `<s:Header><Succeeded xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">true</Succeeded></s:Header>`
		bodyNS   = `<s:Body xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">`
		envEnd   = `</s:Body></s:Envelope>`
		ticket   = "7T:c2Vzc2lvbg=="
	)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		var req struct {
			Ticket string `xml:"Header>Credentials>Ticket"`
			Body   struct {
				UserName string `xml:"AuthenticateUsernamePassword>UserName"`
				Password string `xml:"AuthenticateUsernamePassword>Password"`
				Name     string `xml:"SaveWebhook>Webhook>Name"`
				URL      string `xml:"SaveWebhook>Webhook>TargetUrl"`
			}
		}
		xml.Unmarshal(data, &req)
		esc := func(s string) string {
			var b strings.Builder
			xml.EscapeText(&b, []byte(s))
			return b.String()
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		switch action := r.Header.Get("SOAPAction"); {
		case strings.HasSuffix(action, `/AuthenticateUsernamePassword"`) && req.Body.UserName == "anna" && req.Body.Password == "secret":
			fmt.Fprint(w, envStart+ok+bodyNS+`<AuthenticateResponse><Response><FullName>Anna Andersen</FullName></Response>`+
				`<Credentials><Ticket>`+ticket+`</Ticket></Credentials>`+
				`<AuthenticationSucceeded>true</AuthenticationSucceeded></AuthenticateResponse>`+envEnd)
		case strings.HasSuffix(action, `/SaveWebhook"`) && req.Ticket == ticket:
			fmt.Fprint(w, envStart+ok+bodyNS+`<SaveWebhookResponse><Response><WebhookId>42</WebhookId>`+
				`<Name>`+esc(req.Body.Name)+`</Name><TargetUrl>`+esc(req.Body.URL)+`</TargetUrl><State>Active</State>`+
				`<Registered>2024-03-01T09:30:00Z</Registered><Updated>2024-03-01T09:30:00Z</Updated>`+
				`</Response></SaveWebhookResponse>`+envEnd)
		default:
			// The reply is the operation's usual one, with no result and the failure in the headers.
			op := strings.Trim(action[strings.LastIndex(action, "/")+1:], `"`)
			if strings.HasPrefix(op, "Authenticate") {
				op = "Authenticate"
			}
			fmt.Fprint(w, envStart+`<s:Header><ExceptionInfo xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">`+
				`<Message>Invalid credentials</Message><FriendlyText>Please log in again.</FriendlyText>`+
				`<ExceptionType>SoSecurityException</ExceptionType></ExceptionInfo>`+
				`<Succeeded xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">false</Succeeded></s:Header>`+
				bodyNS+`<`+op+`Response/>`+envEnd)
		}
	}))
}

func ExampleSoPrincipalAgent_AuthenticateUsernamePassword() {
	srv := fakeNetServer()
	defer srv.Close()
	ctx := context.Background()

	principal := services88.NewSoPrincipalAgent(nil)
	principal.Endpoint = srv.URL + "/Cust12345/Remote/Services88/SoPrincipal.svc"
	principal.Header.ApplicationToken = "1234567-1234-9876"

	auth, err := principal.AuthenticateUsernamePassword(ctx, "anna", "secret")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(auth.AuthenticationSucceeded, auth.Response.FullName, auth.Credentials.Ticket)

	// NetServer reports a failure in the reply's headers; the call returns it as an error.
	_, err = principal.AuthenticateUsernamePassword(ctx, "anna", "wrong")
	var exc *services88.SoExceptionInfo
	if errors.As(err, &exc) {
		fmt.Println(exc.ExceptionType, "-", exc.Message)
	}
	// Output:
	// true Anna Andersen 7T:c2Vzc2lvbg==
	// SoSecurityException - Invalid credentials
}

func ExampleWebhookAgent_SaveWebhook() {
	srv := fakeNetServer()
	defer srv.Close()
	ctx := context.Background()

	principal := services88.NewSoPrincipalAgent(nil)
	principal.Endpoint = srv.URL + "/Cust12345/Remote/Services88/SoPrincipal.svc"
	principal.Header.ApplicationToken = "1234567-1234-9876"
	auth, err := principal.AuthenticateUsernamePassword(ctx, "anna", "secret")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	if !auth.AuthenticationSucceeded {
		fmt.Println("wrong user name or password")
		return
	}

	// The ticket goes in the Credentials header of every other agent's requests.
	webhooks := services88.NewWebhookAgent(nil)
	webhooks.Endpoint = srv.URL + "/Cust12345/Remote/Services88/Webhook.svc"
	webhooks.Header = services88.WebhookRequestHeader{
		ApplicationToken: "1234567-1234-9876",
		Credentials:      &services88.SoCredentials{Ticket: auth.Credentials.Ticket},
	}

	hook := &services88.Webhook{
		Name:      "CRM sync",
		Events:    []string{"contact.created", "contact.changed"},
		TargetURL: "https://hooks.example.com/superoffice",
		Secret:    "s3cret",
		State:     services88.WebhookStateActive,
		Type:      "webhook",
	}
	saved, err := webhooks.SaveWebhook(ctx, hook)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(saved.WebhookID, saved.Name, saved.State, saved.TargetURL)

	// A call that NetServer rejects: here with an expired ticket, sent for this call only.
	expired := webhooks.Header
	expired.Credentials = &services88.SoCredentials{Ticket: "7T:expired=="}
	_, err = webhooks.SaveWebhook(ctx, hook, soap.WithRequestHeader(&expired))
	var exc *services88.SoExceptionInfo
	if errors.As(err, &exc) {
		fmt.Println(exc.ExceptionType+":", exc.FriendlyText)
	}
	fmt.Println(err)
	// Output:
	// 42 CRM sync Active https://hooks.example.com/superoffice
	// SoSecurityException: Please log in again.
	// soap: Webhook.SaveWebhook: SoExceptionInfo: Message="Invalid credentials" FriendlyText="Please log in again." ExceptionType="SoSecurityException"
}
