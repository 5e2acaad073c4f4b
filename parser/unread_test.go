package parser

import (
	"encoding/xml"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestUnreadImport: an xs:import whose remote location the Resolver does not read is passed over
// (its schemaLocation is a hint, XML Schema Part 1 section 4.2.3), an Unread fix-up naming the
// location and namespace; each reference into that namespace that then names nothing is read as any
// content, an Unread fix-up too, and is never resolved by its local name to another namespace's
// definition; the Resolver is asked for the location once. With Strict the import is an error.
func TestUnreadImport(t *testing.T) {
	const url = "https://example.com/schemas/r.xsd"
	fsys := fstest.MapFS{
		"main.xsd": schemaFile(`targetNamespace="urn:main" xmlns:r="urn:r" xmlns:m="urn:main"`,
			`<xs:import namespace="urn:r" schemaLocation="`+url+`"/>`+
				`<xs:import namespace="urn:r" schemaLocation="https://example.com/schemas/./r.xsd#top"/>`+
				`<xs:import namespace="urn:other" schemaLocation="other.xsd"/>`+
				// R is defined in urn:other, but the reference is into urn:r: not resolved to it.
				`<xs:element name="Root" type="r:R"/>`+
				`<xs:complexType name="Holder"><xs:sequence><xs:element ref="r:Item"/><xs:element name="Local" type="m:Local"/></xs:sequence>`+
				`<xs:attribute name="code" type="r:Code"/></xs:complexType>`+
				`<xs:complexType name="Local"/>`),
		"other.xsd": schemaFile(`targetNamespace="urn:other"`, `<xs:complexType name="R"/>`),
	}
	var asked []string
	local := FS(fsys)
	r := func(loc string, max int64) ([]byte, error) {
		asked = append(asked, loc)
		return local(loc, max)
	}
	s, err := Read(r, []string{"main.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"main.xsd", url, "other.xsd"}, asked); d != "" {
		t.Errorf("locations asked for (-want +got):\n%s", d)
	}
	hint := Hint{Kind: HintRemote, URL: url, Namespace: "urn:r"}
	const why = " (the schema of its namespace, " + url + ", was not read)"
	want := []Fixup{
		{Kind: Unread, Pos: Pos{"main.xsd", "/xs:schema/xs:import[1]"}, Hint: hint,
			Msg: `schemaLocation="` + url + `" is a remote location, which was not read; the import passed over (its location is a hint), what refers into namespace urn:r read as any content`},
		{Kind: Unread, Pos: Pos{"main.xsd", "/xs:schema/xs:import[2]"}, Hint: hint,
			Msg: `schemaLocation="https://example.com/schemas/./r.xsd#top" is a remote location (` + url + `), which was not read; the import passed over (its location is a hint), what refers into namespace urn:r read as any content`},
		{Kind: Unread, Pos: Pos{"main.xsd", "/xs:schema/xs:complexType[@name='Holder']/xs:sequence/xs:element[1]"}, Hint: hint, Ref: xml.Name{Space: "urn:r", Local: "Item"},
			Msg: "element {urn:r}Item is not defined" + why + "; declared as an element of xs:anyType, its content kept as XML"},
		{Kind: Unread, Pos: Pos{"main.xsd", "/xs:schema/xs:complexType[@name='Holder']/xs:attribute[@name='code']"}, Hint: hint, Ref: xml.Name{Space: "urn:r", Local: "Code"},
			Msg: "attribute type {urn:r}Code is not defined" + why + "; read as xs:string, the text kept as it is"},
		{Kind: Unread, Pos: Pos{"main.xsd", "/xs:schema/xs:element[@name='Root']"}, Hint: hint, Ref: xml.Name{Space: "urn:r", Local: "R"},
			Msg: "type {urn:r}R is not defined" + why + "; read as xs:anyType, the content kept as XML"},
	}
	if d := cmp.Diff(want, s.Fixups); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
	if got := s.Elements[xml.Name{Space: "urn:main", Local: "Root"}].Type; got != anyType {
		t.Errorf("Root's type = %v, want xs:anyType", got)
	}
	if e := s.Elements[xml.Name{Space: "urn:r", Local: "Item"}]; e == nil || e.Type != anyType {
		t.Errorf("the element {urn:r}Item is %+v, want one of xs:anyType", e)
	}
	sums := Summaries(s.Fixups)
	wantSums := []FixupSummary{{Kind: Unread, Count: 3, Hint: hint,
		Text: "the schema " + url + " (namespace urn:r) was not read: 3 references into its namespace read as any content, kept as it arrives"}}
	if d := cmp.Diff(wantSums, sums); d != "" {
		t.Errorf("summaries (-want +got):\n%s", d)
	}

	_, err = Parse(fsys, []string{"main.xsd"}, Options{Strict: true})
	if h, _ := HintOf(err); err == nil || h.Kind != HintRemote || h.URL != url || h.Effect == "" {
		t.Errorf("with Strict: %v (hint %+v)", err, h)
	}
}

// TestUnreadImportUnused: a location not read that no reference needs is still reported, as an
// Unread fix-up whose summary says so; a namespace that another document defines is not weakened.
func TestUnreadImportUnused(t *testing.T) {
	fsys := fstest.MapFS{
		"main.xsd": schemaFile(`targetNamespace="urn:main" xmlns:o="urn:other"`,
			`<xs:import schemaLocation="https://example.com/none.xsd"/>`+
				`<xs:import namespace="urn:other" schemaLocation="https://example.com/other.xsd"/>`+
				`<xs:import namespace="urn:other" schemaLocation="other.xsd"/>`+
				`<xs:element name="Root" type="o:R"/>`),
		"other.xsd": schemaFile(`targetNamespace="urn:other"`, `<xs:complexType name="R"/>`),
	}
	s, err := Parse(fsys, []string{"main.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Elements[xml.Name{Space: "urn:main", Local: "Root"}].Type; got != (xml.Name{Space: "urn:other", Local: "R"}) {
		t.Errorf("Root's type = %v", got)
	}
	var got []string
	for _, sum := range Summaries(s.Fixups) {
		got = append(got, sum.Text)
	}
	want := []string{
		"the schema https://example.com/none.xsd (no namespace) was not read; no reference needed it",
		"the schema https://example.com/other.xsd (namespace urn:other) was not read; no reference needed it",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("summaries (-want +got):\n%s", d)
	}
}

// TestUnreadNotAHint: the location of an xs:include (required, and part of the schema: XML Schema
// Part 1 section 4.2.1) and of a wsdl:import is not a hint: one that is not read stays an error with
// a HintRemote, also when an xs:import passed the same location over before.
func TestUnreadNotAHint(t *testing.T) {
	const wsdlHead = `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:main">`
	for _, tt := range []struct {
		name, doc, want string
	}{
		{"include", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:main"><xs:include schemaLocation="https://example.com/part.xsd"/></xs:schema>`,
			`a.xml: /xs:schema/xs:include: schemaLocation="https://example.com/part.xsd" is a remote location, which was not read`},
		{"wsdl:import", wsdlHead + `<wsdl:import namespace="urn:b" location="https://example.com/b.wsdl"/></wsdl:definitions>`,
			`a.xml: /wsdl:definitions/wsdl:import: location="https://example.com/b.wsdl" is a remote location, which was not read`},
		{"include after import", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:main"><xs:import namespace="urn:main" schemaLocation="https://example.com/part.xsd"/><xs:include schemaLocation="https://example.com/part.xsd"/></xs:schema>`,
			`a.xml: /xs:schema/xs:include: schemaLocation="https://example.com/part.xsd" is a remote location, which was not read`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(fstest.MapFS{"a.xml": {Data: []byte(tt.doc)}}, []string{"a.xml"}, Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
			if h, _ := HintOf(err); h.Kind != HintRemote || h.Effect != "" {
				t.Errorf("hint %+v", h)
			}
		})
	}
}
