package services88_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// fuzzTransport answers every request with the same reply, without a network.
type fuzzTransport struct {
	status int
	body   []byte
}

func (rt fuzzTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	return &http.Response{
		StatusCode: rt.status,
		Status:     http.StatusText(rt.status),
		Header:     http.Header{"Content-Type": {"text/xml; charset=utf-8"}},
		Body:       io.NopCloser(bytes.NewReader(rt.body)),
		Request:    req,
	}, nil
}

// fuzzWrapper opens the element around the fuzzed XML: it declares the namespaces as NetServer's
// replies and documented examples do.
const fuzzWrapper = `<w xmlns="` + ns88 + `" xmlns:i="` + nsXSI + `" xmlns:a="` + nsArrays + `" xmlns:Webhook="` + ns88 + `" xmlns:xsi="` + nsXSI +
	`" xmlns:xsd="` + nsXSD + `" xmlns:NetServerServices882="` + nsArrays + `" xmlns:NetServerServices881="http://schemas.microsoft.com/2003/10/Serialization/">`

// FuzzDecodeWebhook decodes arbitrary XML into the generated Webhook type, and, as the body of a
// GetWebhook reply, through a WebhookAgent. Neither may panic. A value that decodes must encode, and
// decode again to the same value, and encode again to the same bytes (the generated types keep what
// they decoded: presence, unknown enumeration values, lexical forms of dates and numbers). A call's error
// is typed and never shows the ticket or application
// token the request carried.
//
//	go test -timeout 20m -run '^$' -fuzz '^FuzzDecodeWebhook$' -fuzztime 10m -parallel 1 ./generated/services88
func FuzzDecodeWebhook(f *testing.F) {
	f.Add([]byte(savedWebhookReply))
	f.Add([]byte(`<Response xmlns:a="` + nsArrays + `" xmlns:i="` + nsXSI + `"><WebhookId>1</WebhookId><Name i:nil="true"/>` +
		`<Headers><a:KeyValueOfstringstring><a:Key>k</a:Key><a:Value>v</a:Value></a:KeyValueOfstringstring></Headers>` +
		`<Properties><a:KeyValueOfstringanyType><a:Key>n</a:Key><a:Value i:type="b:int" xmlns:b="` + nsXSD + `">5</a:Value></a:KeyValueOfstringanyType></Properties>` +
		`<State>Unknown</State><RegisteredAssociate><AssociateId>3</AssociateId><Type>SystemAnonymous</Type></RegisteredAssociate></Response>`))
	f.Add([]byte(`<Response><Events><a:string xmlns:a="` + nsArrays + `">` + ticket + `</a:string></Events><State>` + appToken + `</State></Response>`))
	// Nil items of Events and nil values of Headers, which Presence records.
	f.Add([]byte(`<Response xmlns:a="` + nsArrays + `" xmlns:i="` + nsXSI + `"><Events><a:string i:nil="true"/><a:string/><a:string i:nil="true"/></Events>` +
		`<Headers><StringKeyValuePair><Key>k</Key><Value i:nil="true"/></StringKeyValuePair><StringKeyValuePair><Key>k</Key><Value/></StringKeyValuePair></Headers></Response>`))
	if full, err := encode(fullWebhook(1), xml.Name{Space: ns88, Local: "Response"}); err == nil {
		f.Add(full)
	}
	if dir := os.Getenv("SOGEN_CORPUS"); dir != "" {
		// The Response elements of SuperOffice's documented Webhook replies (the wrapper below
		// declares the prefixes they use).
		files, _ := filepath.Glob(filepath.Join(dir, "superoffice", "Services88", "Webhook", "*.response.xml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			i, j := bytes.Index(data, []byte("<Webhook:Response")), bytes.LastIndex(data, []byte("</Webhook:Response>"))
			if err == nil && i >= 0 && j > i {
				f.Add(data[i : j+len("</Webhook:Response>")])
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Directly, as an element of type Webhook: the first element in data, inside a wrapper that
		// declares the namespaces as NetServer's replies do.
		var first services88.Webhook
		d := soapimpl.NewDecoder([]byte(fuzzWrapper+string(data)+`</w>`), nil)
		err := d.Root()
		ok := false
		if err == nil {
			ok, err = d.Child()
		}
		if err == nil && ok {
			err = d.Decode(&first)
		}
		if err == nil && ok {
			name := xml.Name{Space: ns88, Local: "Response"}
			enc1, err := encode(&first, name)
			if err != nil {
				t.Fatalf("encoding a decoded Webhook: %v", err)
			}
			var second services88.Webhook
			d2 := soapimpl.NewDecoder(append([]byte(nil), enc1...), nil)
			err = d2.Root()
			if err == nil {
				err = d2.Decode(&second)
			}
			if err != nil {
				t.Fatalf("decoding the re-encoded Webhook: %v\n%s", err, enc1)
			}
			if diff := cmp.Diff(&first, &second); diff != "" {
				t.Fatalf("round trip changed the value (-first +second):\n%s\n%s", diff, enc1)
			}
			enc2, err := encode(&second, name)
			if err != nil || !bytes.Equal(enc1, enc2) {
				t.Fatalf("encoding is not stable: %v\n%s\n%s", err, enc1, enc2)
			}
		}

		// Through the client, as the GetWebhook reply's result.
		client := &soap.Client{HTTPClient: &http.Client{Transport: fuzzTransport{http.StatusOK,
			envelope11(succeeded, `<GetWebhookResponse>`+string(data)+`</GetWebhookResponse>`)}}}
		w := services88.NewWebhookAgent(client)
		w.Endpoint = "http://superoffice.invalid" + webhookPath
		w.Header = services88.WebhookRequestHeader{ApplicationToken: appToken, Credentials: &services88.SoCredentials{Ticket: ticket}}
		if _, err := w.GetWebhook(context.Background(), 1); err != nil {
			checkCallError(t, err)
		}
	})
}

// checkCallError fails unless err is one of the runtime's typed errors and keeps the request's secrets
// out of its message.
func checkCallError(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, ticket) || strings.Contains(msg, appToken) {
		t.Fatalf("the error shows a secret of the request: %s", msg)
	}
	var de *soap.DecodeError
	var exc *services88.SoExceptionInfo
	var he *soap.HTTPError
	if !errors.As(err, &de) && !errors.As(err, &exc) && !errors.As(err, &he) {
		t.Fatalf("untyped error: %v", err)
	}
}
