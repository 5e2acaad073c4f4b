package parser

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestLenient parses testdata/lenient/sloppy.wsdl with and without Options.Lenient.
func TestLenient(t *testing.T) {
	fsys := os.DirFS("../testdata/lenient")
	t.Run("strict", func(t *testing.T) {
		_, err := Parse(fsys, []string{"sloppy.wsdl"}, Options{})
		want := `sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:message[@name='OrderRequest']/wsdl:part[@name='order']: element="s:Order": namespace prefix "s" is not declared`
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
		if h, _ := HintOf(err); h != (Hint{Kind: HintLenient, Effect: "resolve the reference by its local name"}) {
			t.Errorf("hint %+v", h)
		}
	})
	t.Run("lenient", func(t *testing.T) {
		s, err := Parse(fsys, []string{"sloppy.wsdl"}, Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		const types, wsdl = "http://example.com/sloppy/types", "http://example.com/sloppy/wsdl"
		want := []string{
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:binding[@name='OrdersBinding']: port type tns:Orders (namespace prefix \"tns\" is not declared) resolved by its local name to {" + wsdl + "}Orders (-lenient)",
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:message[@name='OrderRequest']: part order: element s:Order (namespace prefix \"s\" is not declared) resolved by its local name to {" + types + "}Order (-lenient)",
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:message[@name='OrderResponse']: part ack: element s:Ack (namespace prefix \"s\" is not declared) resolved by its local name to {" + types + "}Ack (-lenient)",
			"sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/wsdl:types/xs:schema/xs:element[@name='Order']: type {" + wsdl + "}OrderType (not defined) resolved by its local name to {" + types + "}OrderType (-lenient)",
		}
		if d := cmp.Diff(want, s.Warnings); d != "" {
			t.Errorf("warnings (-want +got):\n%s", d)
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
		if err == nil || !strings.Contains(err.Error(), `a.xsd: /xs:schema/xs:element[@name='E']: type q:T (namespace prefix "q" is not declared): -lenient found 2 definitions named T, not one`) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("a built-in type by its local name", func(t *testing.T) {
		fsys := map[string]string{"a.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:element name="E" type="xsd:string"/></xs:schema>`}
		s, err := Parse(mapFS(fsys), []string{"a.xsd"}, Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Elements[xml.Name{Space: "urn:a", Local: "E"}].Type; got != (xml.Name{Space: NSXSD, Local: "string"}) {
			t.Errorf("E's type = %v", got)
		}
		if len(s.Warnings) != 1 {
			t.Errorf("warnings %q", s.Warnings)
		}
	})
}

// TestLenientDrop parses testdata/lenient/broken.wsdl: strictly the first undefined reference is an
// error; with Lenient every one is made harmless with a warning.
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
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Put']/soap:input: read soap:input as wsdl:input (-lenient)",
		p + "wsdl:types/xs:schema/xs:element[@name='GetResponse']/xs:complexType/xs:sequence/xs:element[@name='Note']: type {" + ns + "}Missing is not defined; read as xs:anyType (-lenient)",
		p + "wsdl:portType[@name='Store']/wsdl:operation[@name='Get']: fault Oops left out: message {" + ns + "}OopsMessage is not defined (-lenient)",
		p + "wsdl:portType[@name='Store']/wsdl:operation[@name='Lost']: operation Lost left out: message LostRequest: its part parameters names the undefined element {" + ns + "}Lost (-lenient)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']: soap:header left out: message {" + ns + "}AuthHeader is not defined (-lenient)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']: soap:header left out: part trace of message TraceHeader names a type, not an element, so the header block has no name (-lenient)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Lost']: binding operation Lost left out: port type Store has no (usable) operation of that name (-lenient)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Ghost']: binding operation Ghost left out: port type Store has no (usable) operation of that name (-lenient)",
		p + "wsdl:service[@name='StoreService']: port OtherPort left out: binding {" + ns + "}OtherBinding is not defined (-lenient)",
	}
	if d := cmp.Diff(want, s.Warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
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
	want := []string{"s.xsd: /xs:schema/xs:attributeGroup[@name='G']/xs:attribute[@name='a']: attribute type {urn:t}Missing is not defined; read as xs:string (-lenient)"}
	if d := cmp.Diff(want, s.Warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
}
