package behaviour_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/sogen-go/sogen/golden/barearrays"
	"github.com/sogen-go/sogen/golden/docparts"
	"github.com/sogen-go/sogen/golden/encoded"
	"github.com/sogen-go/sogen/golden/headers"
	"github.com/sogen-go/sogen/golden/nillable"
	"github.com/sogen-go/sogen/golden/ports"
	"github.com/sogen-go/sogen/golden/rpc"
	"github.com/sogen-go/sogen/golden/simplebare"
	"github.com/sogen-go/sogen/soap"
)

// TestMessages checks the message-level methods (a client's Messages view) for every kind of body:
// each takes the whole request and returns the whole response, so that the states the flattened
// methods map to one Go value can be sent and read.
func TestMessages(t *testing.T) {
	ctx := context.Background()

	t.Run("simple bare: the body element sent and read as xsi:nil", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Price xmlns="`+nsSimpleBare+`" xmlns:i="`+nsXSI+`" i:nil="true"/>`))
		c := simplebare.NewQuotesClient(nil)
		c.Endpoint = srv.URL
		var req soap.BareValue[string]
		req.Presence.SetNil("Value")
		resp, err := c.Messages().GetPrice(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "sent", "nil", bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).form())
		if !resp.Presence.IsNil("Value") || !resp.Value.IsZero() {
			t.Errorf("reply read as %v, nil %v", resp.Value, resp.Presence.IsNil("Value"))
		}
		// The flattened method gives the zero value for it, as for <Price>0</Price>.
		flat, err := c.GetPrice(ctx, "ACME")
		if err != nil || !flat.IsZero() {
			t.Errorf("GetPrice = %v, %v", flat, err)
		}
	})

	t.Run("simple bare one-way", func(t *testing.T) {
		srv := newServer(t, nil)
		c := simplebare.NewQuotesClient(nil)
		c.Endpoint = srv.URL
		if err := c.Messages().Cancel(ctx, soap.BareValue[int32]{Value: 7}); err != nil {
			t.Fatal(err)
		}
		diff(t, "sent", `"7"`, bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).form())
	})

	t.Run("bare array: nil items both ways", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<WordCounts xmlns="`+nsBareArrays+`" xmlns:i="`+nsXSI+`">`+
			`<CountsKeyValuePair><Key>a</Key><Value>1</Value></CountsKeyValuePair></WordCounts>`))
		c := barearrays.NewQueryClient(nil)
		c.Endpoint = srv.URL
		req := soap.BareValue[[]string]{Value: []string{"a", ""}}
		req.Presence.SetNilItem("Value", 1)
		if _, err := c.Messages().CountWords(ctx, req); err != nil {
			t.Fatal(err)
		}
		diff(t, "sent", []string{`string="a"`, `string=nil`}, bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).childForms())

		srv2 := newServer(t, envelope11("", `<GetQueryNamesResult xmlns="`+nsBareArrays+`" xmlns:i="`+nsXSI+`"><string>q</string><string i:nil="true"/></GetQueryNamesResult>`))
		c.Endpoint = srv2.URL
		names, err := c.Messages().GetQueryNames(ctx, &barearrays.EmptyParms{})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "names", []string{"q", ""}, names.Value)
		diff(t, "nil items", []int{1}, names.Presence.NilItems("Value"))
	})

	t.Run("bare, nillable: nil is sent and read as xsi:nil; no duplicate message-level method", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Inner xmlns="`+nsNillable+`" xmlns:i="`+nsXSI+`" i:nil="true"/>`))
		c := nillable.NewMatricesClient(nil)
		c.Endpoint = srv.URL
		got, err := c.EchoInner(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != nil {
			t.Errorf("EchoInner = %#v, want nil", got)
		}
		diff(t, "sent", "nil", bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).form())
		// EchoInner takes and returns the whole messages: the view has no method for it.
		if _, ok := reflect.TypeFor[nillable.MatricesClientMessages]().MethodByName("EchoInner"); ok {
			t.Error("MatricesClientMessages has an EchoInner method")
		}
		// An empty reply element is an empty struct, not nil.
		srv.SetReply(200, "text/xml", envelope11("", `<Inner xmlns="`+nsNillable+`"/>`))
		if got, err := c.EchoInner(ctx, &nillable.Inner{}); err != nil || got == nil {
			t.Errorf("EchoInner = %#v, %v", got, err)
		}
	})

	t.Run("empty bodies: no message-level method", func(t *testing.T) {
		// Reset sends and receives empty bodies; Notify and Status pass whole structs.
		if _, ok := reflect.TypeFor[*ports.NotifierClient]().MethodByName("Messages"); ok {
			t.Error("NotifierClient has a Messages view, though every method takes and returns whole messages")
		}
	})

	t.Run("rpc/literal: a part left out", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<m:LogResponse xmlns:m="`+nsRPCCalc+`"/>`))
		c := rpc.NewCalcClient(nil)
		c.Endpoint = srv.URL
		req := &rpc.Log{}
		req.Presence.SetAbsent("Line")
		if err := c.Messages().Log(ctx, req); err != nil {
			t.Fatal(err)
		}
		diff(t, "sent", []string(nil), bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).childForms())
	})

	t.Run("rpc/literal: the reply's part sent as xsi:nil", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<m:AddResponse xmlns:m="`+nsRPCCalc+`" xmlns:i="`+nsXSI+`"><sum i:nil="true"/></m:AddResponse>`))
		c := rpc.NewCalcClient(nil)
		c.Endpoint = srv.URL
		resp, err := c.Messages().Add(ctx, &rpc.Add{A: 1, B: 2})
		if err != nil {
			t.Fatal(err)
		}
		if !resp.Presence.IsNil("Sum") {
			t.Errorf("Presence %v", resp.Presence.Fields())
		}
		sum, err := c.Add(ctx, 1, 2)
		if err != nil || sum != 0 {
			t.Errorf("Add = %d, %v (the flattened method gives 0 for nil)", sum, err)
		}
	})

	t.Run("rpc/encoded: a parameter sent as xsi:nil, nil items of a SOAP-ENC string array", func(t *testing.T) {
		c, wrapper, _ := newDirectory(t, phpEnvelope(`<ns1:SplitResponse><return xsi:type="SOAP-ENC:Array" SOAP-ENC:arrayType="xsd:string[3]">`+
			`<item xsi:type="xsd:string">a</item><item xsi:nil="true"/><item xsi:type="xsd:string"></item></return></ns1:SplitResponse>`))
		req := &encoded.Split{Text: "a,,"}
		req.Presence.SetNil("Separator")
		resp, err := c.Messages().Split(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "sent", []string{`text=(string)"a,,"`, `separator=nil`}, wrapper().childForms())
		diff(t, "items", []string{"a", "", ""}, resp.Return)
		diff(t, "nil items", []int{1}, resp.Presence.NilItems("Return"))
	})

	t.Run("document with several parts: the whole parts struct", func(t *testing.T) {
		srv := newServer(t, envelope11("", bookingReply))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		req := &docparts.RefundRequest{To: &docparts.Account{}}
		req.Presence.SetNil("Amount")
		if _, err := c.Messages().Refund(ctx, req); err != nil {
			t.Fatal(err)
		}
		body := checkEnvelope(t, srv.Last(t).Body, nsEnv11).mustFind(t, nsEnv11, "Body")
		diff(t, "sent", []string{"Target={IBAN=empty Holder=empty}", "Amount=nil"}, body.childForms())
	})

	t.Run("header blocks sent empty or as xsi:nil through the header's Presence", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<PlaceOrderResponse xmlns="`+nsHeaders+`"><Response>1</Response></PlaceOrderResponse>`))
		c := headers.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		c.Header.Presence.SetPresent("AuthToken")
		c.Header.Presence.SetNil("TraceID")
		if _, err := c.PlaceOrder(ctx, "sku", 1); err != nil {
			t.Fatal(err)
		}
		h := headerOf(checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "header", []string{"AuthToken=empty", "TraceId=nil"}, h.childForms())
	})
}
