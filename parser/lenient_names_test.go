package parser

import (
	"encoding/xml"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSpacedNames: a name with white space around it is trimmed, a fix-up; with Strict a checked
// name is an error whose hint is to turn Strict off, and a name sogen does not check (a
// document-style part's) is read as written.
func TestSpacedNames(t *testing.T) {
	wsdl := func(elem, part string) map[string]string {
		return map[string]string{"a.wsdl": `<w:definitions xmlns:w="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:a" targetNamespace="urn:a">
<w:types><xs:schema targetNamespace="urn:a"><xs:element name="` + elem + `" type="xs:int"/></xs:schema></w:types>
<w:message name="M"><w:part name="` + part + `" element="tns:E"/></w:message></w:definitions>`}
	}
	_, err := Parse(mapFS(wsdl("E ", "p")), []string{"a.wsdl"}, Options{Strict: true})
	if want := `a.wsdl: /w:definitions/w:types/xs:schema/xs:element[@name='E ']: name "E " has white space around it`; err == nil || err.Error() != want {
		t.Errorf("strict: got %v\nwant %s", err, want)
	}
	if h, _ := HintOf(err); h != (Hint{Kind: HintNotStrict, Effect: "trim it"}) {
		t.Errorf("strict: hint %+v", h)
	}
	s, err := Parse(mapFS(wsdl("E ", " p ")), []string{"a.wsdl"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Fixup{
		{Kind: TrimmedName, Pos: Pos{"a.wsdl", "/w:definitions/w:types/xs:schema/xs:element[@name='E ']"}, Msg: `name "E " trimmed to "E"`},
		{Kind: TrimmedName, Pos: Pos{"a.wsdl", "/w:definitions/w:message[@name='M']/w:part[@name=' p ']"}, Msg: `name " p " trimmed to "p"`},
	}
	if d := cmp.Diff(want, s.Fixups); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	if s.Messages[xml.Name{Space: "urn:a", Local: "M"}].Parts[0].Name != "p" {
		t.Errorf("part name not trimmed")
	}
	s, err = Parse(mapFS(wsdl("E", "p ")), []string{"a.wsdl"}, Options{Strict: true})
	if err != nil {
		t.Fatalf("an unchecked name: %v", err)
	}
	if got := s.Messages[xml.Name{Space: "urn:a", Local: "M"}].Parts[0].Name; got != "p " {
		t.Errorf("part name = %q, want it as written", got)
	}
}
