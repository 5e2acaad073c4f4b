package behaviour_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/sogen-go/sogen/golden/simplebare"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

const nsSimpleBare = "http://example.com/sogen/simplebare"

// TestSimpleBare checks document/literal bare messages whose body element has a simple type (WSDL
// 1.1 section 3.5: the element the part names is the Body's child): the parameter is the element's
// text, and the result the reply element's value.
func TestSimpleBare(t *testing.T) {
	ctx := context.Background()
	t.Run("GetPrice sends Symbol and returns the decimal of Price", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<p:Price xmlns:p="`+nsSimpleBare+`">12.50</p:Price>`))
		c := simplebare.NewQuotesClient(nil)
		c.Endpoint = srv.URL
		got, err := c.GetPrice(ctx, "ACME")
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != "12.50" {
			t.Errorf("GetPrice = %s, want 12.50", got)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "urn:price")
		b := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "body", xmlName(nsSimpleBare, "Symbol"), b.Name)
		diff(t, "text", `"ACME"`, b.form())
		checkGolden(t, "simplebare", "GetPrice.request.xml", req.Body)
	})
	t.Run("GetMarket returns an enumeration value", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Market xmlns="`+nsSimpleBare+`">Closed</Market>`))
		c := simplebare.NewQuotesClient(nil)
		c.Endpoint = srv.URL
		got, err := c.GetMarket(ctx, "ACME")
		if err != nil {
			t.Fatal(err)
		}
		if got != simplebare.MarketStateClosed {
			t.Errorf("GetMarket = %q", got)
		}
	})
	t.Run("a reply with another element is an error", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Market xmlns="`+nsSimpleBare+`">Closed</Market>`))
		c := simplebare.NewQuotesClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.GetPrice(ctx, "ACME"); err == nil {
			t.Error("GetPrice accepted a Market reply")
		}
	})
	t.Run("Cancel sends the int, even zero", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusAccepted, "", nil)
		c := simplebare.NewQuotesClient(&soap.Client{})
		c.Endpoint = srv.URL
		if err := c.Cancel(ctx, 0); err != nil {
			t.Fatal(err)
		}
		b := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "body", xmlName(nsSimpleBare, "OrderID"), b.Name)
		diff(t, "text", `"0"`, b.form())
	})
}

// TestSimpleBareAnonymous: Reason's anonymous enumeration is one Go type, sent and returned by Halt.
func TestSimpleBareAnonymous(t *testing.T) {
	srv := newServer(t, envelope11("", `<Reason xmlns="`+nsSimpleBare+`">Volatility</Reason>`))
	c := simplebare.NewQuotesClient(nil)
	c.Endpoint = srv.URL
	got, err := c.Halt(context.Background(), simplebare.ReasonMaintenance)
	if err != nil {
		t.Fatal(err)
	}
	if got != simplebare.ReasonVolatility {
		t.Errorf("Halt = %q", got)
	}
	b := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
	diff(t, "body", xmlName(nsSimpleBare, "Reason"), b.Name)
	diff(t, "text", `"Maintenance"`, b.form())
}

// TestSimpleBareAny: Note has no type (xs:anyType): Echo sends its value with xsi:type and returns the
// reply's value as the Go value its xsi:type names.
func TestSimpleBareAny(t *testing.T) {
	srv := newServer(t, envelope11("", `<Note xmlns="`+nsSimpleBare+`" xmlns:xsi="`+nsXSI+`" xmlns:xsd="`+nsXSD+`" xsi:type="xsd:int">42</Note>`))
	c := simplebare.NewQuotesClient(nil)
	c.Endpoint = srv.URL
	got, err := c.Echo(context.Background(), "hello")
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Echo", any(int32(42)), got)
	b := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
	diff(t, "body", xmlName(nsSimpleBare, "Note"), b.Name)
	diff(t, "form", `(string)"hello"`, b.form())
	checkGolden(t, "simplebare", "Echo.request.xml", srv.Last(t).Body)
}
