package soapimpl

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// anyField is an xs:anyType element as generated for a dictionary value: nillable, nil means unset.
var anyField = fld("", "v", "V", Nillable|ZeroUnset, &Any)

// encAny writes v as the xs:anyType field f.
func encAny(e *Encoder, f *elem, p *soap.Presence, v any) { fldEnc(e, f, p, &v) }

// fldCmp compares decoded values, Presence by Equal.
var fldCmp = gocmp.Options{
	gocmp.Comparer(func(a, b soap.Presence) bool { return a.Equal(b) }),
	gocmp.AllowUnexported(fldPoint3{}),
}

func anyMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestEncodeAny(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"string", "a&b", `<v xsi:type="xsd:string">a&amp;b</v>`},
		{"empty string", "", `<v xsi:type="xsd:string"></v>`},
		{"bool", true, `<v xsi:type="xsd:boolean">true</v>`},
		{"int8", int8(-8), `<v xsi:type="xsd:byte">-8</v>`},
		{"int16", int16(-16), `<v xsi:type="xsd:short">-16</v>`},
		{"int32", int32(32), `<v xsi:type="xsd:int">32</v>`},
		{"int32 zero", int32(0), `<v xsi:type="xsd:int">0</v>`},
		{"int64", int64(-64), `<v xsi:type="xsd:long">-64</v>`},
		{"int", 7, `<v xsi:type="xsd:long">7</v>`},
		{"uint8", uint8(8), `<v xsi:type="xsd:unsignedByte">8</v>`},
		{"uint16", uint16(16), `<v xsi:type="xsd:unsignedShort">16</v>`},
		{"uint32", uint32(32), `<v xsi:type="xsd:unsignedInt">32</v>`},
		{"uint64", uint64(1 << 63), `<v xsi:type="xsd:unsignedLong">9223372036854775808</v>`},
		{"uint", uint(9), `<v xsi:type="xsd:unsignedLong">9</v>`},
		{"float32", float32(1.5), `<v xsi:type="xsd:float">1.5</v>`},
		{"float64", 0.1, `<v xsi:type="xsd:double">0.1</v>`},
		{"[]byte", []byte{1, 2, 3}, `<v xsi:type="xsd:base64Binary">AQID</v>`},
		{"empty []byte", []byte{}, `<v xsi:type="xsd:base64Binary"></v>`},
		{"DateTime", anyMust(soap.ParseDateTime("2024-01-02T03:04:05+02:00")), `<v xsi:type="xsd:dateTime">2024-01-02T03:04:05+02:00</v>`},
		{"time.Time", time.Date(2024, 1, 2, 3, 4, 5, 600_000_000, time.UTC), `<v xsi:type="xsd:dateTime">2024-01-02T03:04:05.6Z</v>`},
		{"Date", anyMust(soap.ParseDate("2024-02-29")), `<v xsi:type="xsd:date">2024-02-29</v>`},
		{"TimeOfDay", anyMust(soap.ParseTimeOfDay("13:14:15")), `<v xsi:type="xsd:time">13:14:15</v>`},
		{"Duration", anyMust(soap.ParseDuration("PT1H30M")), `<v xsi:type="xsd:duration">PT1H30M</v>`},
		{"Decimal", anyMust(soap.ParseDecimal("-1.50")), `<v xsi:type="xsd:decimal">-1.50</v>`},
		{"xml.Name", xml.Name{Space: "urn:q", Local: "n"}, `<v xsi:type="xsd:QName" xmlns:ns1="urn:q">ns1:n</v>`},
		{"xml.Name in scope", fldN("n"), `<v xsi:type="xsd:QName">f:n</v>`},
		{"xml.Name unqualified", xml.Name{Local: "n"}, `<v xsi:type="xsd:QName">n</v>`},
		{"Marshaler", &fldPoint{X: 1}, `<v xsi:type="f:Point"><f:X>1</f:X></v>`},
		{"derived Marshaler", &fldPoint3{fldPoint: fldPoint{X: 1}, Z: 2}, `<v xsi:type="f:Point3"><f:X>1</f:X><f:Z>2</f:Z></v>`},
		{"*Element", &soap.Element{
			Name: xml.Name{Local: "ignored"},
			Type: encN("urn:t", "T"),
			Attr: []xml.Attr{{Name: encN("urn:t", "a"), Value: "1"}, {Name: xml.Name{Local: "b"}, Value: "<2>"}},
			Content: []soap.Node{
				{Text: "x"},
				{Element: &soap.Element{Name: encN("urn:c", "c"), Content: []soap.Node{{Text: "y"}}}},
				{Text: "z"},
			},
		}, `<v xmlns:ns1="urn:t" xsi:type="ns1:T" ns1:a="1" b="&lt;2&gt;">x<ns2:c xmlns:ns2="urn:c">y</ns2:c>z</v>`},
		{"empty *Element", &soap.Element{}, `<v/>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, nil, tt.v) })
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestEncodeAnyPrefixes(t *testing.T) {
	tests := []struct {
		name  string
		setup func(e *Encoder)
		want  string
	}{
		{"nothing bound", func(e *Encoder) {},
			`<v xmlns:ns1="` + encXSD + `" xmlns:ns2="` + encXSI + `" ns2:type="ns1:int">1</v>`},
		{"other prefixes bound", func(e *Encoder) { e.Bind("s", encXSD); e.Bind("i", encXSI) },
			`<v xmlns:s="` + encXSD + `" xmlns:i="` + encXSI + `" i:type="s:int">1</v>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEncoder(nil)
			tt.setup(e)
			encAny(e, &anyField, nil, int32(1))
			if err := e.Err(); err != nil {
				t.Fatal(err)
			}
			if got := string(e.Bytes()); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	t.Run("client prefixes", func(t *testing.T) {
		e := NewEncoder(map[string]string{encXSD: "xsd", encXSI: "xsi"})
		encAny(e, &anyField, nil, int32(1))
		want := `<v xmlns:xsd="` + encXSD + `" xmlns:xsi="` + encXSI + `" xsi:type="xsd:int">1</v>`
		if got := string(e.Bytes()); got != want || e.Err() != nil {
			t.Errorf("got %s, %v; want %s", got, e.Err(), want)
		}
	})
}

