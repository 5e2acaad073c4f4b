package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/lists"
)

const nsLists = "http://example.com/sogen/lists"

// TestLists checks xs:list (XML Schema Part 2 section 2.5.1.2: items separated by white space,
// written with single spaces) and xs:union (section 2.5.1.3), whose values are kept as the text
// received.
func TestLists(t *testing.T) {
	ctx := context.Background()
	ln := func(local string) xml.Name { return xml.Name{Space: nsLists, Local: local} }

	t.Run("Measure writes lists separated by spaces and decodes a reply's list", func(t *testing.T) {
		reply := envelope11("", `<MeasureResponse xmlns="`+nsLists+`"><sizes>
			1  -2
			3 </sizes></MeasureResponse>`)
		srv := newServer(t, reply)
		c := lists.NewListsClient(nil)
		c.Endpoint = srv.URL
		// Measure has an attribute, so the request is passed whole rather than as parameters.
		got, err := c.Measure(ctx, &lists.Measure{
			Sizes:   lists.Sizes{10, 0, -7},
			Days:    lists.Days{mustDate(t, "2024-02-29"), mustDate(t, "2025-01-01Z")},
			Codes:   lists.Codes{"AB", "C"},
			Ratios:  []lists.Ratios{{0.5, 1}, {}},
			Either:  "big",
			Expires: "never",
			Points:  &lists.Sizes{1, 2},
		})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "reply", lists.Sizes{1, -2, 3}, got)
		req := srv.Last(t)
		checkHTTP11(t, req, nsLists+"/Measure")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "Measure", []string{`sizes="10 0 -7"`, `days="2024-02-29 2025-01-01Z"`, `codes="AB C"`,
			`ratios="0.5 1"`, `ratios=empty`, `either="big"`, `expires="never"`}, op.childForms())
		diff(t, "points", map[xml.Name]string{{Local: "points"}: "1 2"}, op.attrMap())
		checkGolden(t, "lists", "Measure.request.xml", req.Body)
	})

	t.Run("a list attribute, nil lists and empty lists round trip", func(t *testing.T) {
		m := &lists.Measure{Sizes: lists.Sizes{}, Either: "1", Points: &lists.Sizes{4, 5}}
		data := mustMarshal(t, m, ln("Measure"))
		tree := parseTree(t, data)
		// expires is an optional string: "" is a value, sent like every string (see the README).
		diff(t, "forms", []string{`sizes=empty`, `either="1"`, `expires=empty`}, tree.childForms())
		diff(t, "points", map[xml.Name]string{{Local: "points"}: "4 5"}, tree.attrMap())
		var back lists.Measure
		if err := decodeXML(data, &back, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded", m, &back)
	})

	t.Run("a malformed item is a decoding error", func(t *testing.T) {
		var v lists.MeasureResponse
		if err := decodeXML([]byte(`<MeasureResponse xmlns="`+nsLists+`"><sizes>1 two</sizes></MeasureResponse>`), &v, nil); err == nil {
			t.Error("decoding a list holding a non-integer succeeded")
		}
	})

	t.Run("a nil list of a nillable element is sent as xsi:nil", func(t *testing.T) {
		tree := parseTree(t, mustMarshal(t, &lists.MeasureResponse{}, ln("MeasureResponse")))
		diff(t, "forms", []string{`sizes=nil`}, tree.childForms())
	})
}
