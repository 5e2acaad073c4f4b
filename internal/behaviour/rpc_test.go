package behaviour_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/rpc"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

const (
	nsRPCCalc  = "http://example.com/sogen/rpc/calc"
	nsRPCTypes = "http://example.com/sogen/rpc/types"
)

// TestRPC checks rpc/literal (WSDL 1.1 section 3.5, WS-I Basic Profile 1.1 section 4.7): the body holds
// a wrapper named after the operation (replies: the operation name suffixed with "Response", R2729) in
// the namespace of soap:body's namespace attribute; its children are the parts, as accessor elements
// named after the parts (R2755) in no namespace (R2735), in message order (parameterOrder does not
// change it).
func TestRPC(t *testing.T) {
	ctx := context.Background()
	newClient := func(t *testing.T, reply []byte) (*rpc.CalcClient, *soaptest.Server) {
		srv := newServer(t, reply)
		c := rpc.NewCalcClient(nil)
		if c.Endpoint != "http://example.com/rpc/calc" {
			t.Errorf("Endpoint = %q", c.Endpoint)
		}
		c.Endpoint = srv.URL
		return c, srv
	}

	t.Run("Add wraps the parts in Add and returns the part of AddResponse", func(t *testing.T) {
		// The reply's accessor is unqualified although the wrapper declares a default namespace
		// on an ancestor prefix only: the server writes xmlns="" where needed.
		c, srv := newClient(t, envelope11("", `<m:AddResponse xmlns:m="`+nsRPCCalc+`"><sum>5</sum></m:AddResponse>`))
		sum, err := c.Add(ctx, 2, 3)
		if err != nil {
			t.Fatal(err)
		}
		if sum != 5 {
			t.Errorf("Add = %d, want 5", sum)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "urn:calc:Add")
		w := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "wrapper", xmlName(nsRPCCalc, "Add"), w.Name)
		diff(t, "accessors", []xml.Name{xmlName("", "a"), xmlName("", "b")}, w.childNames())
		diff(t, "content", []string{`a="2"`, `b="3"`}, w.childForms())
		checkGolden(t, "rpc", "Add.request.xml", req.Body)
	})

	t.Run("Quote sends a complex-typed part and returns the two-part reply", func(t *testing.T) {
		c, srv := newClient(t, envelope11("", `<q:QuoteResponse xmlns:q="`+nsRPCCalc+`">`+
			`<price><Amount xmlns="`+nsRPCTypes+`">12.50</Amount><t:Currency xmlns:t="`+nsRPCTypes+`">EUR</t:Currency></price>`+
			`<asOf>2024-05-01T10:00:00Z</asOf></q:QuoteResponse>`))
		got, err := c.Quote(ctx, &rpc.Instrument{Symbol: "ACME", Exchange: "XNYS"})
		if err != nil {
			t.Fatal(err)
		}
		amount, _ := soap.ParseDecimal("12.50")
		asOf, _ := soap.ParseDateTime("2024-05-01T10:00:00Z")
		diff(t, "Quote", &rpc.QuoteResponse{Price: &rpc.Price{Amount: amount, Currency: "EUR"}, AsOf: asOf}, got)
		w := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "wrapper", xmlName(nsRPCCalc, "Quote"), w.Name)
		diff(t, "accessor", []xml.Name{xmlName("", "instrument")}, w.childNames())
		// The accessor's content is the type's content: its elements are qualified as the schema
		// says (elementFormDefault="qualified").
		diff(t, "instrument content", []xml.Name{xmlName(nsRPCTypes, "Symbol"), xmlName(nsRPCTypes, "Exchange")}, w.Children[0].childNames())
		checkGolden(t, "rpc", "Quote.request.xml", srv.Last(t).Body)
	})

	t.Run("a reply wrapper with a qualified accessor is refused", func(t *testing.T) {
		// R2735: accessors are in no namespace; {calc}sum is another element, and the required
		// accessor is missing.
		c, _ := newClient(t, envelope11("", `<AddResponse xmlns="`+nsRPCCalc+`"><sum>5</sum></AddResponse>`))
		c.Client = &soap.Client{}
		sum, err := c.Add(ctx, 2, 3)
		if err == nil && sum == 5 {
			t.Errorf("Add decoded a qualified accessor as the unqualified part sum")
		}
	})

	t.Run("Log is one-way", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusAccepted, "", nil)
		c := rpc.NewCalcClient(nil)
		c.Endpoint = srv.URL
		if err := c.Log(ctx, "started"); err != nil {
			t.Fatal(err)
		}
		w := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "Log", []string{`line="started"`}, w.childForms())
	})

	t.Run("Lookup: a part naming an element is an accessor holding the element", func(t *testing.T) {
		c, srv := newClient(t, envelope11("", `<c:LookupResponse xmlns:c="`+nsRPCCalc+`"><name>ACME Corp</name></c:LookupResponse>`))
		name, err := c.Lookup(ctx, &rpc.LookupKey{Key: &rpc.Key{ID: 42}})
		if err != nil {
			t.Fatal(err)
		}
		if name != "ACME Corp" {
			t.Errorf("Lookup = %q", name)
		}
		w := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "Lookup", []string{`key={Key={ID="42"}}`}, w.childForms())
		diff(t, "element in the accessor", xmlName(nsRPCTypes, "Key"), w.Children[0].Children[0].Name)
		checkGolden(t, "rpc", "Lookup.request.xml", srv.Last(t).Body)
	})
}

// TestRPCNotices: the output-only operation Ticker and the empty Nothing have no method, the rpc/encoded
// and HTTP bindings no constructor, the HTTP-only port type Status no client, and generating says so.
func TestRPCNotices(t *testing.T) {
	res := generateFixture(t, "rpc")
	found := false
	for _, n := range res.Notices {
		if strings.Contains(n, "operation Ticker has an output but no input") && strings.Contains(n, "rpc.wsdl: /definitions[@name='Calc']/portType[@name='Calc']/operation[@name='Ticker']") {
			found = true
		}
	}
	if !found {
		t.Errorf("no notice about Ticker in %q", res.Notices)
	}
	found = false
	for _, n := range res.Notices {
		if strings.HasSuffix(n, "/operation[@name='Nothing']: operation Nothing has neither input nor output; skipped") {
			found = true
		}
	}
	if !found {
		t.Errorf("no notice about Nothing in %q", res.Notices)
	}
	for _, want := range []string{
		"/binding[@name='CalcHttpGet']: binding CalcHttpGet uses the HTTP protocol, which sogen does not generate clients for; skipped",
		"/binding[@name='StatusHttpPost']: binding StatusHttpPost uses the HTTP protocol, which sogen does not generate clients for; skipped",
		"/portType[@name='Status']: port type Status has no SOAP binding; no client generated",
	} {
		found = false
		for _, n := range res.Notices {
			found = found || strings.HasSuffix(n, want)
		}
		if !found {
			t.Errorf("no notice ending in %q in %q", want, res.Notices)
		}
	}
	found = false
	for _, n := range res.Notices {
		if strings.HasSuffix(n, "/binding[@name='CalcEncodedBinding']: skipped binding CalcEncodedBinding, which uses SOAP encoding (operation Add is rpc/encoded), as port type Calc has a literal one") {
			found = true
		}
	}
	if !found {
		t.Errorf("no notice about CalcEncodedBinding in %q", res.Notices)
	}
}