func TestEncodeAnyUnset(t *testing.T) {
	values := []struct {
		name string
		v    any
	}{
		{"nil", nil},
		{"typed nil Marshaler", (*fldPoint)(nil)},
		{"typed nil *Element", (*soap.Element)(nil)},
		{"nil []byte", []byte(nil)},
	}
	fields := []struct {
		name  string
		field elem
		want  string
	}{
		{"optional", fld("", "v", "V", Optional|Nillable|ZeroUnset, &Any), ``},
		{"nillable", anyField, fldNil},
		{"required", fld("", "v", "V", ZeroUnset, &Any), `<v/>`},
	}
	for _, v := range values {
		for _, f := range fields {
			t.Run(v.name+"/"+f.name, func(t *testing.T) {
				got := fldMustEncode(t, func(e *Encoder) { encAny(e, &f.field, nil, v.v) })
				if got != f.want {
					t.Errorf("got %q, want %q", got, f.want)
				}
			})
		}
	}
	t.Run("recorded Nil overrides a value", func(t *testing.T) {
		p := fldPresence("V", soap.Nil)
		if got := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, &p, "x") }); got != fldNil {
			t.Errorf("got %q", got)
		}
	})
	t.Run("recorded Absent", func(t *testing.T) {
		p := fldPresence("V", soap.Absent)
		if got := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, &p, "x") }); got != "" {
			t.Errorf("got %q", got)
		}
	})
}

func TestEncodeAnyErrors(t *testing.T) {
	tests := []struct {
		name string
		v    any
		msg  string
	}{
		{"anonymous Message", &fldAnon{}, "soap: v: a value of anonymous type *soapimpl.fldAnon cannot fill an xs:anyType element"},
		{"struct", struct{ A int }{1}, "soap: v: cannot encode a struct { A int } as xs:anyType"},
		{"pointer to struct", &struct{ A int }{1}, "cannot encode a *struct { A int } as xs:anyType"},
		{"chan", make(chan int), "cannot encode a chan int as xs:anyType"},
		{"nil chan", (chan int)(nil), "cannot encode a chan int as xs:anyType"},
		{"func", func() {}, "cannot encode a func() as xs:anyType"},
		{"map", map[string]int{"a": 1}, "cannot encode a map[string]int as xs:anyType"},
		{"slice", []int{1}, "cannot encode a []int as xs:anyType"},
		{"named string", codecColor("red"), "cannot encode a soapimpl.codecColor as xs:anyType"},
		{"Element value", soap.Element{}, "cannot encode a soap.Element as xs:anyType"},
		{"complex", complex(1, 2), "cannot encode a complex128 as xs:anyType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEncoder(nil)
			e.StartElement(xml.Name{Local: "r"}, xml.Name{})
			encAny(e, &anyField, nil, tt.v)
			e.EndElement()
			encWantErr(t, e.Err(), tt.msg)
			// Nothing is left open and nothing was written for the value.
			if got := string(e.Bytes()); got != `<r/>` {
				t.Errorf("wrote %q", got)
			}
		})
	}
}

