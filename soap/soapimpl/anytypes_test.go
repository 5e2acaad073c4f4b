package soapimpl

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// genGUID and genColor stand for generated simple types: a restriction of xs:string in WCF's
// serialization namespace (as services88.GUID) and an enumeration. Generated code gives them a typed
// codec, the method SOAPCodec and an entry in the registry.
type genGUID string

var genGUIDCodec = StringType[genGUID](&XSString, xml.Name{Space: soap.SerializationNamespace, Local: "guid"})

func (genGUID) SOAPCodec() *Codec { return &genGUIDCodec }

type genColor string

var genColorCodec = Enum[genColor](fldN("Color"))

func (genColor) SOAPCodec() *Codec { return &genColorCodec }

var anyTypesRegistry = NewRegistry([]*Type{tableFldPoint}, &genGUIDCodec, &genColorCodec)

// TestAnyTypeBuiltins decodes a value of every XML Schema built-in (XML Schema Part 2, section 3: the
// 19 primitive and 25 derived types, and anySimpleType) and of WCF's serialization types in an
// xs:anyType slot, checks the Go value it gives, encodes that value and checks that the XML is the
// same, byte for byte.
func TestAnyTypeBuiltins(t *testing.T) {
	const ser = ` xmlns:ns1="` + soap.SerializationNamespace + `"`
	tests := []struct {
		typ, text string
		want      any
	}{
		// The primitive types.
		{"xsd:string", " a  b ", " a  b "},
		{"xsd:boolean", "true", true},
		{"xsd:decimal", "-1.50", wireDecimal("-1.50")},
		{"xsd:float", "1.5", float32(1.5)},
		{"xsd:double", "0.1", 0.1},
		{"xsd:duration", "P1DT2H", wireDuration("P1DT2H")},
		{"xsd:dateTime", "2024-05-01T12:00:00Z", wireDateTime("2024-05-01T12:00:00Z")},
		{"xsd:time", "12:00:00", wireTimeOfDay("12:00:00")},
		{"xsd:date", "2024-05-01", wireDate("2024-05-01")},
		{"xsd:gYearMonth", "2024-05", soap.GYearMonth("2024-05")},
		{"xsd:gYear", "2024", soap.GYear("2024")},
		{"xsd:gMonthDay", "--05-01", soap.GMonthDay("--05-01")},
		{"xsd:gDay", "---01", soap.GDay("---01")},
		{"xsd:gMonth", "--05", soap.GMonth("--05")},
		{"xsd:hexBinary", "0AFF", soap.HexBinary{0x0a, 0xff}},
		{"xsd:base64Binary", "AQID", []byte{1, 2, 3}},
		{"xsd:anyURI", "http://example.com/a?b=c", soap.AnyURI("http://example.com/a?b=c")},
		{"xsd:QName", "f:n", fldN("n")},
		{"xsd:NOTATION", "f:gif", soap.NOTATION("f:gif")},
		// The derived types.
		{"xsd:normalizedString", " a  b ", soap.NormalizedString(" a  b ")},
		{"xsd:token", "a b", soap.Token("a b")},
		{"xsd:language", "en-GB", soap.Language("en-GB")},
		{"xsd:NMTOKEN", "n-1", soap.NMTOKEN("n-1")},
		{"xsd:NMTOKENS", "n1 n2", soap.NMTOKENS("n1 n2")},
		{"xsd:Name", "a:b", soap.Name("a:b")},
		{"xsd:NCName", "ab", soap.NCName("ab")},
		{"xsd:ID", "id1", soap.ID("id1")},
		{"xsd:IDREF", "id1", soap.IDREF("id1")},
		{"xsd:IDREFS", "id1 id2", soap.IDREFS("id1 id2")},
		{"xsd:ENTITY", "e", soap.ENTITY("e")},
		{"xsd:ENTITIES", "e1 e2", soap.ENTITIES("e1 e2")},
		{"xsd:integer", "-12345678901", soap.Integer(-12345678901)},
		{"xsd:nonPositiveInteger", "-5", soap.NonPositiveInteger(-5)},
		{"xsd:negativeInteger", "-5", soap.NegativeInteger(-5)},
		{"xsd:long", "-64", int64(-64)},
		{"xsd:int", "-32", int32(-32)},
		{"xsd:short", "-16", int16(-16)},
		{"xsd:byte", "-8", int8(-8)},
		{"xsd:nonNegativeInteger", "5", soap.NonNegativeInteger(5)},
		{"xsd:unsignedLong", "64", uint64(64)},
		{"xsd:unsignedInt", "32", uint32(32)},
		{"xsd:unsignedShort", "16", uint16(16)},
		{"xsd:unsignedByte", "8", uint8(8)},
		{"xsd:positiveInteger", "5", soap.PositiveInteger(5)},
		{"xsd:anySimpleType", " x ", soap.AnySimpleType(" x ")},
		// WCF's serialization types, in a package that has none of its own.
		{"ns1:guid", "c56a4180-65aa-42ec-a945-5fd21dec0538", soap.GUID("c56a4180-65aa-42ec-a945-5fd21dec0538")},
		{"ns1:char", "65", soap.Char('A')},
		{"ns1:duration", "PT1H30M", soap.TimeSpan{Duration: wireDuration("PT1H30M")}},
	}
	for _, tt := range tests {
		decl := "" // ns1, WCF's serialization namespace, is declared as the encoder declares it
		if strings.HasPrefix(tt.typ, "ns1:") {
			decl = ser
		}
		wire := `<v` + decl + ` xsi:type="` + tt.typ + `">` + tt.text + `</v>`
		t.Run(tt.typ, func(t *testing.T) {
			got, _, err := anyDecode(t, wire, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("decoded (-want +got):\n%s", diff)
			}
			if fmt.Sprintf("%T", got) != fmt.Sprintf("%T", tt.want) {
				t.Fatalf("decoded a %T, want a %T", got, tt.want)
			}
			out := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, nil, got) })
			if out != wire {
				t.Errorf("re-encoded\n%s\nwant\n%s", out, wire)
			}
		})
	}
}

