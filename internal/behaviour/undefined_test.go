package behaviour_test

import (
	"context"
	"encoding/xml"
	"errors"
	"testing"

	"github.com/sogen-go/sogen/golden/undefined"
	"github.com/sogen-go/sogen/soap"
)

const nsUndefined = "http://example.com/sogen/undefined"

// TestUndefined checks on the wire what the default repairs of references to nothing defined make
// (golden case undefined): what arrives where the WSDL leaves the content undefined is kept as it
// came and written back unchanged, so that a client can pass on what it received; what is ignored
// is still reached through the soap package.
func TestUndefined(t *testing.T) {
	ctx := context.Background()
	un := func(local string) xml.Name { return xml.Name{Space: nsUndefined, Local: local} }

	t.Run("an element declared for an undefined part element keeps unknown content and writes it back unchanged", func(t *testing.T) {
		const content = `text<o:Item xmlns:o="urn:other" n="1">one</o:Item><Deep><Leaf>x</Leaf></Deep>tail`
		srv := newServer(t, envelope11("", `<EchoOut xmlns="`+nsUndefined+`" xmlns:o="urn:other" id="7" o:flag="yes">`+content+`</EchoOut>`))
		c := undefined.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Echo(ctx, "hello")
		if err != nil {
			t.Fatal(err)
		}
		el, ok := got.(*soap.Element)
		if !ok {
			t.Fatalf("Echo returned %T, want *soap.Element", got)
		}
		want := &soap.Element{
			Name: un("EchoOut"),
			Attr: []xml.Attr{{Name: xml.Name{Local: "id"}, Value: "7"}, {Name: xml.Name{Space: "urn:other", Local: "flag"}, Value: "yes"}},
			Content: []soap.Node{
				{Text: "text"},
				{Element: &soap.Element{Name: xml.Name{Space: "urn:other", Local: "Item"}, Attr: []xml.Attr{{Name: xml.Name{Local: "n"}, Value: "1"}}, Content: []soap.Node{{Text: "one"}}}},
				{Element: &soap.Element{Name: un("Deep"), Content: []soap.Node{{Element: &soap.Element{Name: un("Leaf"), Content: []soap.Node{{Text: "x"}}}}}}},
				{Text: "tail"},
			},
		}
		diff(t, "reply", want, el)

		// Sent back as the request, it is written as EchoIn with the same attributes and content.
		if _, err := c.Echo(ctx, el); err != nil {
			t.Fatal(err)
		}
		var back soap.Element
		if err := decodeBody(srv.Last(t).Body, &back, nil); err != nil {
			t.Fatal(err)
		}
		// Compared as decoded, not as a golden: re-indenting mixed content is not stable.
		want.Name = un("EchoIn")
		diff(t, "request", want, &back)
	})

	t.Run("a value with xsi:type in an xs:anyType slot is read as that type and written back with it", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<EchoOut xmlns="`+nsUndefined+`" xmlns:xs="`+nsXSD+`" xmlns:xsi="`+nsXSI+`" xsi:type="xs:int">5</EchoOut>`))
		c := undefined.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Echo(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "reply", any(int32(5)), got)
		if _, err := c.Echo(ctx, got); err != nil {
			t.Fatal(err)
		}
		in := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "request", `(int)"5"`, in.form())
	})

	t.Run("a type kept as XML keeps the xsi:type it was read with", func(t *testing.T) {
		doc := `<Submit xmlns="` + nsUndefined + `" xmlns:u="` + nsUndefined + `" xmlns:xsi="` + nsXSI + `"><Order><ID>1</ID></Order>` +
			`<Special xsi:type="u:MoreSpecial" a="1"><Code>c</Code><More>m</More></Special></Submit>`
		var s undefined.Submit
		if err := decodeXML([]byte(doc), &s, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "XSIType", un("MoreSpecial"), s.Special.XSIType)
		special := parseTree(t, mustMarshal(t, &s, un("Submit"))).mustFind(t, nsUndefined, "Special")
		diff(t, "re-encoded", `(MoreSpecial){Code="c" More="m"}`, special.form())
		diff(t, "re-encoded attribute", "1", attrOf(special, "", "a"))
	})

	t.Run("undefined types, elements, attributes and groups keep what arrives, and write it back unchanged", func(t *testing.T) {
		order := `<Order xmlns:u="` + nsUndefined + `" xmlns:audit="urn:audit" status="open" u:lang="en" audit:by="ada">` +
			`<ID>1</ID><Note><b>bold</b> and plain</Note><Stamp kind="iso">2024-01-02</Stamp>` +
			`<x:Extra xmlns:x="urn:x">e1</x:Extra><x:Extra xmlns:x="urn:x">e2</x:Extra></Order>`
		srv := newServer(t, envelope11(`<Trace xmlns="urn:trace">abc</Trace>`,
			`<SubmitResponse xmlns="`+nsUndefined+`">`+order+`<Result><Anything>at all</Anything></Result></SubmitResponse>`))
		c := undefined.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		var unknown []*soap.Element
		line := &undefined.Line{Sku: "S1", Any: []*soap.Element{{Name: un("Colour"), Content: []soap.Node{{Text: "red"}}}}}
		special := &undefined.Special{
			Content: []soap.Node{{Element: &soap.Element{Name: un("BaseField"), Content: []soap.Node{{Text: "b"}}}}, {Element: &soap.Element{Name: un("Code"), Content: []soap.Node{{Text: "c"}}}}},
			AnyAttr: []xml.Attr{{Name: xml.Name{Local: "v"}, Value: "2"}},
		}
		auth := soap.HeaderBlock{Value: &soap.Element{Name: un("Auth"), Content: []soap.Node{{Text: "token"}}}}
		amount := &undefined.Amount{Value: " 12.50 ", Currency: ptr("EUR"), AnyAttr: []xml.Attr{{Name: xml.Name{Local: "scale"}, Value: "2"}}}
		resp, err := c.Submit(ctx, &undefined.Order{ID: 9}, []*undefined.Line{line}, special, nil, undefined.CodeA, undefined.Codes{"x", "y"}, "5", amount,
			soap.WithHeaderBlock(auth), soap.WithUnknownResponseHeaders(&unknown))
		if err != nil {
			t.Fatal(err)
		}

		// The reply: each undefined thing holds what came.
		o := resp.Order
		diff(t, "ID", int32(1), o.ID)
		diff(t, "status", ptr("open"), o.Status)
		diff(t, "lang", ptr("en"), o.Lang)
		diff(t, "AnyAttr", []xml.Attr{{Name: xml.Name{Space: "urn:audit", Local: "by"}, Value: "ada"}}, o.AnyAttr)
		diff(t, "Note", any(&soap.Element{Name: un("Note"), Content: []soap.Node{{Element: &soap.Element{Name: un("b"), Content: []soap.Node{{Text: "bold"}}}}, {Text: " and plain"}}}), o.Note)
		diff(t, "Stamp", any(&soap.Element{Name: un("Stamp"), Attr: []xml.Attr{{Name: xml.Name{Local: "kind"}, Value: "iso"}}, Content: []soap.Node{{Text: "2024-01-02"}}}), o.Stamp)
		diff(t, "Any", []*soap.Element{
			{Name: xml.Name{Space: "urn:x", Local: "Extra"}, Content: []soap.Node{{Text: "e1"}}},
			{Name: xml.Name{Space: "urn:x", Local: "Extra"}, Content: []soap.Node{{Text: "e2"}}},
		}, o.Any)
		diff(t, "Result", any(&soap.Element{Name: un("Result"), Content: []soap.Node{{Element: &soap.Element{Name: un("Anything"), Content: []soap.Node{{Text: "at all"}}}}}}), resp.Result)
		// The reply header whose part names a type is ignored by the typed headers: read it raw.
		if len(unknown) != 1 || unknown[0].Name != (xml.Name{Space: "urn:trace", Local: "Trace"}) {
			t.Errorf("unknown reply headers %+v", unknown)
		}

		// The request: the raw header block, and each field as given.
		env := checkEnvelope(t, srv.Last(t).Body, nsEnv11)
		if h := headerOf(env); h == nil || len(h.Children) != 1 || h.Children[0].Name != un("Auth") {
			t.Errorf("request header %+v", h)
		}
		submit := bodyChild(t, env)
		diff(t, "Submit", []string{`Order={ID="9"}`, `Line={Sku="S1" Colour="red"}`, `Special={BaseField="b" Code="c"}`, `Code="A"`, `Codes="x y"`, `Either="5"`, `Amount=" 12.50 "`}, submit.childForms())
		diff(t, "Special's attribute", "2", attrOf(submit.mustFind(t, nsUndefined, "Special"), "", "v"))
		am := submit.mustFind(t, nsUndefined, "Amount")
		diff(t, "Amount's attributes", []string{"EUR", "2"}, []string{attrOf(am, "", "currency"), attrOf(am, "", "scale")})

		// The Order received, sent back, is written as it came.
		back := parseTree(t, mustMarshal(t, o, un("Order")))
		came := parseTree(t, []byte(order))
		diff(t, "re-encoded Order", came.childForms(), back.childForms())
		for _, a := range []struct{ space, local, want string }{{"", "status", "open"}, {nsUndefined, "lang", "en"}, {"urn:audit", "by", "ada"}} {
			diff(t, "re-encoded "+a.local, a.want, attrOf(back, a.space, a.local))
		}
		checkGolden(t, "undefined", "Submit.request.xml", srv.Last(t).Body)
	})

	t.Run("a fault whose message is not defined arrives as a *soap.Fault with its detail as XML", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<s:Fault><faultcode>s:Server</faultcode><faultstring>rejected</faultstring>`+
			`<detail><RejectedFault xmlns="`+nsUndefined+`"><Reason>stock</Reason></RejectedFault></detail></s:Fault>`))
		c := undefined.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		_, err := c.Submit(ctx, &undefined.Order{ID: 1}, nil, nil, nil, "", nil, "", nil)
		var f *soap.Fault
		if !errors.As(err, &f) {
			t.Fatalf("got %v, want a *soap.Fault", err)
		}
		if f.Detail == nil || len(f.Detail.Content) != 1 || f.Detail.Content[0].Element == nil || f.Detail.Content[0].Element.Name != un("RejectedFault") {
			t.Errorf("detail %+v", f.Detail)
		}
	})

	t.Run("the reply of Ping, whose soap:body names a part its empty message lacks, is empty", func(t *testing.T) {
		srv := newServer(t, envelope11("", ""))
		c := undefined.NewOrdersClient(nil)
		c.Endpoint = srv.URL
		if err := c.Ping(ctx, "hi"); err != nil {
			t.Fatal(err)
		}
		diff(t, "Ping", []string{`Text="hi"`}, bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).childForms())
	})
}