func anyDecode(t *testing.T, inner string, types *Registry) (any, soap.Presence, error) {
	t.Helper()
	d := fldDecoder(t, inner, types)
	decChild(t, d, "v")
	var v any = "old"
	var p soap.Presence
	err := fldDec(d, &anyField, &p, &v)
	if err == nil {
		if more, err := d.Child(); err != nil || more {
			t.Fatalf("more content after <v>: %v, %v", more, err)
		}
	}
	return v, p, err
}

func anyText(s string) []soap.Node { return []soap.Node{{Text: s}} }

func TestDecodeAny(t *testing.T) {
	xsdName := func(local string) xml.Name { return encN(encXSD, local) }
	tests := []struct {
		name, wire string
		want       any
	}{
		{"string", `<v xsi:type="xsd:string"> a &lt; b </v>`, " a < b "},
		{"empty string", `<v xsi:type="xsd:string"/>`, ""},
		{"boolean", `<v xsi:type="xsd:boolean">1</v>`, true},
		{"byte", `<v xsi:type="xsd:byte">-8</v>`, int8(-8)},
		{"short", `<v xsi:type="xsd:short">-16</v>`, int16(-16)},
		{"int", `<v xsi:type="xsd:int"> 32 </v>`, int32(32)},
		{"long", `<v xsi:type="xsd:long">-64</v>`, int64(-64)},
		{"unsignedByte", `<v xsi:type="xsd:unsignedByte">8</v>`, uint8(8)},
		{"unsignedShort", `<v xsi:type="xsd:unsignedShort">16</v>`, uint16(16)},
		{"unsignedInt", `<v xsi:type="xsd:unsignedInt">32</v>`, uint32(32)},
		{"unsignedLong", `<v xsi:type="xsd:unsignedLong">18446744073709551615</v>`, uint64(1<<64 - 1)},
		{"float", `<v xsi:type="xsd:float">1.5</v>`, float32(1.5)},
		{"double", `<v xsi:type="xsd:double">-INF</v>`, anyMust(parseFloat64("-INF"))},
		{"base64Binary", `<v xsi:type="xsd:base64Binary">AQID</v>`, []byte{1, 2, 3}},
		{"dateTime", `<v xsi:type="xsd:dateTime">2024-01-02T03:04:05Z</v>`, wireDateTime("2024-01-02T03:04:05Z")},
		{"date", `<v xsi:type="xsd:date">2024-02-29</v>`, wireDate("2024-02-29")},
		{"time", `<v xsi:type="xsd:time">13:14:15</v>`, wireTimeOfDay("13:14:15")},
		{"duration", `<v xsi:type="xsd:duration">P1D</v>`, wireDuration("P1D")},
		{"decimal", `<v xsi:type="xsd:decimal">1.50</v>`, wireDecimal("1.50")},
		{"QName", `<v xmlns:q="urn:q" xsi:type="xsd:QName">q:n</v>`, encN("urn:q", "n")},
		{"xsd with another prefix", `<v xmlns:s="` + encXSD + `" xsi:type="s:int">1</v>`, int32(1)},
		{"xsi with another prefix", `<v xmlns:i="` + encXSI + `" i:type="xsd:int">1</v>`, int32(1)},
		{"registered type", `<v xsi:type="f:Point3"><f:X>1</f:X><f:Z>2</f:Z></v>`, &fldPoint3{fldPoint: fldPoint{X: 1}, Z: 2}},
		{"token", `<v xsi:type="xsd:token"> a  b </v>`, soap.Token("a b")},
		{"hexBinary", `<v xsi:type="xsd:hexBinary">0a</v>`, soap.HexBinary{0x0a}},
		{"integer", `<v xsi:type="xsd:integer">-1234567890123</v>`, soap.Integer(-1234567890123)},
		{"anyURI", `<v xsi:type="xsd:anyURI">http://x</v>`, soap.AnyURI("http://x")},
		{"soapenc:anyURI", `<v xmlns:enc="` + soap.SOAPEncNamespace + `" xsi:type="enc:anyURI">http://x</v>`, soap.AnyURI("http://x")},
		{"ser:guid", `<v xmlns:ser="` + soap.SerializationNamespace + `" xsi:type="ser:guid">c56a4180-65aa-42ec-a945-5fd21dec0538</v>`, soap.GUID("c56a4180-65aa-42ec-a945-5fd21dec0538")},
		{"ser:char", `<v xmlns:ser="` + soap.SerializationNamespace + `" xsi:type="ser:char">65</v>`, soap.Char('A')},
		{"ser:duration", `<v xmlns:ser="` + soap.SerializationNamespace + `" xsi:type="ser:duration">PT1H</v>`, soap.TimeSpan{Duration: wireDuration("PT1H")}},
		{"anyType kept as Element", `<v xsi:type="xsd:anyType">x</v>`, &soap.Element{Name: xml.Name{Local: "v"}, Type: xsdName("anyType"), Content: anyText("x")}},
		{"unknown xsd type kept as Element", `<v xsi:type="xsd:nope">x</v>`, &soap.Element{Name: xml.Name{Local: "v"}, Type: xsdName("nope"), Content: anyText("x")}},
		{"unregistered type kept as Element", `<v xsi:type="f:Unknown"><f:a>1</f:a></v>`, &soap.Element{
			Name: xml.Name{Local: "v"}, Type: fldN("Unknown"),
			Content: []soap.Node{{Element: &soap.Element{Name: fldN("a"), Content: anyText("1")}}},
		}},
		{"no xsi:type keeps Element", `<v>plain</v>`, &soap.Element{Name: xml.Name{Local: "v"}, Content: anyText("plain")}},
		{"no xsi:type, empty", `<v/>`, &soap.Element{Name: xml.Name{Local: "v"}}},
		{"built-in type with extra attributes keeps Element", `<v xsi:type="xsd:int" f:unit="m" scale="2">5</v>`, &soap.Element{
			Name: xml.Name{Local: "v"}, Type: xsdName("int"),
			Attr:    []xml.Attr{{Name: fldN("unit"), Value: "m"}, {Name: xml.Name{Local: "scale"}, Value: "2"}},
			Content: anyText("5"),
		}},
		{"nil", fldNil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p, err := anyDecode(t, tt.wire, fldTypes)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, got, fldCmp); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if fmt.Sprintf("%T", got) != fmt.Sprintf("%T", tt.want) {
				t.Errorf("decoded a %T, want a %T", got, tt.want)
			}
			if len(p.Fields()) != 0 {
				t.Errorf("recorded %v for %v", p.Fields(), p.State("V"))
			}
		})
	}
	t.Run("registered type needs the registry", func(t *testing.T) {
		got, _, err := anyDecode(t, `<v xsi:type="f:Point"><f:X>1</f:X></v>`, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got.(*soap.Element); !ok {
			t.Errorf("decoded a %T, want *soap.Element", got)
		}
	})
	errorTests := []struct{ name, wire, msg string }{
		{"invalid int", `<v xsi:type="xsd:int">x</v>`, `"x" is not a valid xs:int`},
		{"invalid boolean", `<v xsi:type="xsd:boolean">yes</v>`, `"yes" is not a valid xs:boolean`},
		{"child in a built-in value", `<v xsi:type="xsd:string">a<b/></v>`, "element <b> inside simple content"},
		{"undeclared xsi:type prefix", `<v xsi:type="u:T"/>`, `prefix "u" is not declared`},
		{"undeclared QName prefix", `<v xsi:type="xsd:QName">u:n</v>`, `prefix "u" is not declared`},
		{"integer out of int64's range", `<v xsi:type="xsd:integer">123456789012345678901234567890</v>`, `"123456789012345678901234567890" is not a valid xs:long: value out of range`},
		{"invalid ser:char", `<v xmlns:ser="` + soap.SerializationNamespace + `" xsi:type="ser:char">A</v>`, `"A" is not a valid xs:int`},
		{"error in a registered type", `<v xsi:type="f:Point"><f:X>x</f:X></v>`, `"x" is not a valid xs:int`},
		{"undeclared xsi:type in a nested element", `<v><w xsi:type="u:T"/></v>`, `prefix "u" is not declared`},
	}
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := anyDecode(t, tt.wire, fldTypes)
			decWantDecodeError(t, err, tt.msg)
			if got != "old" {
				t.Errorf("destination changed to %#v", got)
			}
		})
	}
}

