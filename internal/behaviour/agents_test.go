package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/agents"
)

const nsAgents = "http://example.com/sogen/agents"

// TestAgentsShareTypes generates two agents (Orders and Billing, each WSDL repeating the shared types)
// into one package: a Customer returned by one agent is passed as it is to the other, and both send
// the same header type's blocks under their own clients.
func TestAgentsShareTypes(t *testing.T) {
	ctx := context.Background()
	orders := newServer(t, envelope11("", `<GetCustomerResponse xmlns="`+nsAgents+`"><Response>`+
		`<CustomerId>7</CustomerId><Name>Ada</Name><Balance><Amount>12.50</Amount><Currency>NOK</Currency></Balance>`+
		`</Response></GetCustomerResponse>`))
	billing := newServer(t, envelope11("", `<SendInvoiceResponse xmlns="`+nsAgents+`"><Response>`+
		`<Number>INV-1</Number></Response></SendInvoiceResponse>`))

	oc := agents.NewOrdersClient(nil)
	oc.Endpoint = orders.URL
	oc.Header.Credentials = &agents.Credentials{Ticket: "t-1"}
	bc := agents.NewBillingClient(nil)
	bc.Endpoint = billing.URL
	bc.Header.Credentials = oc.Header.Credentials // one Credentials type for both agents

	customer, err := oc.GetCustomer(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if customer.Name != "Ada" || customer.Balance == nil || customer.Balance.Currency != agents.CurrencyNOK ||
		customer.Balance.Amount.String() != "12.50" {
		t.Fatalf("customer = %+v (balance %+v)", customer, customer.Balance)
	}
	// The shared Money and Customer values go to the other agent unchanged.
	inv, err := bc.SendInvoice(ctx, customer, customer.Balance)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Number != "INV-1" {
		t.Errorf("invoice number %q", inv.Number)
	}
	req := billing.Last(t)
	checkHTTP11(t, req, "http://example.com/sogen/agents/Billing/SendInvoice")
	checkGolden(t, "agents", "SendInvoice.request.xml", req.Body)
	env := checkEnvelope(t, req.Body, nsEnv11)
	headerOf(env).mustFind(t, nsAgents, "Credentials").mustFind(t, nsAgents, "Ticket")
	op := bodyChild(t, env)
	diff(t, "SendInvoice's children", []xml.Name{xmlName(nsAgents, "customer"), xmlName(nsAgents, "amount")}, op.childNames())
	checkHTTP11(t, orders.Last(t), "http://example.com/sogen/agents/Orders/GetCustomer")
}
