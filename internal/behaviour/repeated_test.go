package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/repeated"
	"github.com/sogen-go/sogen/soap"
)

const nsRepeated = "http://example.com/sogen/repeated"

// TestRepeatedSequence checks repeated model groups (XML Schema Part 1 section 3.8, maxOccurs on
// xs:sequence or on a group reference): a repeated sequence of one element is that element repeated;
// any other repeated sequence is a slice of occurrences, each written as its elements in schema order,
// and read back by starting a new occurrence whenever an element cannot follow the last one read.
func TestRepeatedSequence(t *testing.T) {
	ctx := context.Background()

	t.Run("Store writes every occurrence's elements in order and reads them back", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<StoreResponse xmlns="`+nsRepeated+`"><settings><scope>s</scope><key>a</key><value>1</value><key>b</key><value>2</value></settings></StoreResponse>`))
		c := repeated.NewRepeatedClient(nil)
		c.Endpoint = srv.URL
		names := &repeated.Strings{String: []string{"x", "y", "z"}}
		settings := &repeated.Settings{Scope: "all", KeyAndValue: []*repeated.SettingsKeyAndValue{{Key: "a", Value: 1}, {Key: "b", Value: 0}}}
		entries := &repeated.Entries{Sequence: []*repeated.EntriesSequence{
			{Title: "one", Tag: []string{"t1", "t2"}},
			{Title: "two", Summary: "s", EmailOrPhone: []*repeated.EntriesSequenceEmailOrPhone{{Email: ptr("e@x")}, {Phone: ptr(int64(5))}}},
		}}
		path := &repeated.Path{Point: []*repeated.PathPoint{{X: 1, Y: 2}, {X: 3, Y: 4}}}
		extra := &repeated.Extensible{ID: 7, Any: []*soap.Element{{Name: xml.Name{Space: "urn:other", Local: "x"}, Content: []soap.Node{{Text: "1"}}}}}
		got, err := c.Store(ctx, names, settings, entries, path, extra)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "reply", &repeated.Settings{Scope: "s", KeyAndValue: []*repeated.SettingsKeyAndValue{{Key: "a", Value: 1}, {Key: "b", Value: 2}}}, got)
		req := srv.Last(t)
		checkHTTP11(t, req, nsRepeated+"/Store")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "Store", []string{
			`names={String="x" String="y" String="z"}`,
			`settings={scope="all" key="a" value="1" key="b" value="0"}`,
			`entries={title="one" summary=empty tag="t1" tag="t2" title="two" summary="s" email="e@x" phone="5"}`,
			`path={x="1" y="2" x="3" y="4"}`,
			`extra={id="7" x="1"}`,
		}, op.childForms())
		checkGolden(t, "repeated", "Store.request.xml", req.Body)

		var back repeated.Store
		if err := decodeBody(req.Body, &back, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded", &repeated.Store{Names: names, Settings: settings, Entries: entries, Path: path, Extra: extra}, &back)
	})

	t.Run("an element starts a new occurrence when it cannot follow the last one read", func(t *testing.T) {
		var got repeated.Entries
		doc := `<entries xmlns="` + nsRepeated + `"><title>a</title><tag>x</tag><tag>y</tag>` +
			`<title>b</title><summary>s</summary><phone>1</phone><email>e</email><phone>2</phone>` +
			`<summary>alone</summary><title>c</title></entries>`
		if err := decodeXML([]byte(doc), &got, nil); err != nil {
			t.Fatal(err)
		}
		want := repeated.Entries{Sequence: []*repeated.EntriesSequence{
			{Title: "a", Tag: []string{"x", "y"}},
			{Title: "b", Summary: "s", EmailOrPhone: []*repeated.EntriesSequenceEmailOrPhone{{Phone: ptr(int64(1))}, {Email: ptr("e")}, {Phone: ptr(int64(2))}}},
			// summary cannot follow the choice: it starts an occurrence (whose title is missing).
			{Summary: "alone"},
			{Title: "c"},
		}}
		diff(t, "entries", want, got)
	})

	t.Run("a nil occurrence is an encoding error", func(t *testing.T) {
		if _, err := marshal(&repeated.Settings{Scope: "s", KeyAndValue: []*repeated.SettingsKeyAndValue{nil}}, xml.Name{Space: nsRepeated, Local: "settings"}); err == nil {
			t.Error("encoding a nil occurrence succeeded")
		}
	})
}
