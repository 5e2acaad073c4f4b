package parser

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// fixupTexts renders fix-ups as their String (position and message).
func fixupTexts(fs []Fixup) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.String())
	}
	return out
}

// TestLenient parses testdata/lenient/sloppy.wsdl with and without Options.Strict: by default,
// references resolving only by their local name are resolved, each a LocalName fix-up.
func TestLenient(t *testing.T) {
	fsys := os.DirFS("../testdata/lenient")
	t.Run("strict", func(t *testing.T) {
		_, err := Parse(fsys, []string{"sloppy.wsdl"}, Options{Strict: true})
		want := `sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:message[@name='OrderRequest']/wsdl:part[@name='order']: element="s:Order": namespace prefix "s" is not declared`
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
		if h, _ := HintOf(err); h != (Hint{Kind: HintNotStrict, Effect: "resolve the reference by its local name"}) {
			t.Errorf("hint %+v", h)
		}
	})
	t.Run("default", func(t *testing.T) {
		s, err := Parse(fsys, []string{"sloppy.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		const types, wsdl = "http://example.com/sloppy/types", "http://example.com/sloppy/wsdl"
		want := []string{
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:binding[@name='OrdersBinding']: port type tns:Orders (namespace prefix \"tns\" is not declared) resolved by its local name to {" + wsdl + "}Orders",
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:message[@name='OrderRequest']: part order: element s:Order (namespace prefix \"s\" is not declared) resolved by its local name to {" + types + "}Order",
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:message[@name='OrderResponse']: part ack: element s:Ack (namespace prefix \"s\" is not declared) resolved by its local name to {" + types + "}Ack",
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:types/xs:schema/xs:element[@name='Order']: type {" + wsdl + "}OrderType (not defined) resolved by its local name to {" + types + "}OrderType",
		}
		if d := cmp.Diff(want, fixupTexts(s.Fixups)); d != "" {
			t.Errorf("fix-ups (-want +got):\n%s", d)
		}
		for _, f := range s.Fixups {
			if f.Kind != LocalName {
				t.Errorf("%s: kind %d, want LocalName", f, f.Kind)
			}
		}
		if got := s.Elements[xml.Name{Space: types, Local: "Order"}].Type; got != (xml.Name{Space: types, Local: "OrderType"}) {
			t.Errorf("Order's type = %v", got)
		}
		if got := s.Bindings[0].Type; got != (xml.Name{Space: wsdl, Local: "Orders"}) {
			t.Errorf("binding type = %v", got)
		}
	})
	t.Run("an undeclared prefix with two candidates stays an error", func(t *testing.T) {
		fsys := map[string]string{"a.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:complexType name="T"/><xs:element name="E" type="q:T"/></xs:schema>`,
			"b.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b"><xs:complexType name="T"/></xs:schema>`}
		_, err := Parse(mapFS(fsys), []string{"a.xsd"}, Options{Lenient: true})
		if err == nil || !strings.Contains(err.Error(), `a.xsd: /xs:schema/xs:element[@name='E']: type q:T (namespace prefix "q" is not declared): 2 definitions have the local name T, so sogen cannot tell which one is meant`) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("an undeclared prefix with no candidate is an error suggesting -lenient", func(t *testing.T) {
		fsys := map[string]string{"a.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:element name="E" type="q:Nothing"/></xs:schema>`}
		_, err := Parse(mapFS(fsys), []string{"a.xsd"}, Options{})
		if err == nil || err.Error() != `a.xsd: /xs:schema/xs:element[@name='E']: type q:Nothing (namespace prefix "q" is not declared): nothing of that kind has the local name Nothing` {
			t.Errorf("got %v", err)
		}
		if h, _ := HintOf(err); h != (Hint{Kind: HintLenient, Effect: "generate the rest, leaving this out or reading it as xs:anyType"}) {
			t.Errorf("hint %+v", h)
		}
		s, err := Parse(mapFS(fsys), []string{"a.xsd"}, Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]string{`a.xsd: /xs:schema/xs:element[@name='E']: type q:Nothing (undeclared prefix) is not defined; read as xs:anyType`}, fixupTexts(s.Fixups)); d != "" {
			t.Errorf("fix-ups (-want +got):\n%s", d)
		}
	})
	t.Run("a built-in type by its local name", func(t *testing.T) {
		fsys := map[string]string{"a.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:element name="E" type="xsd:string"/></xs:schema>`}
		s, err := Parse(mapFS(fsys), []string{"a.xsd"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Elements[xml.Name{Space: "urn:a", Local: "E"}].Type; got != (xml.Name{Space: NSXSD, Local: "string"}) {
			t.Errorf("E's type = %v", got)
		}
		if len(s.Fixups) != 1 {
			t.Errorf("fix-ups %q", fixupTexts(s.Fixups))
		}
	})
}

// TestLenientDrop parses testdata/lenient/broken.wsdl: without Lenient the first undefined reference
// is an error; with it every one is made harmless, a fix-up each.
func TestLenientDrop(t *testing.T) {
	fsys := os.DirFS("../testdata/lenient")
	if _, err := Parse(fsys, []string{"broken.wsdl"}, Options{}); err == nil {
		t.Fatal("strict parse succeeded")
	}
	s, err := Parse(fsys, []string{"broken.wsdl"}, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	const ns = "http://example.com/broken"
	p := "broken.wsdl: /wsdl:definitions[@name='Broken']/"
	want := []string{
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Put']/soap:input: read soap:input as wsdl:input",
		p + "wsdl:types/xs:schema/xs:element[@name='GetResponse']/xs:complexType/xs:sequence/xs:element[@name='Note']: type {" + ns + "}Missing is not defined; read as xs:anyType",
		p + "wsdl:portType[@name='Store']/wsdl:operation[@name='Get']: fault Oops left out: message {" + ns + "}OopsMessage is not defined",
		p + "wsdl:portType[@name='Store']/wsdl:operation[@name='Lost']: operation Lost left out: message LostRequest: its part parameters names the undefined element {" + ns + "}Lost",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']: soap:header left out: message {" + ns + "}AuthHeader is not defined",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']: soap:header left out: part trace of message TraceHeader names a type, not an element, so the header block has no name",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Lost']: binding operation Lost left out: port type Store has no (usable) operation of that name",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Ghost']: binding operation Ghost left out: port type Store has no (usable) operation of that name",
		p + "wsdl:service[@name='StoreService']: port OtherPort left out: binding {" + ns + "}OtherBinding is not defined",
	}
	if d := cmp.Diff(want, fixupTexts(s.Fixups)); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	if ops := s.PortTypes[0].Operations; len(ops) != 2 || ops[0].Name != "Get" || ops[1].Name != "Put" || len(ops[0].Faults) != 0 {
		t.Errorf("operations %+v", ops)
	}
}

// TestLenientAttributeGroup: with Lenient, an attribute of an attribute group whose type is not
// defined is read as xs:string, with a warning, as a global or local attribute is.
func TestLenientAttributeGroup(t *testing.T) {
	fsys := fstest.MapFS{"s.xsd": {Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
  <xs:attributeGroup name="G"><xs:attribute name="a" type="t:Missing"/></xs:attributeGroup>
  <xs:complexType name="T"><xs:attributeGroup ref="t:G"/></xs:complexType>
</xs:schema>`)}}
	if _, err := Parse(fsys, []string{"s.xsd"}, Options{}); err == nil || !strings.Contains(err.Error(), "Missing") {
		t.Fatalf("strict parse: %v", err)
	}
	s, err := Parse(fsys, []string{"s.xsd"}, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"s.xsd: /xs:schema/xs:attributeGroup[@name='G']/xs:attribute[@name='a']: attribute type {urn:t}Missing is not defined; read as xs:string"}
	if d := cmp.Diff(want, fixupTexts(s.Fixups)); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
}

// TestLenientMissingBodyPart: a soap:body parts attribute naming a part the message lacks is an error
// suggesting -lenient; with Lenient that name is left out of the body and the operation kept (zeep
// keeps it too).
func TestLenientMissingBodyPart(t *testing.T) {
	fsys := mapFS(map[string]string{"a.wsdl": `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:a" targetNamespace="urn:a">
<types><xs:schema targetNamespace="urn:a"><xs:element name="E" type="xs:int"/></xs:schema></types>
<message name="In"><part name="body" element="tns:E"/></message>
<portType name="P"><operation name="Op"><input message="tns:In"/></operation></portType>
<binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
<operation name="Op"><input><soap:body use="literal" parts="body parameters"/></input></operation></binding>
</definitions>`})
	_, err := Parse(fsys, []string{"a.wsdl"}, Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "soap:body part parameters is not in message In") {
		t.Fatalf("without Lenient: %v", err)
	}
	if h, _ := HintOf(err); h != (Hint{Kind: HintLenient, Effect: "leave it out of the body"}) {
		t.Errorf("without Lenient: hint %+v", h)
	}
	s, err := Parse(fsys, []string{"a.wsdl"}, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []Fixup{{LeftOut, Pos{"a.wsdl", "/definitions/binding[@name='B']/operation[@name='Op']"}, "soap:body part parameters left out: message In has no such part"}}
	if d := cmp.Diff(want, s.Fixups); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	bio := s.Bindings[0].Operations[0].Input
	if len(s.PortTypes[0].Operations) != 1 || bio.BodyKind != ElementBody || bio.Element.Name.Local != "E" {
		t.Errorf("operation %+v, body %v", s.PortTypes[0].Operations, bio.BodyKind)
	}
}
