package services88

// Benchmarks of the three ways to decode the 1,000-webhook GetAllWebhooks reply (3.7 MB) and to
// encode a full SaveWebhook request, in one run:
//
//	go test -run '^$' -bench . -benchmem ./internal/enginetest/services88
//
// soap is the current runtime (generated/services88), encoding-xml hand-written encoding/xml tagged
// structs of the same types (stdxml_test.go), engine the table-driven runtime (this package).

import (
	"bytes"
	"encoding/xml"
	"testing"

	old "github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// getAllWebhooksReply returns a SOAP 1.1 reply to GetAllWebhooks holding n webhooks, as
// generated/services88's benchmark builds it.
func getAllWebhooksReply(tb testing.TB, n int) []byte {
	resp := &old.GetAllWebhooksResponse{}
	for i := 0; i < n; i++ {
		resp.Response = append(resp.Response, oldFullWebhook(i))
	}
	e := soap.NewEncoder(nil)
	e.Bind("s", nsEnv)
	e.Bind("xsi", soap.XSINamespace)
	e.Bind("xsd", soap.XSDNamespace)
	e.StartElement(soap.Start{Name: xml.Name{Space: nsEnv, Local: "Envelope"}})
	e.StartElement(soap.Start{Name: xml.Name{Space: nsEnv, Local: "Body"}})
	resp.MarshalSOAP(e, soap.Start{Name: xml.Name{Space: ns88, Local: "GetAllWebhooksResponse"}})
	e.EndElement()
	e.EndElement()
	if err := e.Err(); err != nil {
		tb.Fatal(err)
	}
	return append([]byte(nil), e.Bytes()...)
}

func BenchmarkDecodeGetAllWebhooks(b *testing.B) {
	body := getAllWebhooksReply(b, 1000)
	b.Run("soap", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			d := soap.NewDecoder(bytes.NewReader(body))
			if _, err := d.Root(); err != nil {
				b.Fatal(err)
			}
			if _, _, err := d.Child(); err != nil {
				b.Fatal(err)
			}
			se, _, err := d.Child()
			if err != nil {
				b.Fatal(err)
			}
			var resp old.GetAllWebhooksResponse
			if err := resp.UnmarshalSOAP(d, se); err != nil {
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
	b.Run("engine", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		buf := make([]byte, len(body))
		d := soapimpl.NewDecoder(nil, typeRegistry)
		for b.Loop() {
			copy(buf, body) // the reply is decoded in place
			d.Reset(buf)
			if err := d.Root(); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Child(); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Child(); err != nil {
				b.Fatal(err)
			}
			var resp GetAllWebhooksResponse
			if err := d.Decode(&resp); err != nil {
				b.Fatal(err)
			}
			if len(resp.Response) != 1000 {
				b.Fatalf("decoded %d webhooks", len(resp.Response))
			}
		}
	})
}

func BenchmarkEncodeSaveWebhook(b *testing.B) {
	name := xml.Name{Space: ns88, Local: "SaveWebhook"}
	b.Run("soap", func(b *testing.B) {
		req := &old.SaveWebhook{Webhook: oldFullWebhook(1)}
		start := soap.Start{Name: name}
		b.ReportAllocs()
		var n int
		for b.Loop() {
			e := soap.NewEncoder(nil)
			e.Bind("ns1", ns88)
			req.MarshalSOAP(e, start)
			if err := e.Err(); err != nil {
				b.Fatal(err)
			}
			n = len(e.Bytes())
		}
		b.SetBytes(int64(n))
	})
	b.Run("encoding-xml", func(b *testing.B) {
		req := xSaveWebhookOf(oldFullWebhook(1))
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
	b.Run("engine", func(b *testing.B) {
		req := &SaveWebhook{Webhook: fullWebhook(1)}
		e := soapimpl.NewEncoder(nil)
		b.ReportAllocs()
		var n int
		for b.Loop() {
			e.Reset(nil)
			e.Bind("ns1", ns88)
			soapimpl.Encode(e, name, req)
			if err := e.Err(); err != nil {
				b.Fatal(err)
			}
			n = len(e.Bytes())
		}
		b.SetBytes(int64(n))
	})
}