func TestElementRoundTrip(t *testing.T) {
	const wire = `<v xmlns:a="urn:a" xmlns:b="urn:b" xsi:type="a:T" a:at="1" plain="&lt;2&gt;" xml:lang="en">` +
		`t1<b:c xsi:type="xsd:string">s</b:c>t&amp;2<d b:x="y" xsi:nil="false"><a:e/></d><![CDATA[z]]><!-- dropped --></v>`
	want := &soap.Element{
		Name: xml.Name{Local: "v"},
		Type: encN("urn:a", "T"),
		Attr: []xml.Attr{
			{Name: encN("urn:a", "at"), Value: "1"},
			{Name: xml.Name{Local: "plain"}, Value: "<2>"},
			{Name: encN(soap.XMLNamespace, "lang"), Value: "en"},
		},
		Content: []soap.Node{
			{Text: "t1"},
			{Element: &soap.Element{Name: encN("urn:b", "c"), Type: encN(encXSD, "string"), Content: anyText("s")}},
			{Text: "t&2"},
			{Element: &soap.Element{
				Name:    xml.Name{Local: "d"},
				Attr:    []xml.Attr{{Name: encN("urn:b", "x"), Value: "y"}, {Name: encN(encXSI, "nil"), Value: "false"}},
				Content: []soap.Node{{Element: &soap.Element{Name: encN("urn:a", "e")}}},
			}},
			{Text: "z"},
		},
	}
	got, _, err := anyDecode(t, wire, fldTypes)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Fatalf("decoded (-want +got):\n%s", diff)
	}
	out := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, nil, got) })
	const wantOut = `<v xmlns:ns1="urn:a" xsi:type="ns1:T" ns1:at="1" plain="&lt;2&gt;" xml:lang="en">` +
		`t1<ns2:c xmlns:ns2="urn:b" xsi:type="xsd:string">s</ns2:c>t&amp;2<d xmlns:ns2="urn:b" ns2:x="y" xsi:nil="false"><ns1:e/></d>z</v>`
	if out != wantOut {
		t.Errorf("re-encoded\n%s\nwant\n%s", out, wantOut)
	}
	if a, b := anyCanon(t, fldRootOpen+wire+fldRootClose), anyCanon(t, fldRootOpen+out+fldRootClose); a != b {
		t.Errorf("canonical forms differ:\n%s\n%s", a, b)
	}
}

