package services88_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

const ns = "http://www.superoffice.net/ws/crm/NetServer/Services88"

// fullWebhook returns a Webhook with every field set, as a client would save it.
func fullWebhook(i int) *services88.Webhook {
	when := soap.NewDateTime(time.Date(2026, 11, 26, 12, 30, 45, 123456700, time.UTC))
	assoc := &services88.Associate{
		Carrier: services88.Carrier{
			TableRight: &services88.TableRight{Mask: services88.ETableRight("").With(services88.ETableRightSelect, services88.ETableRightUpdate), Reason: "ok"},
			FieldProperties: map[string]*services88.FieldProperty{
				"Name": {FieldRight: &services88.FieldRight{Mask: services88.EFieldRight("Read Write"), Reason: ""}, FieldType: "string", FieldLength: 220},
			},
		},
		AssociateID: 7, Name: "ANNA", PersonID: 12, Rank: 3, Tooltip: "Anna", Type: services88.UserTypeInternalAssociate,
		GroupIdx: 2, FullName: "Anna Admin", FormalName: "Admin, Anna", EjUserID: 4, UserName: "anna",
		ExtraFields: map[string]string{"x_team": "ops"}, CustomFields: map[string]string{"SuperOffice:1": "a"},
	}
	return &services88.Webhook{
		WebhookID:           int32(i),
		Name:                fmt.Sprintf("hook %d", i),
		Events:              []string{"contact.created", "contact.changed", "person.created"},
		TargetURL:           "https://example.com/hooks/superoffice",
		Secret:              "s3cret",
		State:               services88.WebhookStateActive,
		Type:                "webhook",
		Headers:             map[string]string{"Authorization": "Bearer abc", "X-Trace": "1"},
		Properties:          map[string]any{"retries": int32(3), "label": "prod", "since": when},
		Registered:          when,
		RegisteredAssociate: assoc,
		Updated:             when,
		UpdatedAssociate:    assoc,
		ErrorsEmail:         "ops@example.com",
	}
}

// BenchmarkEncodeSaveWebhook measures encoding a fully populated SaveWebhook request body, with the
// soap runtime and, as the baseline, with encoding/xml.Marshal of equivalent hand-written tagged
// structs (stdxml_test.go).
func BenchmarkEncodeSaveWebhook(b *testing.B) {
	name := xml.Name{Space: ns, Local: "SaveWebhook"}
	b.Run("soap", func(b *testing.B) {
		req := &services88.SaveWebhook{Webhook: fullWebhook(1)}
		b.ReportAllocs()
		var n int
		e := soapimpl.NewEncoder(nil)
		for b.Loop() {
			e.Reset(nil)
			e.Bind("ns1", ns)
			soapimpl.Encode(e, name, req)
			if err := e.Err(); err != nil {
				b.Fatal(err)
			}
			n = len(e.Bytes())
		}
		b.SetBytes(int64(n))
	})
	b.Run("encoding-xml", func(b *testing.B) {
		req := xSaveWebhookOf(fullWebhook(1))
		b.ReportAllocs()
		var n int
		for b.Loop() {
			out, err := xml.Marshal(req)
			if err != nil {
				b.Fatal(err)
			}
			n = len(out)
		}
		b.SetBytes(int64(n))
	})
}

// getAllWebhooksReply returns a SOAP 1.1 reply to GetAllWebhooks holding n webhooks.
func getAllWebhooksReply(b *testing.B, n int) []byte {
	resp := &services88.GetAllWebhooksResponse{}
	for i := 0; i < n; i++ {
		resp.Response = append(resp.Response, fullWebhook(i))
	}
	e := soapimpl.NewEncoder(nil)
	e.Bind("s", "http://schemas.xmlsoap.org/soap/envelope/")
	e.Bind("xsi", soap.XSINamespace)
	e.Bind("xsd", soap.XSDNamespace)
	e.StartElement(xml.Name{Space: "http://schemas.xmlsoap.org/soap/envelope/", Local: "Envelope"}, xml.Name{})
	e.StartElement(xml.Name{Space: "http://schemas.xmlsoap.org/soap/envelope/", Local: "Body"}, xml.Name{})
	soapimpl.Encode(e, xml.Name{Space: ns, Local: "GetAllWebhooksResponse"}, resp)
	e.EndElement()
	e.EndElement()
	if err := e.Err(); err != nil {
		b.Fatal(err)
	}
	return append([]byte(nil), e.Bytes()...)
}

