package behaviour_test

import (
	"context"
	"encoding/xml"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sogen-go/sogen/golden/anytype"
	"github.com/sogen-go/sogen/golden/dictionary"
	"github.com/sogen-go/sogen/soap"
)

const nsAnytype = "http://example.com/sogen/anytype"

var anytypeTypes = types(new(anytype.Bag))

func mustDate(t *testing.T, s string) soap.Date {
	t.Helper()
	d, err := soap.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustTimeOfDay(t *testing.T, s string) soap.TimeOfDay {
	t.Helper()
	d, err := soap.ParseTimeOfDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustDuration(t *testing.T, s string) soap.Duration {
	t.Helper()
	d, err := soap.ParseDuration(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustDecimal(t *testing.T, s string) soap.Decimal {
	t.Helper()
	d, err := soap.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestAnyType checks xs:anyType elements: a value carries xsi:type naming its type (XML Schema Part 1
// section 2.6.1), so that it can be read back as the same value.
func TestAnyType(t *testing.T) {
	ctx := context.Background()
	an := func(local string) xml.Name { return xml.Name{Space: nsAnytype, Local: local} }
	xsd := func(local string) xml.Name { return xml.Name{Space: nsXSD, Local: local} }
	echoReply := envelope11("", `<EchoResponse xmlns="`+nsAnytype+`"/>`)

	// echo sends v with Echo and returns the value element of the request, and the request's
	// Echo decoded strictly.
	echo := func(t *testing.T, v any) (*node, *anytype.Echo) {
		t.Helper()
		srv := newServer(t, echoReply)
		c := anytype.NewAnythingClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.Echo(ctx, v); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		var back anytype.Echo
		if err := decodeBody(req.Body, &back, anytypeTypes); err != nil {
			t.Fatalf("decoding the request: %v", err)
		}
		if len(op.Children) == 0 {
			return nil, &back
		}
		return op.Children[0], &back
	}

	at := time.Date(2024, 3, 1, 12, 30, 0, 0, time.UTC)
	qname := xml.Name{Space: "urn:example:codes", Local: "Overdue"}
	// (Every Bag here has a Many, so that decoding records no state for it; see TestNillable for the
	// state recorded for a repeated element that does not occur.)
	bag := &anytype.Bag{Maybe: "inner", Always: int32(1), Many: []any{"m"}}
	for _, tc := range []struct {
		name string
		in   any
		typ  xml.Name
		text string // "" for a complex value
		out  any    // the value decoding gives back; nil means in
	}{
		{"string", "héllo <&> wörld", xsd("string"), "héllo <&> wörld", nil},
		{"bool", true, xsd("boolean"), "true", nil},
		{"int8", int8(-8), xsd("byte"), "-8", nil},
		{"int16", int16(-16000), xsd("short"), "-16000", nil},
		{"int32", int32(-2147483648), xsd("int"), "-2147483648", nil},
		{"int64", int64(-9223372036854775808), xsd("long"), "-9223372036854775808", nil},
		{"int", int(-1), xsd("long"), "-1", int64(-1)},
		{"uint8", uint8(255), xsd("unsignedByte"), "255", nil},
		{"uint16", uint16(65535), xsd("unsignedShort"), "65535", nil},
		{"uint32", uint32(4294967295), xsd("unsignedInt"), "4294967295", nil},
		{"uint64", uint64(18446744073709551615), xsd("unsignedLong"), "18446744073709551615", nil},
		{"uint", uint(7), xsd("unsignedLong"), "7", uint64(7)},
		{"float32", float32(1.5), xsd("float"), "1.5", nil},
		{"float32 INF", float32(math.Inf(1)), xsd("float"), "INF", nil},
		{"float64", 0.1, xsd("double"), "0.1", nil},
		{"float64 -INF", math.Inf(-1), xsd("double"), "-INF", nil},
		{"float64 NaN", math.NaN(), xsd("double"), "NaN", nil},
		{"[]byte", []byte("\x00\x01binary\xff"), xsd("base64Binary"), "AAFiaW5hcnn/", nil},
		{"DateTime", mustDateTime(t, "2024-02-29T23:59:59.1234567+14:00"), xsd("dateTime"), "2024-02-29T23:59:59.1234567+14:00", nil},
		{"time.Time", at, xsd("dateTime"), "2024-03-01T12:30:00Z", mustDateTime(t, "2024-03-01T12:30:00Z")},
		{"Date", mustDate(t, "2024-02-29"), xsd("date"), "2024-02-29", nil},
		{"TimeOfDay", mustTimeOfDay(t, "23:59:59.5"), xsd("time"), "23:59:59.5", nil},
		{"Duration", mustDuration(t, "-P1DT2H3.25S"), xsd("duration"), "-P1DT2H3.25S", nil},
		{"Decimal", mustDecimal(t, "-123.450"), xsd("decimal"), "-123.450", nil},
		{"xml.Name", qname, xsd("QName"), "", nil},
		{"generated complex type", bag, an("Bag"), "", nil},
	} {
		t.Run(tc.name+" writes its xsi:type and decodes back", func(t *testing.T) {
			v, back := echo(t, tc.in)
			if v == nil {
				t.Fatal("no value element")
			}
			diff(t, "element", an("value"), v.Name)
			diff(t, "xsi:type", tc.typ, v.Type)
			if tc.text != "" {
				diff(t, "text", tc.text, v.Text)
			}
			want := tc.out
			if want == nil {
				want = tc.in
			}
			diff(t, "decoded value", want, back.Value, cmpopts.EquateNaNs())
		})
	}

	t.Run("xml.Name is written with a prefix declared for its namespace", func(t *testing.T) {
		_, back := echo(t, qname)
		diff(t, "decoded", qname, back.Value)
		srv := newServer(t, echoReply)
		c := anytype.NewAnythingClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.Echo(ctx, qname); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "anytype", "Echo.QName.request.xml", srv.Last(t).Body)
	})

	t.Run("a generated type is written with its own xsi:type and content", func(t *testing.T) {
		v, _ := echo(t, bag)
		diff(t, "forms", []string{`Maybe=(string)"inner"`, `Always=(int)"1"`, `Many=(string)"m"`}, v.childForms())
	})

	t.Run("a value of an unsupported Go type is an encoding error", func(t *testing.T) {
		srv := newServer(t, echoReply)
		c := anytype.NewAnythingClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.Echo(ctx, complex(1, 2)); err == nil {
			t.Error("Echo(complex128) succeeded")
		}
		if n := len(srv.Requests()); n != 0 {
			t.Errorf("%d request(s) sent", n)
		}
	})

	// A reply in the style of a WCF server: xsi bound to i, the XML Schema namespace to another prefix.
	typedReply := func(attrs, content string) []byte {
		return envelope11("", `<EchoResponse xmlns="`+nsAnytype+`" xmlns:i="`+nsXSI+`" xmlns:d="`+nsXSD+`">`+
			`<Response `+attrs+`>`+content+`</Response></EchoResponse>`)
	}
	for _, tc := range []struct {
		name, attrs, content string
		want                 any
	}{
		{"int", `i:type="d:int"`, "42", int32(42)},
		{"string with surrounding space kept", `i:type="d:string"`, "  two  words ", "  two  words "},
		{"boolean 1", `i:type="d:boolean"`, "1", true},
		{"dateTime kept as written", `i:type="d:dateTime"`, "2024-01-01T00:00:00.0000000", mustDateTime(t, "2024-01-01T00:00:00.0000000")},
		{"QName with a prefix declared on the element", `xmlns:c="urn:example:codes" i:type="d:QName"`, "c:Overdue", qname},
		{"complex type through the registry", `xmlns:t="` + nsAnytype + `" i:type="t:Bag"`, `<Always i:type="d:long">5</Always><Many i:type="d:short">6</Many>`,
			&anytype.Bag{Always: int64(5), Many: []any{int16(6)}}},
		{"hexBinary", `i:type="d:hexBinary"`, "0FB7", soap.HexBinary{0x0f, 0xb7}},
		{"anyURI", `i:type="d:anyURI"`, " http://example.com/a ", soap.AnyURI("http://example.com/a")},
		{"gYear", `i:type="d:gYear"`, "2024", soap.GYear("2024")},
		{"WCF char", `xmlns:s="` + nsSer + `" i:type="s:char"`, "65", soap.Char('A')},
		{"WCF guid", `xmlns:s="` + nsSer + `" i:type="s:guid"`, "6f9619ff-8b86-d011-b42d-00c04fc964ff", soap.GUID("6f9619ff-8b86-d011-b42d-00c04fc964ff")},
		{"WCF duration", `xmlns:s="` + nsSer + `" i:type="s:duration"`, "PT1H", soap.TimeSpan{Duration: wireDuration("PT1H")}},
	} {
		t.Run("a reply's "+tc.name+" decodes to its Go value", func(t *testing.T) {
			srv := newServer(t, typedReply(tc.attrs, tc.content))
			c := anytype.NewAnythingClient(nil)
			c.Endpoint = srv.URL
			got, err := c.Echo(ctx, "x")
			if err != nil {
				t.Fatal(err)
			}
			diff(t, "Echo", tc.want, got)
		})
	}

	unknown := `<Response xmlns:x="urn:example:money" xmlns:i="` + nsXSI + `" i:type="x:Money" currency="NOK" x:rounding="half-even">` +
		`<x:Amount>12.50</x:Amount><x:Note lang="nb">tolv &amp; femti</x:Note></Response>`
	for _, tc := range []struct {
		name, element string
		want          *soap.Element
	}{
		{"an unknown xsi:type", unknown, &soap.Element{
			Name: an("Response"),
			Type: xml.Name{Space: "urn:example:money", Local: "Money"},
			Attr: []xml.Attr{
				{Name: xml.Name{Local: "currency"}, Value: "NOK"},
				{Name: xml.Name{Space: "urn:example:money", Local: "rounding"}, Value: "half-even"},
			},
			Content: []soap.Node{
				{Element: &soap.Element{Name: xml.Name{Space: "urn:example:money", Local: "Amount"}, Content: []soap.Node{{Text: "12.50"}}}},
				{Element: &soap.Element{
					Name:    xml.Name{Space: "urn:example:money", Local: "Note"},
					Attr:    []xml.Attr{{Name: xml.Name{Local: "lang"}, Value: "nb"}},
					Content: []soap.Node{{Text: "tolv & femti"}},
				}},
			},
		}},
		{"xs:anyType as xsi:type", `<Response xmlns:i="` + nsXSI + `" xmlns:d="` + nsXSD + `" i:type="d:anyType">0FB7</Response>`, &soap.Element{
			Name: an("Response"), Type: xsd("anyType"), Content: []soap.Node{{Text: "0FB7"}},
		}},
		{"no xsi:type", `<Response><Inner>text</Inner></Response>`, &soap.Element{
			Name:    an("Response"),
			Content: []soap.Node{{Element: &soap.Element{Name: an("Inner"), Content: []soap.Node{{Text: "text"}}}}},
		}},
	} {
		t.Run(tc.name+" is kept as *soap.Element and re-encoded unchanged", func(t *testing.T) {
			reply := envelope11("", `<EchoResponse xmlns="`+nsAnytype+`">`+tc.element+`</EchoResponse>`)
			srv := newServer(t, reply)
			c := anytype.NewAnythingClient(nil)
			c.Endpoint = srv.URL
			got, err := c.Echo(ctx, "x")
			if err != nil {
				t.Fatal(err)
			}
			diff(t, "Echo", tc.want, got)

			if _, err := c.Echo(ctx, got); err != nil {
				t.Fatal(err)
			}
			sent := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).mustFind(t, nsAnytype, "value")
			orig := parseTree(t, reply).mustFind(t, nsAnytype, "Response")
			orig.Name = sent.Name // the element takes the name of the slot it fills
			diff(t, "re-encoded element", orig, sent, ignoreTypeText)
		})
	}

	t.Run("nil: left out when optional, an empty element when required, xsi:nil when asked or required nillable", func(t *testing.T) {
		v, back := echo(t, nil)
		if v != nil {
			t.Errorf("Echo(nil) sent %s", v.form())
		}
		diff(t, "decoded", &anytype.Echo{}, back)

		b := &anytype.Bag{}
		diff(t, "Bag{} forms", []string{`Always=empty`}, parseTree(t, mustMarshal(t, b, an("Bag"))).childForms())
		b.Presence.SetNil("Maybe")
		data := mustMarshal(t, b, an("Bag"))
		diff(t, "Bag with Maybe nil forms", []string{`Maybe=nil`, `Always=empty`}, parseTree(t, data).childForms())
		var got anytype.Bag
		if err := decodeXML(data, &got, anytypeTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "Maybe decoded", nil, got.Maybe)
		if !got.Presence.IsNil("Maybe") {
			t.Error("Presence does not record Maybe as nil")
		}
		diff(t, "re-encoded", parseTree(t, data), parseTree(t, mustMarshal(t, &got, an("Bag"))), ignoreTypeText)

		// The only required nillable xs:anyType element of the fixtures is the Value of the
		// dictionary case's Metadata.
		book := &dictionary.AddressBook{Metadata: map[string]any{"k": nil}}
		meta := parseTree(t, mustMarshal(t, book, xml.Name{Space: nsDictionary, Local: "Book"})).mustFind(t, nsDictionary, "Metadata")
		diff(t, "Metadata forms", []string{`MetadataKeyValuePair={Key="k" Value=nil}`}, meta.childForms())
	})

	t.Run("repeated xs:anyType values of mixed types round-trip", func(t *testing.T) {
		in := &anytype.Bag{
			Always: "always",
			Many:   []any{int32(1), "two", 3.0, mustDate(t, "2024-01-03"), &anytype.Bag{Always: false, Many: []any{uint8(9)}}},
		}
		srv := newServer(t, envelope11("", `<PackResponse xmlns="`+nsAnytype+`"/>`))
		c := anytype.NewAnythingClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.Pack(ctx, in); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkGolden(t, "anytype", "Pack.request.xml", req.Body)
		var back anytype.Pack
		if err := decodeBody(req.Body, &back, anytypeTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded Bag", in, back.Bag)
	})
}