func TestAnyRoundTrip(t *testing.T) {
	// EncodeAny(DecodeAny(x)) writes x again, up to prefixes.
	wires := []string{
		`<v xsi:type="xsd:string"> a &lt; b &amp; c </v>`,
		`<v xsi:type="xsd:string"></v>`,
		`<v xsi:type="xsd:boolean">false</v>`,
		`<v xsi:type="xsd:byte">-128</v>`,
		`<v xsi:type="xsd:short">300</v>`,
		`<v xsi:type="xsd:int">42</v>`,
		`<v xsi:type="xsd:long">-9223372036854775808</v>`,
		`<v xsi:type="xsd:unsignedByte">255</v>`,
		`<v xsi:type="xsd:unsignedShort">65535</v>`,
		`<v xsi:type="xsd:unsignedInt">4294967295</v>`,
		`<v xsi:type="xsd:unsignedLong">18446744073709551615</v>`,
		`<v xsi:type="xsd:float">0.1</v>`,
		`<v xsi:type="xsd:double">1E+21</v>`,
		`<v xsi:type="xsd:base64Binary">AQID/w==</v>`,
		`<v xsi:type="xsd:dateTime">2024-01-02T03:04:05.1234567+05:30</v>`,
		`<v xsi:type="xsd:dateTime">not a date</v>`,
		`<v xsi:type="xsd:date">2024-02-29Z</v>`,
		`<v xsi:type="xsd:time">00:00:00</v>`,
		`<v xsi:type="xsd:duration">-P1Y2M3DT4H5M6.7S</v>`,
		`<v xsi:type="xsd:decimal">-0.000</v>`,
		`<v xmlns:q="urn:q" xsi:type="xsd:QName">q:n</v>`,
		`<v xsi:type="xsd:token">a b</v>`,
		`<v xsi:type="xsd:hexBinary">0AFF</v>`,
		`<v xsi:type="xsd:integer">-1234567890123456789</v>`,
		`<v xsi:type="f:Point"><f:X>5</f:X></v>`,
		`<v xsi:type="f:Point3"><f:X>5</f:X><f:Z>6</f:Z></v>`,
		`<v xmlns:u="urn:u" xsi:type="u:Unknown" a="1" u:b="2">mixed<u:x xsi:type="xsd:int">1</u:x>text<y/></v>`,
		`<v>plain text</v>`,
		`<v/>`,
		`<v xsi:type="xsd:int" unit="m">5</v>`,
		`<v xmlns:a="urn:a"><a:deep><a:deeper xmlns:b="urn:b" b:at="x"><b:deepest>&#xD;</b:deepest></a:deeper></a:deep></v>`,
		fldNil,
	}
	for _, wire := range wires {
		t.Run(wire, func(t *testing.T) {
			v, _, err := anyDecode(t, wire, fldTypes)
			if err != nil {
				t.Fatal(err)
			}
			out := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, nil, v) })
			a := anyCanon(t, fldRootOpen+wire+fldRootClose)
			b := anyCanon(t, fldRootOpen+out+fldRootClose)
			if a != b {
				t.Errorf("decoded %#v, re-encoded\n%s\ncanonical\n%s\nwant\n%s", v, out, b, a)
			}
		})
	}
}