// BenchmarkDecodeGetAllWebhooks measures decoding a GetAllWebhooks reply with 1,000 fully populated
// webhooks (3.7 MB) into the generated types (the decoder alone, without HTTP), with the soap runtime
// and, as the baseline, with encoding/xml.Unmarshal into equivalent hand-written tagged structs
// (stdxml_test.go). The runtime decodes the reply in place, so each round decodes a fresh copy, as a
// call decodes the buffer it read the reply into.
func BenchmarkDecodeGetAllWebhooks(b *testing.B) {
	body := getAllWebhooksReply(b, 1000)
	b.Run("soap", func(b *testing.B) {
		buf := make([]byte, len(body))
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		d := soapimpl.NewDecoder(nil, nil)
		for b.Loop() {
			copy(buf, body)
			d.Reset(buf)
			if err := d.Root(); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Child(); err != nil { // Body
				b.Fatal(err)
			}
			if _, err := d.Child(); err != nil { // GetAllWebhooksResponse
				b.Fatal(err)
			}
			var resp services88.GetAllWebhooksResponse
			if err := d.Decode(&resp); err != nil {
				b.Fatal(err)
			}
			if len(resp.Response) != 1000 {
				b.Fatalf("decoded %d webhooks", len(resp.Response))
			}
		}
	})
	b.Run("encoding-xml", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			var env xEnvelope
			if err := xml.Unmarshal(body, &env); err != nil {
				b.Fatal(err)
			}
			if n := len(env.Body.Response.Response.Webhooks); n != 1000 {
				b.Fatalf("decoded %d webhooks", n)
			}
		}
	})
}

// roundTripper answers every request with a fixed reply, without a network.
type roundTripper []byte

func (r roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	io.Copy(io.Discard, req.Body)
	req.Body.Close()
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"text/xml; charset=utf-8"}},
		Body: io.NopCloser(bytes.NewReader(r)), Request: req}, nil
}

// BenchmarkGetAllWebhooksCall measures a whole GetAllWebhooks call returning 1,000 webhooks: encoding the
// request with its headers, the runtime's reply handling (size limit, envelope, headers) and decoding,
// over an in-memory transport.
func BenchmarkGetAllWebhooksCall(b *testing.B) {
	benchmarkGetAllWebhooksCall(b, &soap.Client{})
}

// BenchmarkGetAllWebhooksCallObserved is BenchmarkGetAllWebhooksCall with an Observer that logs each
// call's summary (no bodies) to a discarding slog handler: the cost of observing a call.
func BenchmarkGetAllWebhooksCallObserved(b *testing.B) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	benchmarkGetAllWebhooksCall(b, &soap.Client{Observer: &soap.Observer{Done: func(ctx context.Context, x *soap.Exchange) {
		logger.InfoContext(ctx, "soap call", "soap", x)
	}}})
}

// benchmarkGetAllWebhooksCall makes GetAllWebhooks calls with client, its transport replaced by an
// in-memory one answering 1,000 webhooks.
func benchmarkGetAllWebhooksCall(b *testing.B, client *soap.Client) {
	reply := getAllWebhooksReply(b, 1000)
	client.HTTPClient = &http.Client{Transport: roundTripper(reply)}
	agent := services88.NewWebhookAgent(client)
	agent.Endpoint = "http://example.invalid/Webhook.svc"
	agent.Header.ApplicationToken = "token"
	agent.Header.Credentials = &services88.SoCredentials{Ticket: "7T:abc"}
	b.SetBytes(int64(len(reply)))
	b.ReportAllocs()
	for b.Loop() {
		hooks, err := agent.GetAllWebhooks(context.Background(), "", "", "")
		if err != nil {
			b.Fatal(err)
		}
		if len(hooks) != 1000 || !strings.HasPrefix(hooks[999].Name, "hook") {
			b.Fatalf("got %d webhooks", len(hooks))
		}
	}
}
