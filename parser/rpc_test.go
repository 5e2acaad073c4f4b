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
		in, out := bop.Input.Wrapper, bop.Output.Wrapper
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
		if w := s.Bindings[0].Operations[0].Input.Wrapper; w == nil || w.Name != (xml.Name{Local: "Op"}) {
			t.Errorf("wrapper %+v", w)
		}
		if len(s.Notices) != 2 || !strings.Contains(s.Notices[0], "has no namespace attribute (WS-I BP R2717 requires one)") {
			t.Errorf("notices %q", s.Notices)
		}
	})
	t.Run("soap:operation style document overrides the binding's rpc", func(t *testing.T) {
		s, err := Parse(rpcWSDL(`namespace="urn:w"`, "document"), []string{"a.wsdl"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b := s.Bindings[0]
		if st := OperationStyle(b, b.Operations[0]); st != "document" || b.Operations[0].Input.Wrapper != nil {
			t.Errorf("style %s, wrapper %v", st, b.Operations[0].Input.Wrapper)
		}
	})
}