func TestAnyInDict(t *testing.T) {
	// The generated StringObjectDictionary: values of any type, nil ones sent as xsi:nil.
	dict := NewDict[string, any](fldNS, "kv", fldNS, "Key", Nillable, &XSString, fldNS, "Value", Nillable|ZeroUnset, &Any, strings.Compare)
	f := fld("", "d", "D", Optional|Nillable|ZeroUnset, &dict)
	m := map[string]any{
		"i": int32(1),
		"n": nil,
		"p": &fldPoint{X: 2},
		"s": "x",
		"e": &soap.Element{Name: fldN("Value"), Content: anyText("kept")},
	}
	const wire = `<d>` +
		`<f:kv><f:Key>e</f:Key><f:Value>kept</f:Value></f:kv>` +
		`<f:kv><f:Key>i</f:Key><f:Value xsi:type="xsd:int">1</f:Value></f:kv>` +
		`<f:kv><f:Key>n</f:Key><f:Value xsi:nil="true"/></f:kv>` +
		`<f:kv><f:Key>p</f:Key><f:Value xsi:type="f:Point"><f:X>2</f:X></f:Value></f:kv>` +
		`<f:kv><f:Key>s</f:Key><f:Value xsi:type="xsd:string">x</f:Value></f:kv>` +
		`</d>`
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &m) }); got != wire {
		t.Fatalf("encoded\n%s\nwant\n%s", got, wire)
	}
	d := fldDecoder(t, wire, fldTypes)
	decChild(t, d, "d")
	var back map[string]any
	if err := fldDec(d, &f, nil, &back); err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(m, back, fldCmp); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
}

