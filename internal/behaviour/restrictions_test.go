package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/restrictions"
	"github.com/sogen-go/sogen/soap"
)

const nsRestrictions = "http://example.com/sogen/restrictions"

var restrictionsTypes = types(new(restrictions.Measurement))

// TestRestrictions checks simple types derived by restriction (XML Schema Part 2 section 4.1.2): their
// values are written as their base type writes them.
func TestRestrictions(t *testing.T) {
	ctx := context.Background()
	rn := func(local string) xml.Name { return xml.Name{Space: nsRestrictions, Local: local} }

	m := &restrictions.Measurement{
		Initial:     restrictions.Char('Å'),
		Elapsed:     mustDuration(t, "PT1H2M3.4567891S"),
		ID:          "0f8fad5b-d9cb-469f-a165-70867728950e",
		Name:        "Widget",
		Currency:    "NOK",
		Progress:    42,
		Discount:    0,
		Amount:      mustDecimal(t, "1234567890.10"),
		PreviousIds: []restrictions.GUID{"7c9e6679-7425-40de-944b-e07fc1f90ae7", "C56A4180-65AA-42EC-A945-5FD21DEC0538"},
	}

	t.Run("Record sends every restricted type as its base type and decodes back", func(t *testing.T) {
		reply := envelope11("", `<RecordResponse xmlns="`+nsRestrictions+`"><Response>`+
			`<Initial>65</Initial><Elapsed>-P10675199DT2H48M5.4775808S</Elapsed><Id>00000000-0000-0000-0000-000000000000</Id>`+
			`<Name xmlns:i="`+nsXSI+`" i:nil="true"/><Currency>EUR</Currency><Progress>100</Progress><Discount>10</Discount>`+
			`<Amount>-0.01</Amount><PreviousIds>7c9e6679-7425-40de-944b-e07fc1f90ae7</PreviousIds>`+
			`</Response></RecordResponse>`)
		srv := newServer(t, reply)
		c := restrictions.NewMeasurementsClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Record(ctx, m, "6fa459ea-ee8a-3ca4-894e-db77e160355e")
		if err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/restrictions/Record")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "request", []string{
			`measurement={Initial="197" Elapsed="PT1H2M3.4567891S" Id="0f8fad5b-d9cb-469f-a165-70867728950e" ` +
				`Name="Widget" Currency="NOK" Progress="42" Discount="0" Amount="1234567890.10" ` +
				`PreviousIds="7c9e6679-7425-40de-944b-e07fc1f90ae7" PreviousIds="C56A4180-65AA-42EC-A945-5FD21DEC0538"}`,
			`correlation="6fa459ea-ee8a-3ca4-894e-db77e160355e"`,
		}, op.childForms())
		checkGolden(t, "restrictions", "Record.request.xml", req.Body)

		var back restrictions.Record
		if err := decodeBody(req.Body, &back, restrictionsTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded request", &restrictions.Record{Measurement: m, Correlation: "6fa459ea-ee8a-3ca4-894e-db77e160355e"}, &back)

		want := &restrictions.Measurement{
			Initial:     'A',
			Elapsed:     mustDuration(t, "-P10675199DT2H48M5.4775808S"),
			ID:          "00000000-0000-0000-0000-000000000000",
			Currency:    "EUR",
			Progress:    100,
			Discount:    10,
			Amount:      mustDecimal(t, "-0.01"),
			PreviousIds: []restrictions.GUID{"7c9e6679-7425-40de-944b-e07fc1f90ae7"},
			Presence:    presence(map[string]soap.State{"Name": soap.Nil}),
		}
		diff(t, "Record", want, got)
		again := parseTree(t, mustMarshal(t, got, rn("Response")))
		diff(t, "reply sent back", parseTree(t, reply).mustFind(t, nsRestrictions, "Response"), again, ignoreTypeText)
	})

	// The empty string is not a ser:guid (its pattern does not match it): like an enumeration's, a
	// guid's zero value means "no value", and the optional Id is left out.
	t.Run("zero values: an empty guid and a nillable restricted string are left out, numbers are sent", func(t *testing.T) {
		tree := parseTree(t, mustMarshal(t, &restrictions.Measurement{Currency: "USD", Amount: mustDecimal(t, "0")}, rn("Measurement")))
		diff(t, "forms", []string{
			`Initial="0"`, `Elapsed="PT0S"`, `Currency="USD"`, `Progress="0"`, `Discount="0"`, `Amount="0"`,
		}, tree.childForms())
	})

	// correlation is an optional ser:guid, a string restricted by a pattern that "" does not match
	// (XML Schema Part 2 section 4.3.4): an empty correlation element is invalid, and a WCF service
	// rejects it ("The string '' is not a valid Guid"). The generated Record method takes the GUID as
	// a parameter and offers no Presence, so leaving the element out must follow from the zero value.
	t.Run("Record without a correlation leaves the optional guid out", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<RecordResponse xmlns="`+nsRestrictions+`"/>`))
		c := restrictions.NewMeasurementsClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.Record(ctx, nil, ""); err != nil {
			t.Fatal(err)
		}
		op := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "request", []string(nil), op.childForms())
	})
}
