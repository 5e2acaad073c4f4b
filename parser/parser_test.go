package parser

import (
	"encoding/xml"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const s88 = "http://www.superoffice.net/ws/crm/NetServer/Services88"

func parseDir(t *testing.T, dir string, roots ...string) *Set {
	t.Helper()
	s, err := Parse(os.DirFS(dir), roots, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestServices88Fixtures(t *testing.T) {
	s := parseDir(t, "../testdata/wsdl/services88", "Webhook.wsdl", "SoPrincipal.wsdl")
	t.Run("files loaded once each", func(t *testing.T) {
		want := []string{"Webhook.wsdl", "serialization.xsd", "arrays.xsd", "SoPrincipal.wsdl", "cryptography.xsd"}
		if diff := cmp.Diff(want, s.Files); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
	})
	t.Run("webhook type", func(t *testing.T) {
		ct := s.ComplexTypes[xml.Name{Space: s88, Local: "Webhook"}]
		if ct == nil {
			t.Fatal("Webhook not found")
		}
		var got []string
		for _, p := range ct.Particle.Children {
			e := p.Element
			got = append(got, e.Name.Local+" "+e.Type.Local+" "+strings.Repeat("?", 1-p.MinOccurs)+strings.Repeat("nil", b2i(e.Nillable)))
		}
		want := []string{"WebhookId int ?", "Name string ?nil", "Events ArrayOfstring ?nil", "TargetUrl string ?nil",
			"Secret string ?nil", "State WebhookState ?", "Type string ?nil", "Headers StringDictionary ?nil",
			"Properties StringObjectDictionary ?nil", "Registered dateTime ?", "RegisteredAssociate Associate ?nil",
			"Updated dateTime ?", "UpdatedAssociate Associate ?nil", "ErrorsEmail string ?nil"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Webhook elements (-want +got):\n%s", diff)
		}
		if ns := ct.Particle.Children[2].Element.Type.Space; ns != "http://schemas.microsoft.com/2003/10/Serialization/Arrays" {
			t.Errorf("Events type namespace %q", ns)
		}
	})
	t.Run("extension", func(t *testing.T) {
		ct := s.ComplexTypes[xml.Name{Space: s88, Local: "Associate"}]
		if ct.Base != (xml.Name{Space: s88, Local: "Carrier"}) || ct.Derivation != Extension {
			t.Errorf("Associate base %v derivation %v", ct.Base, ct.Derivation)
		}
	})
	t.Run("flags list with numbers", func(t *testing.T) {
		st := s.SimpleTypes[xml.Name{Space: s88, Local: "ETableRight"}]
		if st.List == nil || st.List.Item == nil {
			t.Fatal("ETableRight is not a list of an anonymous type")
		}
		var got []string
		for _, e := range st.List.Item.Restriction.Enums {
			n := ""
			if e.Number != nil {
				n = "=" + strconv.FormatInt(*e.Number, 10)
			}
			got = append(got, e.Value+n)
		}
		want := []string{"Select", "Update", "Insert", "Delete", "Filtering", "RestrictedUpdate", "Unused1", "Uninitialized", "R=1", "F=16"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ETableRight values (-want +got):\n%s", diff)
		}
	})
	t.Run("annotations", func(t *testing.T) {
		if !s.ComplexTypes[xml.Name{Space: s88, Local: "StringDictionary"}].IsDictionary {
			t.Error("StringDictionary is not marked IsDictionary")
		}
		if got := s.SimpleTypes[xml.Name{Space: s88, Local: "WebhookState"}].ActualType; got != (xml.Name{Space: NSXSD, Local: "short"}) {
			t.Errorf("WebhookState ActualType %v", got)
		}
		dsa := s.ComplexTypes[xml.Name{Space: "http://schemas.datacontract.org/2004/07/System.Security.Cryptography", Local: "DSAParameters"}]
		if dsa == nil || !dsa.IsValueType {
			t.Error("DSAParameters is not marked IsValueType")
		}
		guid := s.SimpleTypes[xml.Name{Space: NSSerialization, Local: "guid"}]
		if guid == nil || len(guid.Restriction.Facets) != 1 || guid.Restriction.Facets[0].Kind != "pattern" {
			t.Errorf("guid facets: %+v", guid)
		}
	})
	t.Run("binding headers", func(t *testing.T) {
		b := s.Binding(xml.Name{Space: s88, Local: "BasicHttpBinding_Webhook"})
		if b == nil || b.Protocol != SOAP11 || b.Type.Local != "Webhook" {
			t.Fatalf("binding: %+v", b)
		}
		op := b.Operations[1]
		if op.Name != "SaveWebhook" || op.Action != s88+"/Webhook/SaveWebhook" {
			t.Errorf("operation %s action %s", op.Name, op.Action)
		}
		var in, out []string
		for _, h := range op.Input.Headers {
			in = append(in, h.Message.Local+"/"+h.Part)
		}
		for _, h := range op.Output.Headers {
			out = append(out, h.Part)
		}
		if diff := cmp.Diff([]string{"SaveWebhookRequest_Headers/ApplicationToken", "SaveWebhookRequest_Headers/Credentials", "SaveWebhookRequest_Headers/TimeZone"}, in); diff != "" {
			t.Errorf("input headers (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"ExceptionInfo", "ExtraInfo", "Succeeded", "TimeZone"}, out); diff != "" {
			t.Errorf("output headers (-want +got):\n%s", diff)
		}
	})
	t.Run("service address", func(t *testing.T) {
		var got []string
		for _, sv := range s.Services {
			for _, p := range sv.Ports {
				got = append(got, sv.Name.Local+" "+p.Name+" "+p.Address)
			}
		}
		want := []string{
			"WcfWebhookService BasicHttpBinding_Webhook https://sod.superoffice.com/Cust12345/Remote/Services88/Webhook.svc",
			"WcfSoPrincipalService BasicHttpBinding_SoPrincipal https://sod.superoffice.com/Cust12345/Remote/Services88/SoPrincipal.svc",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ports (-want +got):\n%s", diff)
		}
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestImportsLoadedOnce(t *testing.T) {
	s := parseDir(t, "../testdata/wsdl/imports", "imports.wsdl")
	want := []string{"imports.wsdl", "schemas/a.xsd", "schemas/a-part.xsd", "common/b.xsd"}
	if diff := cmp.Diff(want, s.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if s.ComplexTypes[xml.Name{Space: "http://example.com/sogen/imports/a", Local: "Line"}] == nil {
		t.Error("the included a-part.xsd's type is missing")
	}
}

// schemaFile wraps schema content in an xs:schema element.
func schemaFile(attrs, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" ` + attrs + `>` + body + `</xs:schema>`)}
}

func TestChameleonInclude(t *testing.T) {
	fsys := fstest.MapFS{
		"main.xsd": schemaFile(`targetNamespace="urn:main" xmlns:m="urn:main"`, `<xs:include schemaLocation="parts/cham.xsd"/><xs:element name="Root" type="m:Part"/>`),
		// No targetNamespace: its components take urn:main, and its unprefixed references too.
		"parts/cham.xsd": schemaFile(``, `<xs:complexType name="Part"><xs:sequence><xs:element name="Kind" type="Kind"/></xs:sequence></xs:complexType><xs:simpleType name="Kind"><xs:restriction base="xs:string"/></xs:simpleType>`),
	}
	s, err := Parse(fsys, []string{"main.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	part := s.ComplexTypes[xml.Name{Space: "urn:main", Local: "Part"}]
	if part == nil {
		t.Fatal("chameleon type not in the including namespace")
	}
	if got := part.Particle.Children[0].Element.Type; got != (xml.Name{Space: "urn:main", Local: "Kind"}) {
		t.Errorf("chameleon reference resolved to %v", got)
	}
}

func TestImportCycle(t *testing.T) {
	fsys := fstest.MapFS{
		"a.xsd": schemaFile(`targetNamespace="urn:a" xmlns:b="urn:b"`, `<xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:complexType name="A"><xs:sequence><xs:element name="B" type="b:B" minOccurs="0"/></xs:sequence></xs:complexType>`),
		"b.xsd": schemaFile(`targetNamespace="urn:b" xmlns:a="urn:a"`, `<xs:import namespace="urn:a" schemaLocation="a.xsd"/><xs:complexType name="B"><xs:sequence><xs:element name="A" type="a:A" minOccurs="0"/></xs:sequence></xs:complexType>`),
	}
	s, err := Parse(fsys, []string{"a.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.xsd", "b.xsd"}, s.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("<xs:annotation>", 300) + strings.Repeat("</xs:annotation>", 300)
	tests := []struct {
		name string
		fsys fstest.MapFS
		opts Options
		want string
	}{
		{"file size", fstest.MapFS{"a.xsd": schemaFile(`targetNamespace="urn:a"`, strings.Repeat(" ", 2000))}, Options{MaxFileSize: 1000},
			"a.xsd: the file is 2091 bytes, over the limit of 1000"},
		{"depth", fstest.MapFS{"a.xsd": schemaFile(`targetNamespace="urn:a"`, deep)}, Options{},
			"a.xsd: elements nested deeper than 256 (<xs:annotation> on line 1)"},
		{"files", fstest.MapFS{
			"a.xsd": schemaFile(`targetNamespace="urn:a"`, `<xs:include schemaLocation="b.xsd"/>`),
			"b.xsd": schemaFile(`targetNamespace="urn:a"`, `<xs:include schemaLocation="c.xsd"/>`),
			"c.xsd": schemaFile(`targetNamespace="urn:a"`, ``),
		}, Options{MaxFiles: 2}, "b.xsd: /xs:schema/xs:include: more than 2 files pulled in by imports"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.fsys, []string{"a.xsd"}, tt.opts)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v\nwant %s", err, tt.want)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Errorf("error is a %T, not a *parser.Error", err)
			}
		})
	}
}

func TestProlog(t *testing.T) {
	body := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:element name="E" type="xs:int"/></xs:schema>`
	tests := []struct {
		name, data string
	}{
		{"byte order mark", "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body},
		{"no declaration", body},
		{"comment first", "<!-- saved by a browser -->\n" + body},
		{"us-ascii", `<?xml version="1.0" encoding="US-ASCII"?>` + body},
		// Strictly, the XML declaration must come first (XML 1.0 section 2.8); saved and hand-edited
		// files often have something before it, which sogen accepts.
		{"blank lines before the declaration", "\n\r\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>" + body},
		{"comment before the declaration", "<!-- exported -->\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + body},
		{"byte order mark, then a blank line", "\xef\xbb\xbf\n<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(fstest.MapFS{"a.xsd": {Data: []byte(tt.data)}}, []string{"a.xsd"}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if s.Elements[xml.Name{Space: "urn:a", Local: "E"}] == nil {
				t.Error("element E not found")
			}
		})
	}
}

func TestPositions(t *testing.T) {
	fsys := fstest.MapFS{"a.wsdl": {Data: []byte(`<w:definitions xmlns:w="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">
<w:types>
<xs:schema targetNamespace="urn:a"/>
<xs:schema targetNamespace="urn:b"><xs:complexType name="T"><xs:sequence><xs:element name="x" type="xs:int"/><xs:element name="y" type="nope"/></xs:sequence></xs:complexType></xs:schema>
</w:types>
</w:definitions>`)}}
	_, err := Parse(fsys, []string{"a.wsdl"}, Options{Strict: true})
	want := "a.wsdl: /w:definitions/w:types/xs:schema[2]/xs:complexType[@name='T']/xs:sequence/xs:element[@name='y']: type {}nope is not defined"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	if h, _ := HintOf(err); h.Kind != HintNotStrict || h.Effect == "" {
		t.Errorf("hint %+v", h)
	}
}

func TestIdenticalDefinitionsMerge(t *testing.T) {
	typ := `<xs:complexType name="T"><xs:annotation><xs:documentation>%s</xs:documentation></xs:annotation><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType>`
	fsys := fstest.MapFS{
		"a.xsd": schemaFile(`targetNamespace="urn:a"`, strings.Replace(typ, "%s", "first", 1)),
		// Same definition, other documentation and prefix: identical for a client.
		"b.xsd": {Data: []byte(`<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><s:complexType name="T"><s:sequence><s:element name="x" type="s:int"/></s:sequence></s:complexType></s:schema>`)},
	}
	s, err := Parse(fsys, []string{"a.xsd", "b.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.ComplexTypes[xml.Name{Space: "urn:a", Local: "T"}].Pos.File; got != "a.xsd" {
		t.Errorf("kept the definition from %s, want the first (a.xsd)", got)
	}
}

func TestRootsMustBeInside(t *testing.T) {
	_, err := Parse(fstest.MapFS{}, []string{"../x.wsdl"}, Options{})
	if err == nil || !strings.Contains(err.Error(), `"../x.wsdl": a root must be a clean path relative to the directory holding the roots`) {
		t.Errorf("got %v", err)
	}
}

// TestLegacyXSDNamespace: the namespace of the 2000 draft of XML Schema, which the WSDL 1.1 note's
// examples use, is read as XML Schema 1.0, with a notice.
func TestLegacyXSDNamespace(t *testing.T) {
	fsys := fstest.MapFS{"a.xsd": {Data: []byte(`<schema xmlns="http://www.w3.org/2000/10/XMLSchema" targetNamespace="urn:a" xmlns:a="urn:a"><element name="E" type="a:T"/><complexType name="T"><all><element name="x" type="float"/></all></complexType></schema>`)}}
	s, err := Parse(fsys, []string{"a.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ct := s.ComplexTypes[xml.Name{Space: "urn:a", Local: "T"}]
	if ct == nil || ct.Particle.Children[0].Element.Type != (xml.Name{Space: NSXSD, Local: "float"}) {
		t.Errorf("T = %+v", ct)
	}
	if len(s.Notices) != 1 || !strings.Contains(s.Notices[0], "a.xsd: read the XML Schema namespace http://www.w3.org/2000/10/XMLSchema") {
		t.Errorf("notices %q", s.Notices)
	}
}
