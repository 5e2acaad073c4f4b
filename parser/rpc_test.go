package parser

import (
	"encoding/xml"
	"strings"
	"testing"
	"testing/fstest"
)

// rpcWSDL is a WSDL with one rpc binding; bodyAttrs are the attributes of both soap:body elements and
// opStyle the style attribute of soap:operation ("" for none).
func rpcWSDL(bodyAttrs, opStyle string) fstest.MapFS {
	style := ""
	if opStyle != "" {
		style = ` style="` + opStyle + `"`
	}
	return fstest.MapFS{"a.wsdl": {Data: []byte(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
  <message name="In"><part name="x" type="xs:int"/><part name="y" type="xs:string"/></message>
  <message name="Out"><part name="r" type="xs:int"/></message>
  <portType name="P"><operation name="Op"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P">
    <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Op"><soap:operation soapAction="a"` + style + `/>
      <input><soap:body use="literal" ` + bodyAttrs + `/></input><output><soap:body use="literal" ` + bodyAttrs + `/></output>
    </operation>
  </binding>
</definitions>`)}}
}

func TestRPCWrappers(t *testing.T) {
	t.Run("wrappers and accessors", func(t *testing.T) {
		s, err := Parse(rpcWSDL(`namespace="urn:w"`, ""), []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		bop := s.Bindings[0].Operations[0]
		in, out := bop.Input.Element, bop.Output.Element
		if in == nil || in.Name != (xml.Name{Space: "urn:w", Local: "Op"}) || out == nil || out.Name != (xml.Name{Space: "urn:w", Local: "OpResponse"}) {
			t.Fatalf("wrappers %+v %+v", in, out)
		}
		if s.Elements[in.Name] != in || s.Elements[out.Name] != out {
			t.Error("the wrappers are not in Set.Elements")
		}
		var got []string
		for _, p := range in.Complex.Particle.Children {
			got = append(got, "{"+p.Element.Name.Space+"}"+p.Element.Name.Local+" "+p.Element.Type.Local)
		}
		if strings.Join(got, ",") != "{}x int,{}y string" {
			t.Errorf("accessors %v", got)
		}
		if len(s.Notices) != 0 {
			t.Errorf("notices %q", s.Notices)
		}
	})
	t.Run("no namespace attribute", func(t *testing.T) {
		s, err := Parse(rpcWSDL(``, ""), []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if w := s.Bindings[0].Operations[0].Input.Element; w == nil || w.Name != (xml.Name{Local: "Op"}) {
			t.Errorf("wrapper %+v", w)
		}
		if len(s.Notices) != 2 || !strings.Contains(s.Notices[0], "has no namespace attribute (WS-I BP R2717 requires one)") {
			t.Errorf("notices %q", s.Notices)
		}
	})
	t.Run("soap:operation style document overrides the binding's rpc", func(t *testing.T) {
		s, err := Load(FS(rpcWSDL(`namespace="urn:w"`, "document")), []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b := s.Bindings[0]
		if st := OperationStyle(b, b.Operations[0]); st != "document" {
			t.Errorf("style %s", st)
		}
		// Document style puts the parts in the body as they are: a part naming a type cannot go there.
		err = Normalize(s, Options{})
		if err == nil || !strings.Contains(err.Error(), "part x of message In names a type, not an element, which a document-style binding cannot put in the body") {
			t.Errorf("normalising: %v", err)
		}
	})
}

// encodedWSDL is a WSDL with one rpc/encoded operation whose reply part has the type ArrayOfX, defined
// by arrayDef (the content of its xs:complexContent); protocol is "soap" or "soap12", style and
// encodingStyle those of the binding.
func encodedWSDL(arrayDef, protocol, style, encodingStyle string) fstest.MapFS {
	ns := map[string]string{"soap": "http://schemas.xmlsoap.org/wsdl/soap/", "soap12": "http://schemas.xmlsoap.org/wsdl/soap12/"}[protocol]
	body := `<soap:body use="encoded" namespace="urn:w" encodingStyle="` + encodingStyle + `"/>`
	return fstest.MapFS{"a.wsdl": {Data: []byte(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="` + ns + `"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:tns="urn:t" targetNamespace="urn:t">
  <types><xs:schema targetNamespace="urn:t">
    <xs:complexType name="ArrayOfX"><xs:complexContent>` + arrayDef + `</xs:complexContent></xs:complexType>
  </xs:schema></types>
  <message name="In"><part name="x" type="enc:int"/><part name="all" type="enc:Array"/></message>
  <message name="Out"><part name="r" type="tns:ArrayOfX"/></message>
  <portType name="P"><operation name="Op"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P">
    <soap:binding style="` + style + `" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Op"><soap:operation soapAction="a"/><input>` + body + `</input><output>` + body + `</output></operation>
  </binding>
</definitions>`)}}
}