// TestAnyTypeGenerated checks the generated types in an xs:anyType slot: a value whose xsi:type names
// one of the package's simple types decodes to that type (not to the runtime's GUID: the package's
// own type wins), and a value of it encodes with its xsi:type — a generated simple type could not be
// encoded there before ("cannot encode a services88.GUID as xs:anyType").
func TestAnyTypeGenerated(t *testing.T) {
	const ser = ` xmlns:ns1="` + soap.SerializationNamespace + `"`
	tests := []struct {
		wire string
		want any
	}{
		{`<v` + ser + ` xsi:type="ns1:guid">c56a4180-65aa-42ec-a945-5fd21dec0538</v>`, genGUID("c56a4180-65aa-42ec-a945-5fd21dec0538")},
		{`<v xsi:type="f:Color">red</v>`, genColor("red")},
		{`<v xsi:type="f:Color">not a color</v>`, genColor("not a color")}, // unknown values are kept
		{`<v xsi:type="f:Point"><f:X>1</f:X></v>`, &fldPoint{X: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			got, _, err := anyDecode(t, tt.wire, anyTypesRegistry)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, got, fldCmp); diff != "" {
				t.Fatalf("decoded (-want +got):\n%s", diff)
			}
			if fmt.Sprintf("%T", got) != fmt.Sprintf("%T", tt.want) {
				t.Fatalf("decoded a %T, want a %T", got, tt.want)
			}
			out := fldMustEncode(t, func(e *Encoder) { encAny(e, &anyField, nil, got) })
			if out != tt.wire {
				t.Errorf("re-encoded\n%s\nwant\n%s", out, tt.wire)
			}
		})
	}
	t.Run("attributes of its own keep an Element", func(t *testing.T) {
		got, _, err := anyDecode(t, `<v xsi:type="f:Color" f:note="x">red</v>`, anyTypesRegistry)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got.(*soap.Element); !ok {
			t.Errorf("decoded a %T, want a *soap.Element", got)
		}
	})
	t.Run("a child element is an error", func(t *testing.T) {
		_, _, err := anyDecode(t, `<v xsi:type="f:Color"><x/></v>`, anyTypesRegistry)
		decWantDecodeError(t, err, "inside simple content")
	})
	t.Run("a simple type is not a derived complex type", func(t *testing.T) {
		// The registry serves base-typed fields too: a simple type named by xsi:type there is refused.
		d := fldDecoder(t, `<v xsi:type="f:Color">red</v>`, anyTypesRegistry)
		decChild(t, d, "v")
		var v fldAnyPoint
		f := fld("", "v", "V", 0, &fldPoly)
		decWantDecodeError(t, fldDec(d, &f, nil, &v), "xsi:type {urn:fld}Color is not a known type")
	})
}