// anyCanon returns a canonical form of the root element of an XML document: names resolved to namespaces, namespace
// declarations and comments dropped, attributes sorted, xsi:type values and the text of xsd:QName
// elements resolved, adjacent text merged.
func anyCanon(t *testing.T, doc string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(normalizeAttrSpace(doc)))
	var b bytes.Buffer
	type frame struct {
		decls map[string]string
		qname bool
	}
	var stack []frame
	lookup := func(prefix string) string {
		for i := len(stack) - 1; i >= 0; i-- {
			if uri, ok := stack[i].decls[prefix]; ok {
				return uri
			}
		}
		if prefix == "" {
			return "" // no default namespace
		}
		return "?" + prefix
	}
	resolve := func(s string) string {
		prefix, local, ok := strings.Cut(strings.TrimSpace(s), ":")
		if !ok {
			prefix, local = "", strings.TrimSpace(s)
		}
		return "{" + lookup(prefix) + "}" + local
	}
	var text strings.Builder
	flush := func() {
		if text.Len() == 0 {
			return
		}
		s := text.String()
		if len(stack) > 0 && stack[len(stack)-1].qname {
			s = resolve(s)
		}
		fmt.Fprintf(&b, "%q", s)
		text.Reset()
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("canonicalising %s: %v", doc, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			flush()
			fr := frame{decls: map[string]string{}}
			for _, a := range tok.Attr {
				switch {
				case a.Name.Space == "xmlns":
					fr.decls[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					fr.decls[""] = a.Value
				}
			}
			stack = append(stack, fr)
			var attrs []string
			for _, a := range tok.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				v := a.Value
				if a.Name.Space == encXSI && a.Name.Local == "type" {
					v = resolve(v)
					stack[len(stack)-1].qname = v == "{"+encXSD+"}QName"
				}
				attrs = append(attrs, fmt.Sprintf("{%s}%s=%q", a.Name.Space, a.Name.Local, v))
			}
			slices.Sort(attrs)
			fmt.Fprintf(&b, "<{%s}%s %s>", tok.Name.Space, tok.Name.Local, strings.Join(attrs, " "))
		case xml.EndElement:
			flush()
			stack = stack[:len(stack)-1]
			b.WriteString("</>")
			if len(stack) == 0 {
				return b.String() // only the first root element counts
			}
		case xml.CharData:
			if len(stack) > 0 {
				text.Write(tok)
			}
		}
	}
	return b.String()
}

// normalizeAttrSpace replaces each literal tab, line feed, carriage return, and carriage return
// followed by line feed, inside an attribute value of doc by one space, as XML 1.0 section 3.3.3
// normalizes attribute values (namespace declarations included): encoding/xml keeps them as they
// are, and cannot be told apart afterwards from the character references (&#9;) that stay.
// Comments, CDATA sections and processing instructions are copied unchanged.
func normalizeAttrSpace(doc string) string {
	var b strings.Builder
	for i := 0; i < len(doc); {
		if doc[i] != '<' {
			b.WriteByte(doc[i])
			i++
			continue
		}
		end := ""
		switch rest := doc[i:]; {
		case strings.HasPrefix(rest, "<!--"):
			end = "-->"
		case strings.HasPrefix(rest, "<![CDATA["):
			end = "]]>"
		case strings.HasPrefix(rest, "<?"):
			end = "?>"
		}
		if end != "" {
			n := strings.Index(doc[i:], end)
			if n < 0 {
				n = len(doc) - i
			} else {
				n += len(end)
			}
			b.WriteString(doc[i : i+n])
			i += n
			continue
		}
		// A tag: copy up to its '>', normalizing inside quoted values.
		var quote byte
		for ; i < len(doc); i++ {
			c := doc[i]
			switch {
			case quote == 0 && (c == '"' || c == '\''):
				quote = c
			case quote != 0 && c == quote:
				quote = 0
			case quote != 0 && (c == '\t' || c == '\n' || c == '\r'):
				if c == '\r' && i+1 < len(doc) && doc[i+1] == '\n' {
					i++
				}
				c = ' '
			}
			b.WriteByte(c)
			if quote == 0 && c == '>' {
				i++
				break
			}
		}
	}
	return b.String()
}

