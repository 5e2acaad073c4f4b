package soap_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/sogen-go/sogen/soap"
)

// An Observer logging every call with log/slog (time and duration left out so that the output does
// not change), and a header block sent with one call. The ticket sent in the request header is
// redacted in the log, here in the error the server's reply leads to.
func ExampleObserver() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Println("header block sent:", strings.Contains(string(body), `:Trace xmlns:ns1="urn:example:trace" soap:mustUnderstand="1">req-42</`))
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

	op := &soap.Operation{Name: "Orders.Ping", Version: soap.V11, Request: xml.Name{Space: "urn:example", Local: "Ping"}, Response: xml.Name{Space: "urn:example", Local: "PingResponse"}}
	trace, _ := soap.ParseElement([]byte(`<t:Trace xmlns:t="urn:example:trace">req-42</t:Trace>`))
	call := &soap.Call{
		Endpoint: srv.URL,
		Header: func(e *soap.Encoder) {
			e.StartElement(soap.Start{Name: xml.Name{Space: "urn:example", Local: "Credentials"}})
			e.TextElement(xml.Name{Space: "urn:example", Local: "Ticket"}, "7T:abcdef")
			e.EndElement()
		},
	}
	client.Do(context.Background(), op, call, soap.WithHeaderBlock(soap.HeaderBlock{Value: trace, MustUnderstand: true}))
	// Output:
	// header block sent: true
	// level=INFO msg="soap call" soap.operation=Orders.Ping soap.status=401 soap.request_bytes=484 soap.response_bytes=35 soap.error="soap: Orders.Ping: HTTP 401 Unauthorized (text/html): not a SOAP envelope: \"<p>ticket [REDACTED] expired</p>\""
}
