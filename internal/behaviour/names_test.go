package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/names"
)

const nsNames = "http://example.com/sogen/names"

var namesTypes = types(new(names.Widget), new(names.WidgetClient), new(names.Item), new(names.Keywords), new(names.Hostile), new(names.Gadget))

// TestNames checks that Go names chosen for hostile XML names (keywords, punctuation, case-only
// differences) do not leak onto the wire: every element keeps its XML name.
func TestNames(t *testing.T) {
	ctx := context.Background()
	nn := func(local string) xml.Name { return xml.Name{Space: nsNames, Local: local} }

	t.Run("Close writes the keyword-named fields under their XML names", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<CloseResponse xmlns="`+nsNames+`"/>`))
		c := names.NewWidgetClient2(nil)
		c.Endpoint = srv.URL
		kw := &names.Keywords{
			Type: "t", Func: "f", String: "s", Error: "e", Byte: -1, Range: 2, Map: "m", Any: "a", Nil: true, Len: 3,
		}
		if _, err := c.Close(ctx, kw); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/names/Close")
		k := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11)).mustFind(t, nsNames, "keywords")
		diff(t, "element names", []xml.Name{
			nn("type"), nn("func"), nn("string"), nn("error"), nn("byte"), nn("range"), nn("map"), nn("any"), nn("nil"), nn("len"),
		}, k.childNames())
		diff(t, "forms", []string{
			`type="t"`, `func="f"`, `string="s"`, `error="e"`, `byte="-1"`, `range="2"`, `map="m"`, `any=(string)"a"`, `nil="true"`, `len="3"`,
		}, k.childForms())
		checkGolden(t, "names", "Close.request.xml", req.Body)

		var back names.Close
		if err := decodeBody(req.Body, &back, namesTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded request", kw, back.Keywords)
	})

	t.Run("Close decodes the punctuated and initialism names", func(t *testing.T) {
		body := `<CloseResponse xmlns="` + nsNames + `"><Response>` +
			`<user-name>ada</user-name><file.ext>a.txt</file.ext><snake_case>s</snake_case><_private>p</_private>` +
			`<Id>1</Id><userId>2</userId><URL>http://a</URL><HttpUrl>http://b</HttpUrl>` +
			`</Response></CloseResponse>`
		srv := newServer(t, envelope11("", body))
		c := names.NewWidgetClient2(nil)
		c.Endpoint = srv.URL
		got, err := c.Close(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := &names.Hostile{UserName: "ada", FileExt: "a.txt", SnakeCase: "s", Private: "p", ID: 1, UserID: 2, URL: "http://a", HTTPURL: "http://b"}
		diff(t, "Close", want, got)
		again := parseTree(t, mustMarshal(t, got, nn("Response")))
		diff(t, "sent back", parseTree(t, []byte(body)).mustFind(t, nsNames, "Response"), again, ignoreTypeText)
	})

	t.Run("Do keeps ctx, Widget, item and Item apart and returns the whole DoResponse", func(t *testing.T) {
		body := `<DoResponse xmlns="` + nsNames + `"><Response>` +
			`<Widget><Id>7</Id><Name>w</Name></Widget><Gadget>g</Gadget><first_name>Ada</first_name><firstName>Lovelace</firstName>` +
			`</Response><Client><Endpoint>http://example.com/w</Endpoint><Widget><Id>8</Id></Widget></Client></DoResponse>`
		srv := newServer(t, envelope11("", body))
		c := names.NewWidgetClient2(nil)
		c.Endpoint = srv.URL
		got, err := c.Do(ctx, "the ctx", &names.Widget{ID: 1, Name: "one"}, &names.Item{Value: "v", Kind: names.ItemTypeLarge}, names.ItemTypeSmall)
		if err != nil {
			t.Fatal(err)
		}
		want := &names.DoResponse{
			Response: &names.Gadget{Widget: &names.Widget{ID: 7, Name: "w"}, Gadget: "g", FirstName: "Ada", FirstName2: "Lovelace"},
			Client:   &names.WidgetClient{Endpoint: "http://example.com/w", Widget: &names.Widget{ID: 8}},
		}
		diff(t, "Do", want, got)

		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/names/Do")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "Do's children", []xml.Name{nn("ctx"), nn("Widget"), nn("item"), nn("Item")}, op.childNames())
		diff(t, "forms", []string{`ctx="the ctx"`, `Widget={Id="1" Name="one"}`, `item={value="v" kind="large"}`, `Item="small"`}, op.childForms())
		checkGolden(t, "names", "Do.request.xml", req.Body)
	})
}
