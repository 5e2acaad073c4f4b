package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/headers"
	"github.com/sogen-go/sogen/soap"
)

const nsHeaders = "http://example.com/sogen/headers"

// TestHeaders checks soap:header (WSDL 1.1 section 3.7): each operation sends, as children of
// soap:Header (SOAP 1.1 section 4.2), the header blocks its binding lists for its input, and reads
// those it lists for its output.
func TestHeaders(t *testing.T) {
	ctx := context.Background()
	hn := func(local string) xml.Name { return xml.Name{Space: nsHeaders, Local: local} }
	full := headers.OrdersRequestHeader{
		AuthToken:   "tok-123",
		Credentials: &headers.Credentials{User: "ada", Password: "s3cret"},
		TraceID:     "trace-9",
	}
	placed := envelope11("", `<PlaceOrderResponse xmlns="`+nsHeaders+`"><OrderId>41</OrderId></PlaceOrderResponse>`)
	cancelled := envelope11("", `<CancelOrderResponse xmlns="`+nsHeaders+`"/>`)
	pong := envelope11("", `<PingResponse xmlns="`+nsHeaders+`"><Response>pong</Response></PingResponse>`)

	t.Run("PlaceOrder sends every request header block, in binding order", func(t *testing.T) {
		srv := newServer(t, placed)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = full
		id, err := c.PlaceOrder(ctx, "SKU-1", 2)
		if err != nil {
			t.Fatal(err)
		}
		if id != 41 {
			t.Errorf("PlaceOrder = %d, want 41", id)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/headers/PlaceOrder")
		env := checkEnvelope(t, req.Body, nsEnv11)
		h := headerOf(env)
		if h == nil {
			t.Fatal("no soap:Header")
		}
		diff(t, "header blocks", []xml.Name{hn("AuthToken"), hn("Credentials"), hn("TraceId")}, h.childNames())
		diff(t, "header forms", []string{`AuthToken="tok-123"`, `Credentials={User="ada" Password="s3cret"}`, `TraceId="trace-9"`}, h.childForms())
		diff(t, "body", []string{`Sku="SKU-1"`, `Quantity="2"`}, bodyChild(t, env).childForms())
		checkGolden(t, "headers", "PlaceOrder.request.xml", req.Body)
	})

	t.Run("CancelOrder sends only AuthToken", func(t *testing.T) {
		srv := newServer(t, cancelled)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = full
		if err := c.CancelOrder(ctx, 41); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/headers/CancelOrder")
		env := checkEnvelope(t, req.Body, nsEnv11)
		h := headerOf(env)
		if h == nil {
			t.Fatal("no soap:Header")
		}
		diff(t, "header forms", []string{`AuthToken="tok-123"`}, h.childForms())
		checkGolden(t, "headers", "CancelOrder.request.xml", req.Body)
	})

	t.Run("Ping sends no soap:Header element at all", func(t *testing.T) {
		srv := newServer(t, pong)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = full
		got, err := c.Ping(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != "pong" {
			t.Errorf("Ping = %q, want pong", got)
		}
		req := srv.Last(t)
		env := checkEnvelope(t, req.Body, nsEnv11)
		if h := headerOf(env); h != nil {
			t.Errorf("Ping sent a soap:Header: %v", h.childForms())
		}
		diff(t, "body element", hn("Ping"), bodyChild(t, env).Name)
		checkGolden(t, "headers", "Ping.request.xml", req.Body)
	})

	t.Run("zero-valued header fields are not sent", func(t *testing.T) {
		srv := newServer(t, placed)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = headers.OrdersRequestHeader{TraceID: "only-trace"}
		if _, err := c.PlaceOrder(ctx, "SKU-1", 1); err != nil {
			t.Fatal(err)
		}
		h := headerOf(checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		if h == nil {
			t.Fatal("no soap:Header")
		}
		diff(t, "header forms", []string{`TraceId="only-trace"`}, h.childForms())
	})

	t.Run("an all-zero header sends no soap:Header element", func(t *testing.T) {
		srv := newServer(t, placed)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.PlaceOrder(ctx, "SKU-1", 1); err != nil {
			t.Fatal(err)
		}
		if h := headerOf(checkEnvelope(t, srv.Last(t).Body, nsEnv11)); h != nil {
			t.Errorf("sent a soap:Header: %v", h.childForms())
		}
	})

	t.Run("WithRequestHeader replaces the client's header for one call", func(t *testing.T) {
		srv := newServer(t, placed)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = full
		if _, err := c.PlaceOrder(ctx, "SKU-1", 1, soap.WithRequestHeader(&headers.OrdersRequestHeader{AuthToken: "other"})); err != nil {
			t.Fatal(err)
		}
		h := headerOf(checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		if h == nil {
			t.Fatal("no soap:Header")
		}
		diff(t, "header forms", []string{`AuthToken="other"`}, h.childForms())
		if _, err := c.PlaceOrder(ctx, "SKU-1", 1); err != nil {
			t.Fatal(err)
		}
		h = headerOf(checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "header forms of the next call", []string{`AuthToken="tok-123"`, `Credentials={User="ada" Password="s3cret"}`, `TraceId="trace-9"`}, h.childForms())
	})

	t.Run("WithRequestHeader(nil) sends no soap:Header", func(t *testing.T) {
		srv := newServer(t, placed)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = full
		if _, err := c.PlaceOrder(ctx, "SKU-1", 1, soap.WithRequestHeader(nil)); err != nil {
			t.Fatal(err)
		}
		if h := headerOf(checkEnvelope(t, srv.Last(t).Body, nsEnv11)); h != nil {
			t.Errorf("sent a soap:Header: %v", h.childForms())
		}
	})

	t.Run("PlaceOrder reads its response header blocks, TraceId included", func(t *testing.T) {
		reply := envelope11(
			`<h:Succeeded xmlns:h="`+nsHeaders+`">true</h:Succeeded>`+
				`<h:ServerInfo xmlns:h="`+nsHeaders+`"><h:Version>2.1</h:Version><h:Node>eu-1</h:Node><h:ElapsedMs>12</h:ElapsedMs></h:ServerInfo>`+
				`<h:TraceId xmlns:h="`+nsHeaders+`">trace-9</h:TraceId>`+
				`<x:Unrelated xmlns:x="urn:other">skipped</x:Unrelated>`,
			`<PlaceOrderResponse xmlns="`+nsHeaders+`"><OrderId>41</OrderId></PlaceOrderResponse>`)
		srv := newServer(t, reply)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header = full
		var rh headers.OrdersResponseHeader
		if _, err := c.PlaceOrder(ctx, "SKU-1", 2, soap.WithResponseHeader(&rh)); err != nil {
			t.Fatal(err)
		}
		want := headers.OrdersResponseHeader{
			Succeeded:  ptr(true),
			ServerInfo: &headers.ServerInfo{Version: "2.1", Node: "eu-1", ElapsedMs: 12},
			TraceID:    ptr("trace-9"),
		}
		diff(t, "response header", want, rh)
	})

	t.Run("CancelOrder reads Succeeded; blocks the reply lacks stay nil", func(t *testing.T) {
		reply := envelope11(`<Succeeded xmlns="`+nsHeaders+`">false</Succeeded>`,
			`<CancelOrderResponse xmlns="`+nsHeaders+`"/>`)
		srv := newServer(t, reply)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		var rh headers.OrdersResponseHeader
		if err := c.CancelOrder(ctx, 41, soap.WithResponseHeader(&rh)); err != nil {
			t.Fatal(err)
		}
		diff(t, "response header", headers.OrdersResponseHeader{Succeeded: ptr(false)}, rh)
	})

	t.Run("a response header block sent as xsi:nil reads as nil, recorded in Presence", func(t *testing.T) {
		reply := envelope11(
			`<TraceId xmlns="`+nsHeaders+`" xmlns:i="`+nsXSI+`" i:nil="true"/>`+
				`<ServerInfo xmlns="`+nsHeaders+`" xmlns:i="`+nsXSI+`" i:nil="true"/>`,
			`<PingResponse xmlns="`+nsHeaders+`"><Response>pong</Response></PingResponse>`)
		srv := newServer(t, reply)
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		rh := headers.OrdersResponseHeader{TraceID: ptr("stale")}
		if _, err := c.Ping(ctx, soap.WithResponseHeader(&rh)); err != nil {
			t.Fatal(err)
		}
		var want headers.OrdersResponseHeader
		want.Presence.SetNil("TraceID")
		want.Presence.SetNil("ServerInfo")
		diff(t, "response header", want, rh)
	})
}
