package behaviour_test

import (
	"context"
	"encoding/xml"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sogen-go/sogen/golden/builtins"
)

const nsBuiltins = "http://example.com/sogen/builtins"

var builtinsTypes = types(new(builtins.Builtins))

// builtinsOrder is the schema order of Builtins' elements.
var builtinsOrder = []string{
	"String", "NormalizedString", "Token", "Language", "Name", "NCName", "ID", "IDREF", "IDREFS",
	"ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS", "AnyURI", "QName", "Boolean", "Decimal", "Integer",
	"NonPositiveInteger", "NegativeInteger", "Long", "Int", "Short", "Byte", "NonNegativeInteger",
	"UnsignedLong", "UnsignedInt", "UnsignedShort", "UnsignedByte", "PositiveInteger", "Float",
	"Double", "Duration", "DateTime", "Date", "Time", "GYearMonth", "GYear", "GMonthDay", "GDay",
	"GMonth", "HexBinary", "Base64Binary", "AnyType", "AnySimpleType",
}

// TestBuiltins checks that a value of every XML Schema built-in type (Part 2 section 3) is sent back
// exactly as it was received.
func TestBuiltins(t *testing.T) {
	ctx := context.Background()
	bn := func(local string) xml.Name { return xml.Name{Space: nsBuiltins, Local: local} }
	qn := xml.Name{Space: "urn:example:q", Local: "local-name"}

	every := &builtins.Builtins{
		String:             " keep\tall  white\nspace ",
		NormalizedString:   "no tabs or line ends",
		Token:              "one two three",
		Language:           "nb-NO",
		Name:               "x:name",
		NCName:             "nc-name",
		ID:                 "id1",
		IDREF:              "id1",
		IDREFS:             "id1 id2",
		ENTITY:             "ent",
		ENTITIES:           "ent1 ent2",
		NMTOKEN:            "-1.a",
		NMTOKENS:           "a b",
		AnyURI:             "http://example.com/a%20b?x=1&y=2#frag",
		QName:              qn,
		Boolean:            true,
		Decimal:            mustDecimal(t, "-1234567890.0987654321"),
		Integer:            math.MinInt64,
		NonPositiveInteger: 0,
		NegativeInteger:    -1,
		Long:               math.MaxInt64,
		Int:                math.MinInt32,
		Short:              math.MaxInt16,
		Byte:               math.MinInt8,
		NonNegativeInteger: math.MaxUint64,
		UnsignedLong:       math.MaxUint64,
		UnsignedInt:        math.MaxUint32,
		UnsignedShort:      math.MaxUint16,
		UnsignedByte:       math.MaxUint8,
		PositiveInteger:    1,
		Float:              float32(math.Inf(-1)),
		Double:             math.NaN(),
		Duration:           mustDuration(t, "P1Y2M3DT4H5M6.789S"),
		DateTime:           mustDateTime(t, "2024-02-29T12:00:00.5+01:00"),
		Date:               mustDate(t, "2024-02-29Z"),
		Time:               mustTimeOfDay(t, "23:59:59.999"),
		GYearMonth:         "2024-02",
		GYear:              "-0044",
		GMonthDay:          "--02-29",
		GDay:               "---31",
		GMonth:             "--12",
		HexBinary:          []byte{0x0f, 0xb7, 0x00},
		Base64Binary:       []byte("any carnal pleas"),
		AnyType:            int32(5),
		AnySimpleType:      "simple",
	}

	t.Run("EchoBuiltins sends every type and the request decodes back to the same values", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<EchoBuiltinsResponse xmlns="`+nsBuiltins+`"/>`))
		c := builtins.NewTypesClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.EchoBuiltins(ctx, every); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/builtins/EchoBuiltins")
		v := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11)).mustFind(t, nsBuiltins, "value")
		var names []string
		for _, c := range v.Children {
			names = append(names, c.Name.Local)
		}
		diff(t, "elements, in schema order", builtinsOrder, names)
		checkGolden(t, "builtins", "EchoBuiltins.request.xml", req.Body)

		var back builtins.EchoBuiltins
		if err := decodeBody(req.Body, &back, builtinsTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded", every, back.Value, cmpopts.EquateNaNs())
	})

	// Each text, as a server may send it, must come back unchanged.
	for _, tc := range []struct{ field, text string }{
		{"String", " keep\tall  white\nspace "},
		{"String", "carriage\r\nreturns\r"},
		{"String", "markup <&> \"quotes\" 'apos'"},
		{"String", "emoji 🎉 and CJK 漢字"},
		{"NormalizedString", "a b c"},
		{"Token", "a b c"},
		{"Language", "en-GB"},
		{"Name", "_a:b.c-d"},
		{"NCName", "_a.b-c"},
		{"ID", "x1"},
		{"IDREF", "x1"},
		{"IDREFS", "x1 x2"},
		{"ENTITY", "e"},
		{"ENTITIES", "e f"},
		{"NMTOKEN", "1.5"},
		{"NMTOKENS", "1.5 x"},
		{"AnyURI", "urn:isbn:0451450523"},
		{"AnyURI", ""},
		{"Boolean", "true"},
		{"Boolean", "false"},
		{"Decimal", "123.4500"},
		{"Decimal", "-0.000001"},
		{"Decimal", "+1"},
		{"Decimal", "100000000000000000000000000000.1"},
		{"Integer", "-9223372036854775808"},
		{"NonPositiveInteger", "-5"},
		{"NegativeInteger", "-9223372036854775808"},
		{"Long", "9223372036854775807"},
		{"Int", "-2147483648"},
		{"Short", "-32768"},
		{"Byte", "127"},
		{"NonNegativeInteger", "18446744073709551615"},
		{"UnsignedLong", "18446744073709551615"},
		{"UnsignedInt", "4294967295"},
		{"UnsignedShort", "65535"},
		{"UnsignedByte", "255"},
		{"PositiveInteger", "1"},
		{"Float", "INF"},
		{"Float", "-INF"},
		{"Float", "NaN"},
		{"Float", "0.1"},
		{"Float", "-0"},
		{"Float", "3.4028235E+38"},
		{"Float", "1E-45"},
		{"Double", "INF"},
		{"Double", "-INF"},
		{"Double", "NaN"},
		{"Double", "1.7976931348623157E+308"},
		{"Double", "5E-324"},
		{"Double", "0.30000000000000004"},
		{"Duration", "-P1Y2M3DT4H5M6.789S"},
		{"DateTime", "2024-02-29T12:00:00.1234567-03:30"},
		{"Date", "2024-02-29-03:30"},
		{"Time", "00:00:00Z"},
		{"GYearMonth", "2024-02Z"},
		{"GYear", "2024"},
		{"GMonthDay", "--12-31+14:00"},
		{"GDay", "---01"},
		{"GMonth", "--01"},
		{"HexBinary", "0FB700"},
		{"HexBinary", ""},
		{"Base64Binary", "YW55IGNhcm5hbCBwbGVhcw=="},
		{"Base64Binary", ""},
		{"AnySimpleType", " as is "},
	} {
		t.Run(tc.field+" "+tc.text+" is sent back as it came", func(t *testing.T) {
			doc := []byte(`<Builtins xmlns="` + nsBuiltins + `"><` + tc.field + `>` + escapeText(tc.text) + `</` + tc.field + `></Builtins>`)
			var v builtins.Builtins
			if err := decodeXML(doc, &v, builtinsTypes); err != nil {
				t.Fatal(err)
			}
			again := mustMarshal(t, &v, bn("Builtins"))
			n := parseTree(t, again).find(nsBuiltins, tc.field)
			if n == nil {
				t.Fatalf("%s not sent back: %s", tc.field, again)
			}
			diff(t, "text sent back", tc.text, n.Text)
		})
	}

	t.Run("QName with a prefix declared on the element is sent back as the same name", func(t *testing.T) {
		for _, doc := range []string{
			`<Builtins xmlns="` + nsBuiltins + `"><QName xmlns:q="urn:example:q">q:local-name</QName></Builtins>`,
			`<b:Builtins xmlns:b="` + nsBuiltins + `"><b:QName xmlns="urn:example:q">local-name</b:QName></b:Builtins>`,
			`<Builtins xmlns="` + nsBuiltins + `" xmlns:q="urn:example:q"><QName> q:local-name </QName></Builtins>`,
		} {
			var v builtins.Builtins
			if err := decodeXML([]byte(doc), &v, builtinsTypes); err != nil {
				t.Fatal(err)
			}
			diff(t, "decoded", qn, v.QName)
			again := mustMarshal(t, &v, bn("Builtins"))
			var back builtins.Builtins
			if err := decodeXML(again, &back, builtinsTypes); err != nil {
				t.Fatalf("decoding %s: %v", again, err)
			}
			diff(t, "sent back", qn, back.QName)
		}
	})

	t.Run("non-canonical numbers decode to their value", func(t *testing.T) {
		doc := `<Builtins xmlns="` + nsBuiltins + `"><Boolean>1</Boolean><Int> +007 </Int>` +
			`<Float>1.5E3</Float><Double>.5</Double><HexBinary>0fb7</HexBinary><Base64Binary>YW55 IGNh&#xA;cm5h</Base64Binary></Builtins>`
		var v builtins.Builtins
		if err := decodeXML([]byte(doc), &v, builtinsTypes); err != nil {
			t.Fatal(err)
		}
		want := &builtins.Builtins{Boolean: true, Int: 7, Float: 1500, Double: 0.5, HexBinary: []byte{0x0f, 0xb7}, Base64Binary: []byte("any carna")}
		want.Presence = v.Presence // absent optional fields are recorded; not what this test is about
		diff(t, "decoded", want, &v)
	})

	t.Run("the zero Builtins encodes and decodes back", func(t *testing.T) {
		data, err := marshal(&builtins.Builtins{}, bn("Builtins"))
		if err != nil {
			t.Fatal(err)
		}
		var v builtins.Builtins
		if err := decodeXML(data, &v, builtinsTypes); err != nil {
			t.Fatalf("decoding what the zero value encodes to: %v\n%s", err, data)
		}
	})

	// The zero xml.Name is no xs:QName (Part 2 section 3.2.18: a QName has a local part); an
	// optional QName field holding it has no value to send, as an enumeration's "" has none.
	t.Run("a zero QName is left out", func(t *testing.T) {
		n := parseTree(t, mustMarshal(t, &builtins.Builtins{}, bn("Builtins")))
		if q := n.find(nsBuiltins, "QName"); q != nil {
			t.Errorf("the zero QName was sent as %s", q.form())
		}
	})
}

// escapeText escapes s for use as character data.
func escapeText(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '\r':
			b = append(b, "&#xD;"...)
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}