func TestEncoded(t *testing.T) {
	const encNS = "http://schemas.xmlsoap.org/soap/encoding/"
	xsd := func(local string) xml.Name { return xml.Name{Space: NSXSD, Local: local} }
	for _, tc := range []struct {
		name, def string
		item      xml.Name // the item element's name
		typ       xml.Name // its type
	}{
		{"wsdl:arrayType", `<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="xs:string[]"/></xs:restriction>`, xml.Name{Local: "item"}, xsd("string")},
		{"arrayType with a size, soapenc item type", `<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="enc:int[3]"/></xs:restriction>`, xml.Name{Local: "item"}, xsd("int")},
		{"one repeated element", `<xs:restriction base="enc:Array"><xs:sequence><xs:element name="n" type="xs:long" maxOccurs="unbounded"/></xs:sequence></xs:restriction>`, xml.Name{Local: "n"}, xsd("long")},
		{"an element without type and wsdl:arrayType", `<xs:restriction base="enc:Array"><xs:sequence><xs:element name="n" maxOccurs="unbounded"/></xs:sequence><xs:attribute ref="enc:arrayType" wsdl:arrayType="tns:Thing[]"/></xs:restriction>`, xml.Name{Local: "n"}, xml.Name{Space: "urn:t", Local: "Thing"}},
		{"neither", `<xs:restriction base="enc:Array"/>`, xml.Name{Local: "item"}, xsd("anyType")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := encodedWSDL(tc.def, "soap", "rpc", encNS)
			if tc.typ.Local == "Thing" {
				// The item type must exist for the references to check.
				fs["a.wsdl"].Data = []byte(strings.Replace(string(fs["a.wsdl"].Data), `<xs:complexType name="ArrayOfX">`, `<xs:complexType name="Thing"/><xs:complexType name="ArrayOfX">`, 1))
			}
			s, err := Parse(fs, []string{"a.wsdl"}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ct := s.ComplexTypes[xml.Name{Space: "urn:t", Local: "ArrayOfX"}]
			if ct.EncArray != tc.typ || ct.Base != (xml.Name{}) || len(ct.Attributes) != 0 {
				t.Fatalf("EncArray %v, base %v, %d attributes", ct.EncArray, ct.Base, len(ct.Attributes))
			}
			item := ct.Particle.Children[0]
			if item.Element.Name != tc.item || item.Element.Type != tc.typ || item.MinOccurs != 0 || item.MaxOccurs != Unbounded {
				t.Errorf("item %+v %+v", item, item.Element)
			}
			bop := s.Bindings[0].Operations[0]
			in := bop.Input.Element
			if in == nil || !Encoded(bop) {
				t.Fatalf("no wrapper for the encoded operation")
			}
			if got := in.Complex.Particle.Children[0].Element.Type; got != xsd("int") {
				t.Errorf("part x has type %v, want xs:int (soapenc:int read as the built-in)", got)
			}
			arr := s.ComplexTypes[xml.Name{Space: encNS, Local: "Array"}]
			if arr == nil || arr.EncArray != xsd("anyType") {
				t.Errorf("soapenc:Array, used by part all, is %+v", arr)
			}
		})
	}

	for _, tc := range []struct{ name, def, protocol, style, encodingStyle, want string }{
		{"three dimensions", `<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="xs:string[,,]"/></xs:restriction>`, "soap", "rpc", encNS,
			`a.wsdl: /definitions/types/xs:schema/xs:complexType[@name='ArrayOfX']/xs:complexContent/xs:restriction/xs:attribute: wsdl:arrayType="xs:string[,,]": SOAP-ENC arrays of more than two dimensions are not supported`},
		{"an array of arrays of three dimensions", `<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="xs:string[,,][]"/></xs:restriction>`, "soap", "rpc", encNS, `more than two dimensions are not supported`},
		{"not an array type", `<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="xs:string[x]"/></xs:restriction>`, "soap", "rpc", encNS, `wsdl:arrayType="xs:string[x]": not a SOAP-ENC array type`},
		{"an array of arrays with a typed item element", `<xs:restriction base="enc:Array"><xs:sequence><xs:element name="n" type="xs:string" maxOccurs="unbounded"/></xs:sequence><xs:attribute ref="enc:arrayType" wsdl:arrayType="xs:string[][]"/></xs:restriction>`, "soap", "rpc", encNS, `the items of a SOAP-ENC array of arrays are arrays: their element cannot declare a type`},
		{"anonymous item type", `<xs:restriction base="enc:Array"><xs:sequence><xs:element name="n" maxOccurs="unbounded"><xs:complexType/></xs:element></xs:sequence></xs:restriction>`, "soap", "rpc", encNS, `the items of a SOAP-ENC array need a named type`},
		{"document/encoded", `<xs:restriction base="enc:Array"/>`, "soap", "document", encNS, `operation Op of binding B is document/encoded, which sogen refuses`},
		{"SOAP 1.2 with the SOAP 1.1 encoding", `<xs:restriction base="enc:Array"/>`, "soap12", "rpc", encNS, `operation Op of binding B is rpc/encoded with encodingStyle "http://schemas.xmlsoap.org/soap/encoding/", which sogen refuses: a SOAP 1.2 binding is supported with the SOAP 1.2 encoding`},
		{"SOAP 1.1 with the SOAP 1.2 encoding", `<xs:restriction base="enc:Array"/>`, "soap", "rpc", "http://www.w3.org/2003/05/soap-encoding", `is rpc/encoded with encodingStyle "http://www.w3.org/2003/05/soap-encoding", which sogen refuses: a SOAP 1.1 binding is supported with the SOAP 1.1 encoding`},
		{"another encodingStyle", `<xs:restriction base="enc:Array"/>`, "soap", "rpc", "urn:my-encoding", `is rpc/encoded with encodingStyle "urn:my-encoding", which sogen refuses`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(encodedWSDL(tc.def, tc.protocol, tc.style, tc.encodingStyle), []string{"a.wsdl"}, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}

	t.Run("SOAP 1.2 with the SOAP 1.2 encoding", func(t *testing.T) {
		const enc12 = "http://www.w3.org/2003/05/soap-encoding"
		fs := encodedWSDL(`<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="xs:string[]"/></xs:restriction>`, "soap12", "rpc", enc12)
		fs["a.wsdl"].Data = []byte(strings.Replace(string(fs["a.wsdl"].Data), `xmlns:enc="`+encNS+`"`, `xmlns:enc="`+enc12+`"`, 1))
		s, err := Parse(fs, []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ct := s.ComplexTypes[xml.Name{Space: "urn:t", Local: "ArrayOfX"}]; ct.EncArray != xsd("string") {
			t.Errorf("EncArray %v", ct.EncArray)
		}
		if arr := s.ComplexTypes[xml.Name{Space: enc12, Local: "Array"}]; arr == nil || arr.EncArray != xsd("anyType") {
			t.Errorf("enc:Array of SOAP 1.2, used by part all, is %+v", arr)
		}
	})

	t.Run("arrays of arrays and two dimensions", func(t *testing.T) {
		for _, tc := range []struct {
			arrayType, ranks string
			rank             int
			depth            int // of the anonymous item array types
		}{
			{"xs:string[,]", "", 2, 0},
			{"xs:string[][]", "[]", 0, 1},
			{"xs:string[,][5]", "[,]", 0, 1},
			{"xs:string[][,]", "[]", 2, 1},
			{"xs:string[][][]", "[][]", 0, 2},
		} {
			s, err := Parse(encodedWSDL(`<xs:restriction base="enc:Array"><xs:attribute ref="enc:arrayType" wsdl:arrayType="`+tc.arrayType+`"/></xs:restriction>`, "soap", "rpc", encNS), []string{"a.wsdl"}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ct := s.ComplexTypes[xml.Name{Space: "urn:t", Local: "ArrayOfX"}]
			if ct.EncArray != xsd("string") || ct.EncItemRanks != tc.ranks || ct.EncRank != tc.rank {
				t.Errorf("%s: EncArray %v, EncItemRanks %q, EncRank %d", tc.arrayType, ct.EncArray, ct.EncItemRanks, ct.EncRank)
			}
			depth := 0
			for item := ArrayItem(ct).Element; item.Complex != nil; item = ArrayItem(item.Complex).Element {
				depth++
			}
			if depth != tc.depth {
				t.Errorf("%s: items nest %d arrays deep, want %d", tc.arrayType, depth, tc.depth)
			}
		}
	})

	t.Run("soapenc:Array is only defined when used", func(t *testing.T) {
		fs := encodedWSDL(`<xs:restriction base="enc:Array"/>`, "soap", "rpc", encNS)
		fs["a.wsdl"].Data = []byte(strings.Replace(string(fs["a.wsdl"].Data), `<part name="all" type="enc:Array"/>`, ``, 1))
		s, err := Parse(fs, []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.ComplexTypes[xml.Name{Space: encNS, Local: "Array"}] != nil {
			t.Error("soapenc:Array defined although nothing uses it")
		}
	})
}
