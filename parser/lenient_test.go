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
	t.Run("an undeclared prefix with no candidate: a type is read as xs:anyType", func(t *testing.T) {
		fsys := map[string]string{"a.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:element name="E" type="q:Nothing"/></xs:schema>`}
		s, err := Parse(mapFS(fsys), []string{"a.xsd"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []Fixup{{Kind: AnyContent, Pos: Pos{"a.xsd", "/xs:schema/xs:element[@name='E']"}, Ref: xml.Name{Space: undeclared + "q", Local: "Nothing"},
			Msg: `type q:Nothing (namespace prefix "q" is not declared): nothing of that kind has the local name Nothing; read as xs:anyType, the content kept as XML`}}
		if d := cmp.Diff(want, s.Fixups); d != "" {
			t.Errorf("fix-ups (-want +got):\n%s", d)
		}
		if got := s.Elements[xml.Name{Space: "urn:a", Local: "E"}].Type; got != anyType {
			t.Errorf("E's type = %v", got)
		}
		_, err = Parse(mapFS(fsys), []string{"a.xsd"}, Options{Strict: true})
		if h, _ := HintOf(err); err == nil || h.Kind != HintNotStrict {
			t.Errorf("with Strict: %v (hint %+v)", err, h)
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

// TestUndefinedRefs parses testdata/lenient/broken.wsdl: every reference to nothing defined there is
// repaired by default, a loss-free fix-up each; with Strict, the first is an error whose hint is to
// leave Strict out.
func TestUndefinedRefs(t *testing.T) {
	fsys := os.DirFS("../testdata/lenient")
	_, err := Parse(fsys, []string{"broken.wsdl"}, Options{Strict: true})
	if h, _ := HintOf(err); err == nil || h.Kind != HintNotStrict || !strings.HasSuffix(err.Error(), "type {http://example.com/broken}Missing is not defined") {
		t.Fatalf("with Strict: %v (hint %+v)", err, h)
	}
	s, err := Parse(fsys, []string{"broken.wsdl"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const ns = "http://example.com/broken"
	p := "broken.wsdl: /wsdl:definitions[@name='Broken']/"
	want := []string{
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Put']/soap:input: read soap:input as wsdl:input",
		p + "wsdl:types/xs:schema/xs:element[@name='GetResponse']/xs:complexType/xs:sequence/xs:element[@name='Note']: type {" + ns + "}Missing is not defined; read as xs:anyType, the content kept as XML",
		p + "wsdl:message[@name='LostRequest']: part parameters: element {" + ns + "}Lost is not defined; declared as an element of xs:anyType, its content kept as XML",
		p + "wsdl:portType[@name='Store']/wsdl:operation[@name='Get']: fault Oops: message {" + ns + "}OopsMessage is not defined; the fault ignored (it still arrives as a *soap.Fault, its detail as XML)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']: soap:header message {" + ns + "}AuthHeader is not defined; the header ignored (soap.WithHeaderBlock sends the block, soap.WithUnknownResponseHeaders reads it)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']: soap:header part trace of message TraceHeader names a type, not an element, so the header block has no name; the header ignored (soap.WithHeaderBlock sends the block, soap.WithUnknownResponseHeaders reads it)",
		p + "wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Ghost']: operation Ghost is not in port type {" + ns + "}Store; the binding operation ignored (there is nothing to call)",
		p + "wsdl:service[@name='StoreService']: port OtherPort: binding {" + ns + "}OtherBinding is not defined; the port ignored (there is nothing to call)",
	}
	if d := cmp.Diff(want, fixupTexts(s.Fixups)); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	kinds := []FixupKind{SOAPInput, AnyContent, AnyContent, Ignored, Ignored, Ignored, Ignored, Ignored}
	for i, f := range s.Fixups {
		if i < len(kinds) && f.Kind != kinds[i] {
			t.Errorf("%s: kind %d, want %d", f, f.Kind, kinds[i])
		}
	}
	if ops := s.PortTypes[0].Operations; len(ops) != 3 || ops[0].Name != "Get" || len(ops[0].Faults) != 0 {
		t.Errorf("operations %+v", ops)
	}
	if e := s.Elements[xml.Name{Space: ns, Local: "Lost"}]; e == nil || e.Type != anyType {
		t.Errorf("Lost declared as %+v", e)
	}
}

// TestUndefinedLossy parses testdata/lenient/lossy.wsdl: without Lenient the first of what would
// guess the wire form or leave out an operation is an error whose hint is Lenient; with it each is a
// fix-up.
func TestUndefinedLossy(t *testing.T) {
	fsys := os.DirFS("../testdata/lenient")
	_, err := Parse(fsys, []string{"lossy.wsdl"}, Options{})
	if h, _ := HintOf(err); err == nil || h != (Hint{Kind: HintLenient, Effect: "leave the operation out"}) {
		t.Fatalf("without Lenient: %v (hint %+v)", err, h)
	}
	s, err := Parse(fsys, []string{"lossy.wsdl"}, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	const ns = "http://example.com/lossy"
	want := []Fixup{
		{Kind: LeftOut, Pos: Pos{"lossy.wsdl", "/wsdl:definitions[@name='Lossy']/wsdl:portType[@name='Store']/wsdl:operation[@name='Lost']"}, Ref: xml.Name{Space: ns, Local: "LostRequest"}, Msg: "message {" + ns + "}LostRequest is not defined; the operation Lost left out"},
		{Kind: LeftOut, Pos: Pos{"lossy.wsdl", "/wsdl:definitions[@name='Lossy']/wsdl:binding[@name='StoreBinding']/wsdl:operation[@name='Get']"}, Msg: "soap:body part paramters is not in message GetReply; left out of the body (the part parameters, in neither the body nor a header, may have been meant)"},
		{Kind: LeftOut, Pos: Pos{"lossy.wsdl", "/wsdl:definitions[@name='Lossy']/wsdl:binding[@name='OtherBinding']"}, Ref: xml.Name{Space: ns, Local: "Elsewhere"}, Msg: "port type {" + ns + "}Elsewhere is not defined; the binding OtherBinding left out, with its ports"},
		{Kind: TypePart, Pos: Pos{"lossy.wsdl", "/wsdl:definitions[@name='Lossy']/wsdl:message[@name='FindRequest']"}, Msg: "part query names the type {http://www.w3.org/2001/XMLSchema}string, not an element, which a document-style body needs; read as an element query in no namespace of that type"},
	}
	if d := cmp.Diff(want, s.Fixups); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	if len(s.Bindings) != 1 || len(s.Services[0].Ports) != 1 || len(s.PortTypes[0].Operations) != 2 {
		t.Errorf("bindings %d, ports %d, operations %d", len(s.Bindings), len(s.Services[0].Ports), len(s.PortTypes[0].Operations))
	}
}

// TestUndefinedSchemaComponents: each kind of reference to an undefined schema component is read as
// content kept as it arrives (AnyContent), by default.
func TestUndefinedSchemaComponents(t *testing.T) {
	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
  <xs:attributeGroup name="G"><xs:attribute name="a" type="t:MissingSimple"/><xs:attributeGroup ref="t:MissingAttrs"/></xs:attributeGroup>
  <xs:complexType name="T">
    <xs:sequence>
      <xs:element ref="t:MissingElement" maxOccurs="unbounded"/>
      <xs:element ref="q:Unknown" minOccurs="0"/>
      <xs:group ref="t:MissingGroup"/>
    </xs:sequence>
    <xs:attributeGroup ref="t:G"/>
    <xs:attribute ref="t:missingAttr"/>
  </xs:complexType>
  <xs:complexType name="U"><xs:group ref="t:MissingGroup" maxOccurs="2"/></xs:complexType>
  <xs:complexType name="Base"><xs:complexContent><xs:extension base="t:MissingBase"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Derived"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="y" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Money"><xs:simpleContent><xs:extension base="t:MissingMoney"><xs:attribute name="currency" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:element name="HasDerived"><xs:complexType><xs:simpleContent><xs:extension base="t:Derived"/></xs:simpleContent></xs:complexType></xs:element>
  <xs:simpleType name="L"><xs:list itemType="t:MissingItem"/></xs:simpleType>
  <xs:simpleType name="N"><xs:union memberTypes="xs:int t:MissingMember"/></xs:simpleType>
  <xs:element name="Member" type="xs:string" substitutionGroup="t:MissingElement"/>
  <xs:element name="Orphan" type="xs:string" substitutionGroup="t:MissingHead"/>
</xs:schema>`
	fsys := mapFS(map[string]string{"s.xsd": schema})
	s, err := Parse(fsys, []string{"s.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := fixupTexts(s.Fixups)
	for _, f := range s.Fixups {
		if f.Kind != AnyContent && f.Kind != Ignored {
			t.Errorf("%s: kind %d", f, f.Kind)
		}
	}
	want := []string{
		"s.xsd: /xs:schema/xs:attributeGroup[@name='G']/xs:attributeGroup: attribute group {urn:t}MissingAttrs is not defined; read as xs:anyAttribute, its attributes kept as XML",
		"s.xsd: /xs:schema/xs:simpleType[@name='L']: list itemType {urn:t}MissingItem is not defined; read as xs:string, the text kept as it is",
		"s.xsd: /xs:schema/xs:simpleType[@name='N']: union member type {urn:t}MissingMember is not defined; read as xs:string, the text kept as it is",
		"s.xsd: /xs:schema/xs:complexType[@name='Base']: base type {urn:t}MissingBase is not defined; the content of the type is kept as XML",
		"s.xsd: /xs:schema/xs:complexType[@name='Money']: base type {urn:t}MissingMoney is not defined; read as xs:string, the attributes it may declare kept as XML (xs:anyAttribute)",
		"s.xsd: /xs:schema/xs:complexType[@name='T']/xs:attribute: attribute {urn:t}missingAttr is not defined; declared as an attribute of xs:string, its value kept as it is",
		"s.xsd: /xs:schema/xs:complexType[@name='T']/xs:sequence/xs:element[1]: element {urn:t}MissingElement is not defined; declared as an element of xs:anyType, its content kept as XML",
		"s.xsd: /xs:schema/xs:complexType[@name='T']/xs:sequence/xs:element[2]: element q:Unknown (namespace prefix \"q\" is not declared): nothing of that kind has the local name Unknown; read as xs:any, the element kept as XML",
		"s.xsd: /xs:schema/xs:complexType[@name='T']/xs:sequence/xs:group: group {urn:t}MissingGroup is not defined; read as xs:any, its elements kept as XML",
		"s.xsd: /xs:schema/xs:complexType[@name='U']/xs:group: group {urn:t}MissingGroup is not defined; read as xs:any, its elements kept as XML",
		"s.xsd: /xs:schema/xs:attributeGroup[@name='G']/xs:attribute[@name='a']: attribute type {urn:t}MissingSimple is not defined; read as xs:string, the text kept as it is",
		"s.xsd: /xs:schema/xs:element[@name='Orphan']: substitution group head {urn:t}MissingHead is not defined; ignored (no element refers to that head)",
		"s.xsd: /xs:schema/xs:complexType[@name='Derived']: base type {urn:t}Base is kept as XML; the content of the type is kept as XML too",
		"s.xsd: /xs:schema/xs:element[@name='HasDerived']/xs:complexType: base type {urn:t}Derived is kept as XML; the content of the type is kept as XML too",
	}
	if d := cmp.Diff(want, texts); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	tn := func(local string) xml.Name { return xml.Name{Space: "urn:t", Local: local} }
	if g := s.AttributeGroups[tn("G")]; !g.AnyAttribute || len(g.Attributes) != 1 {
		t.Errorf("attribute group G: %+v", g)
	}
	seq := s.ComplexTypes[tn("T")].Particle.Children
	// The reference to MissingElement, now the head of Member's substitution group, is the choice of
	// the elements that may stand for it.
	if len(seq) != 3 || seq[0].Head != tn("MissingElement") || seq[1].Kind != AnyParticle || seq[1].MinOccurs != 0 || seq[1].MaxOccurs != 1 ||
		seq[2].Kind != AnyParticle || seq[2].MinOccurs != 0 || seq[2].MaxOccurs != Unbounded {
		t.Errorf("T's sequence: %+v", seq)
	}
	if e := s.Elements[tn("MissingElement")]; e == nil || e.Type != anyType {
		t.Errorf("MissingElement declared as %+v", e)
	}
	if got := s.Elements[tn("Member")].SubstitutionGroup; got != tn("MissingElement") {
		t.Errorf("Member's head: %v", got)
	}
	if a := s.Attributes[tn("missingAttr")]; a == nil || a.Type != xsString {
		t.Errorf("missingAttr declared as %+v", a)
	}
	if p := s.ComplexTypes[tn("U")].Particle; p.Kind != AnyParticle || p.MaxOccurs != Unbounded {
		t.Errorf("U's particle: %+v", p)
	}
	for _, n := range []string{"Base", "Derived"} {
		if ct := s.ComplexTypes[tn(n)]; ct.KeptAsXML == "" || ct.Base != (xml.Name{}) || ct.Particle != nil {
			t.Errorf("%s: %+v", n, ct)
		}
	}
	if ct := s.ComplexTypes[tn("Money")]; ct.KeptAsXML != "" || ct.Base != xsString || !ct.AnyAttribute || len(ct.Attributes) != 1 {
		t.Errorf("Money: %+v", ct)
	}
	if ct := s.Elements[tn("HasDerived")].Complex; ct.KeptAsXML == "" || ct.Content != ElementContent {
		t.Errorf("HasDerived's type: %+v", ct)
	}

	// With Strict, the first is an error; its hint is to leave Strict out.
	_, err = Parse(fsys, []string{"s.xsd"}, Options{Strict: true})
	if h, _ := HintOf(err); err == nil || h.Kind != HintNotStrict {
		t.Errorf("with Strict: %v (hint %+v)", err, h)
	}
}

// TestMissingBodyPart: a soap:body parts attribute naming a part the message lacks is ignored by
// default when every part of the message is placed already (no part can have been meant); when a
// part is in neither the body nor a header, the name is an error suggesting -lenient, which leaves it
// out of the body and keeps the operation (zeep keeps it too).
func TestMissingBodyPart(t *testing.T) {
	wsdl := func(parts string) fstest.MapFS {
		return mapFS(map[string]string{"a.wsdl": `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:a" targetNamespace="urn:a">
<types><xs:schema targetNamespace="urn:a"><xs:element name="E" type="xs:int"/><xs:element name="H" type="xs:int"/></xs:schema></types>
<message name="In"><part name="body" element="tns:E"/><part name="head" element="tns:H"/></message>
<portType name="P"><operation name="Op"><input message="tns:In"/></operation></portType>
<binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
<operation name="Op"><input><soap:body use="literal" parts="` + parts + `"/><soap:header message="tns:In" part="head" use="literal"/></input></operation></binding>
</definitions>`})
	}
	pos := Pos{"a.wsdl", "/definitions/binding[@name='B']/operation[@name='Op']"}
	t.Run("every part placed", func(t *testing.T) {
		s, err := Parse(wsdl("body parameters"), []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []Fixup{{Kind: Ignored, Pos: pos, Msg: "soap:body part parameters is not in message In; the name ignored (every part of the message is in the body or a header already)"}}
		if d := cmp.Diff(want, s.Fixups); d != "" {
			t.Errorf("fix-ups (-want +got):\n%s", d)
		}
		if bio := s.Bindings[0].Operations[0].Input; bio.BodyKind != ElementBody || bio.Element.Name.Local != "E" {
			t.Errorf("body %v", bio.BodyKind)
		}
		if _, err := Parse(wsdl("body parameters"), []string{"a.wsdl"}, Options{Strict: true}); err == nil {
			t.Error("with Strict, no error")
		}
	})
	t.Run("a part could have been meant", func(t *testing.T) {
		_, err := Parse(wsdl("parameters"), []string{"a.wsdl"}, Options{})
		if err == nil || !strings.HasSuffix(err.Error(), "soap:body part parameters is not in message In") {
			t.Fatalf("without Lenient: %v", err)
		}
		if h, _ := HintOf(err); h != (Hint{Kind: HintLenient, Effect: "leave it out of the body"}) {
			t.Errorf("without Lenient: hint %+v", h)
		}
		s, err := Parse(wsdl("parameters"), []string{"a.wsdl"}, Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		want := []Fixup{{Kind: LeftOut, Pos: pos, Msg: "soap:body part parameters is not in message In; left out of the body (the part body, in neither the body nor a header, may have been meant)"}}
		if d := cmp.Diff(want, s.Fixups); d != "" {
			t.Errorf("fix-ups (-want +got):\n%s", d)
		}
		if len(s.PortTypes[0].Operations) != 1 || s.Bindings[0].Operations[0].Input.BodyKind != EmptyBody {
			t.Errorf("operation %+v, body %v", s.PortTypes[0].Operations, s.Bindings[0].Operations[0].Input.BodyKind)
		}
	})
}

// TestUnusedBrokenMessage: a message whose part names an element whose namespace is not known (an
// undeclared prefix that no definition's local name matches), used by nothing, is ignored by default;
// used by an operation, the operation needs Lenient.
func TestUnusedBrokenMessage(t *testing.T) {
	wsdl := func(input string) fstest.MapFS {
		return mapFS(map[string]string{"a.wsdl": `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:a" targetNamespace="urn:a">
<types><xs:schema targetNamespace="urn:a"><xs:element name="E" type="xs:int"/></xs:schema></types>
<message name="In"><part name="body" element="tns:E"/></message>
<message name="Broken"><part name="body" element="q:Nothing"/></message>
<portType name="P"><operation name="Op"><input message="tns:` + input + `"/></operation></portType>
<binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
<operation name="Op"><input><soap:body use="literal"/></input></operation></binding>
</definitions>`})
	}
	s, err := Parse(wsdl("In"), []string{"a.wsdl"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Fixup{{Kind: Ignored, Pos: Pos{"a.wsdl", "/definitions/message[@name='Broken']"}, Msg: "its part body names q:Nothing (undeclared prefix), an element whose namespace is not known; the message ignored (nothing uses it)"}}
	if d := cmp.Diff(want, s.Fixups); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	_, err = Parse(wsdl("Broken"), []string{"a.wsdl"}, Options{})
	if h, _ := HintOf(err); err == nil || h != (Hint{Kind: HintLenient, Effect: "leave the operation out"}) {
		t.Errorf("used by an operation: %v (hint %+v)", err, h)
	}
}