func TestAnyCanon(t *testing.T) {
	// The canonical form tells apart what matters and only that.
	same := [][2]string{
		{`<a xmlns:p="urn:p" xmlns:i="` + encXSI + `" i:type="p:T" x="1" p:y="2"/>`, `<a xmlns:q="urn:p" xmlns:xsi="` + encXSI + `" q:y="2" x="1" xsi:type="q:T"></a>`},
		{`<a>x<!--c-->y</a>`, `<a><![CDATA[xy]]></a>`},
		{"<a xmlns:p=\"\t\" p:x=\"a\r\nb\"/>", `<a xmlns:p=" " p:x="a b"/>`},
	}
	for _, c := range same {
		if a, b := anyCanon(t, c[0]), anyCanon(t, c[1]); a != b {
			t.Errorf("%s and %s: %s != %s", c[0], c[1], a, b)
		}
	}
	different := [][2]string{
		{`<a xmlns:p="urn:p" p:y="2"/>`, `<a xmlns:p="urn:q" p:y="2"/>`},
		{`<a xmlns:p="urn:p" xmlns:i="` + encXSI + `" i:type="p:T"/>`, `<a xmlns:p="urn:q" xmlns:i="` + encXSI + `" i:type="p:T"/>`},
		{`<a>x</a>`, `<a>x </a>`},
		{`<a><b/></a>`, `<a><b/><b/></a>`},
		{`<a x="1"/>`, `<a/>`},
		{`<a x="a&#9;b"/>`, `<a x="a b"/>`},
	}
	for _, c := range different {
		if a, b := anyCanon(t, c[0]), anyCanon(t, c[1]); a == b {
			t.Errorf("%s and %s have the same canonical form %s", c[0], c[1], a)
		}
	}
}

// anyEncode writes v as the xs:anyType element name with a fresh Encoder.
func anyEncode(name xml.Name, v any) ([]byte, error) {
	e := NewEncoder(nil)
	f := elem{name: NewName(name.Space, name.Local), flags: Nillable | ZeroUnset, fc: Any.c}
	encAny(e, &f, nil, v)
	return e.Bytes(), e.Err()
}

// anyDecodeRoot decodes the root element of doc as an xs:anyType value.
func anyDecodeRoot(doc []byte) (any, xml.Name, error) {
	d := NewDecoder(append([]byte(nil), doc...), nil)
	if err := d.Root(); err != nil {
		return nil, xml.Name{}, err
	}
	name := d.Name()
	var v any
	f := elem{name: NewName(name.Space, name.Local), flags: Nillable | ZeroUnset, fc: Any.c}
	err := fldDec(d, &f, nil, &v)
	return v, name, err
}

func FuzzAnyRoundTrip(f *testing.F) {
	for _, s := range []string{
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xsi:type="xsd:int">+01</v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xsi:type="xsd:double">1e21</v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xmlns:q="urn:q" xsi:type="xsd:QName">q:n</v>`,
		`<v xmlns:a="urn:a" xmlns:xsi="` + encXSI + `" xsi:type="a:T" a:x="1" y="&#9;">t<a:c>&#xD;</a:c><![CDATA[x]]></v>`,
		`<?xml version="1.0"?><!-- c --><r xmlns="urn:d"><a xml:lang="en">x</a></r>`,
		`<p:r xmlns:p="urn:p"><p:a p:b="1"/><c xmlns=""/></p:r>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xsi:type="xsd:token"> a &#9; b </v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xsi:type="xsd:hexBinary">0a</v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xsi:type="xsd:integer">-007</v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:xsd="` + encXSD + `" xsi:type="xsd:anySimpleType"> x&#xD; </v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:s="` + soap.SerializationNamespace + `" xsi:type="s:duration"> PT1H </v>`,
		`<v xmlns:xsi="` + encXSI + `" xmlns:s="` + soap.SerializationNamespace + `" xsi:type="s:char">65</v>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		v, name, err := anyDecodeRoot(doc)
		if err != nil || v == nil {
			return
		}
		out, err := anyEncode(name, v)
		if err != nil {
			// Input encoding/xml accepts but that is not namespace-well-formed (a local name
			// with a colon) cannot be written back; anything else is a bug.
			if !strings.Contains(err.Error(), "is not a valid XML") {
				t.Fatalf("re-encoding %#v from %q: %v", v, doc, err)
			}
			return
		}
		if el, ok := v.(*soap.Element); ok {
			if a, b := anyCanon(t, string(doc)), anyCanon(t, string(out)); a != b {
				t.Fatalf("%q re-encoded as %q\ncanonical %s\nwant      %s", doc, out, b, a)
			}
			_ = el
		}
		// Decoding what was written gives a value that is written the same way again.
		v2, _, err := anyDecodeRoot(out)
		if err != nil {
			t.Fatalf("decoding re-encoded %q: %v", out, err)
		}
		out2, err := anyEncode(name, v2)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("not idempotent: %q then %q (%v)", out, out2, err)
		}
	})
}
