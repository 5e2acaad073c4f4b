package soap_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
)

// An Observer logging every call with log/slog (time and duration left out so that the output does
// not change), and a header block sent with one call. The ticket sent in the request header is
// redacted in the log, here in the error the server's reply leads to.
func ExampleObserver() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Println("header block sent:", strings.Contains(string(body), `="urn:example:trace" soap:mustUnderstand="1">req-42</`))
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, "<p>ticket 7T&#58;abcdef expired</p>")
	}))
	defer srv.Close()

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" || a.Key == "endpoint" {
				return slog.Attr{}
			}
			return a
		},
	}))
	client := &soap.Client{Observer: &soap.Observer{
		Done: func(ctx context.Context, x *soap.Exchange) {
			logger.InfoContext(ctx, "soap call", "soap", x)
		},
	}}

	agent := services88.NewWebhookAgent(client)
	agent.Endpoint = srv.URL
	agent.Header.Credentials = &services88.SoCredentials{Ticket: "7T:abcdef"}
	trace, _ := soap.ParseElement([]byte(`<t:Trace xmlns:t="urn:example:trace">req-42</t:Trace>`))
	agent.DeleteWebhook(context.Background(), 42, soap.WithHeaderBlock(soap.HeaderBlock{Value: trace, MustUnderstand: true}))
	// Output:
	// header block sent: true
	// level=INFO msg="soap call" soap.operation=Webhook.DeleteWebhook soap.status=401 soap.request_bytes=779 soap.response_bytes=35 soap.error="soap: Webhook.DeleteWebhook: HTTP 401 Unauthorized (text/html): not a SOAP envelope: \"<p>ticket [REDACTED] expired</p>\""
}
