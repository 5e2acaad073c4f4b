package behaviour_test

import (
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/attributes"
)

const (
	nsAttributes = "http://example.com/sogen/attributes"
	nsXML        = "http://www.w3.org/XML/1998/namespace"
	nsOther      = "urn:other"
)

var attributesTypes = types(new(attributes.Item), new(attributes.SpecialItem))

// attrMap returns n's attributes (namespace declarations, xsi:type and xsi:nil left out) by name.
func (n *node) attrMap() map[xml.Name]string {
	out := map[xml.Name]string{}
	for _, a := range n.Attr {
		out[a.Name] = a.Value
	}
	return out
}

// TestAttributes checks attributes (XML Schema Part 1 section 3.2): a local attribute is in no
// namespace unless its form is qualified; a global one (reached by ref) is in its schema's target
// namespace; xml:lang keeps the reserved prefix; optional attributes are left out when nil; fixed
// values are enforced; xs:anyAttribute keeps what the type does not declare. It also checks simple
// content: the value is the element's text, its attributes beside it.
func TestAttributes(t *testing.T) {
	ctx := context.Background()
	an := func(local string) xml.Name { return xml.Name{Space: nsAttributes, Local: local} }
	stamp := mustDateTime(t, "2024-02-29T12:00:00Z")
	item := &attributes.Item{
		Name: "bolt", Code: "B-1",
		ID: 7, CodeAttr: ptr("b1"), Kind: ptr(attributes.KindPremium), Currency: ptr("EUR"),
		Stamp: &stamp, Weight: ptr(attributes.ItemWeight(0.5)), Trace: ptr("t-1"), Lang: ptr("nb"),
		CreatedBy: ptr("ada"), Revision: ptr(int32(0)), Source: ptr("http://example.com/src"),
		AnyAttr: []xml.Attr{{Name: xml.Name{Space: nsOther, Local: "flag"}, Value: "on"}},
	}

	t.Run("Store writes every attribute in its namespace and simple content as text", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<StoreResponse xmlns="`+nsAttributes+`"/>`))
		c := attributes.NewAttributesClient(nil)
		c.Endpoint = srv.URL
		total := &attributes.Amount{Value: mustDecimal(t, "12.50"), Currency: "NOK", Rounded: ptr(false)}
		capped := &attributes.Capped{Value: mustDecimal(t, "1000"), Currency: "SEK"}
		note := &attributes.StoreNote{Value: "fragile & <heavy>", Lang: ptr("en")}
		if _, err := c.Store(ctx, item, total, capped, note); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, nsAttributes+"/Store")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		it := op.mustFind(t, nsAttributes, "item")
		diff(t, "item attributes", map[xml.Name]string{
			{Local: "id"}: "7", {Local: "code"}: "b1", {Local: "kind"}: "premium", {Local: "currency"}: "EUR",
			{Local: "schemaVersion"}: "2.0", an("stamp"): "2024-02-29T12:00:00Z", {Local: "weight"}: "0.5",
			an("trace"): "t-1", {Space: nsXML, Local: "lang"}: "nb", {Local: "createdBy"}: "ada",
			{Local: "revision"}: "0", {Local: "source"}: "http://example.com/src", {Space: nsOther, Local: "flag"}: "on",
		}, it.attrMap())
		diff(t, "item children", []string{`name="bolt"`, `code="B-1"`}, it.childForms())
		diff(t, "total", map[xml.Name]string{{Local: "currency"}: "NOK", {Local: "rounded"}: "false"}, op.mustFind(t, nsAttributes, "total").attrMap())
		diff(t, "total text", "12.50", op.mustFind(t, nsAttributes, "total").Text)
		diff(t, "capped", map[xml.Name]string{{Local: "currency"}: "SEK"}, op.mustFind(t, nsAttributes, "capped").attrMap())
		diff(t, "note text", "fragile & <heavy>", op.mustFind(t, nsAttributes, "note").Text)
		if !strings.Contains(string(req.Body), ` xml:lang="nb"`) {
			t.Errorf("xml:lang is not written with the reserved prefix:\n%s", req.Body)
		}
		checkGolden(t, "attributes", "Store.request.xml", req.Body)

		var back attributes.Store
		if err := decodeBody(req.Body, &back, attributesTypes); err != nil {
			t.Fatal(err)
		}
		want := *item
		want.SchemaVersion = wireDecimal("2.0")
		diff(t, "decoded item", &want, back.Item)
		diff(t, "decoded total", total, back.Total)
		diff(t, "decoded capped", capped, back.Capped)
		diff(t, "decoded note", note, back.Note)
	})

	t.Run("nil optional attributes and empty strings with a default are left out; the required fixed attribute sends its value", func(t *testing.T) {
		got := parseTree(t, mustMarshal(t, &attributes.Item{Name: "n"}, an("item")))
		diff(t, "attributes", map[xml.Name]string{{Local: "id"}: "0", {Local: "schemaVersion"}: "2.0"}, got.attrMap())
		// code (default "none") and unit (fixed "kg") cannot carry "": an empty element would mean
		// their default or fixed value, so "" leaves them out.
		diff(t, "children", []string{`name="n"`}, got.childForms())
	})

	t.Run("a fixed attribute with another value is an encoding error", func(t *testing.T) {
		for _, it := range []*attributes.Item{
			{Currency: ptr("USD")},
			{SchemaVersion: mustDecimal(t, "3")},
		} {
			_, err := marshal(it, an("item"))
			if err == nil || !strings.Contains(err.Error(), "is fixed to") {
				t.Errorf("encoding %+v: err = %v, want a fixed-value error", it, err)
			}
		}
		if _, err := marshal(&attributes.Item{SchemaVersion: mustDecimal(t, "2.0")}, an("item")); err != nil {
			t.Errorf("the fixed value itself: %v", err)
		}
	})

	t.Run("a reply decodes attributes of the base and derived type, and keeps unknown ones", func(t *testing.T) {
		reply := envelope11("", `<StoreResponse status="stored" xmlns="`+nsAttributes+`" xmlns:x="`+nsXSI+`" xmlns:a="`+nsAttributes+`" xmlns:o="`+nsOther+`">`+
			`<item x:type="a:SpecialItem" id="9" schemaVersion="2.0" a:stamp="2024-01-01T00:00:00+01:00" discount="15" o:extra="x" xml:lang="de">`+
			`<name>nut</name><reason>sale</reason></item></StoreResponse>`)
		srv := newServer(t, reply)
		c := attributes.NewAttributesClient(nil)
		c.Endpoint = srv.URL
		resp, err := c.Store(ctx, item, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "status", ptr("stored"), resp.Status)
		got := resp.Item
		st := mustDateTime(t, "2024-01-01T00:00:00+01:00")
		want := &attributes.SpecialItem{
			Item: attributes.Item{
				Name: "nut", ID: 9, SchemaVersion: wireDecimal("2.0"), Stamp: &st, Lang: ptr("de"),
				AnyAttr: []xml.Attr{{Name: xml.Name{Space: nsOther, Local: "extra"}, Value: "x"}},
			},
			Reason:   "sale",
			Discount: ptr(int32(15)),
		}
		diff(t, "Store", AnyItemOf(want), got)

		again := parseTree(t, mustMarshal(t, got, an("item")))
		diff(t, "sent back", map[xml.Name]string{
			{Local: "id"}: "9", {Local: "schemaVersion"}: "2.0", an("stamp"): "2024-01-01T00:00:00+01:00",
			{Space: nsXML, Local: "lang"}: "de", {Space: nsOther, Local: "extra"}: "x", {Local: "discount"}: "15",
		}, again.attrMap())
	})

	t.Run("a malformed attribute value is a decoding error naming the attribute", func(t *testing.T) {
		var it attributes.Item
		err := decodeXML([]byte(`<item xmlns="`+nsAttributes+`" id="seven"><name>x</name></item>`), &it, nil)
		if err == nil || !strings.Contains(err.Error(), "attribute id") {
			t.Errorf("err = %v, want an error naming attribute id", err)
		}
	})
}

// AnyItemOf returns v as an attributes.AnyItem, for comparisons with a decoded interface value.
func AnyItemOf(v attributes.AnyItem) attributes.AnyItem { return v }
