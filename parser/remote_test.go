package parser

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestRemoteLocations checks that a remote location is read only through Options.Remote, once per
// URL, that locations inside a remote file resolve against its URL, and that without Remote the error
// names the location and both ways out.
func TestRemoteLocations(t *testing.T) {
	fsys := fstest.MapFS{
		"main.xsd": schemaFile(`targetNamespace="urn:main" xmlns:r="urn:r"`,
			`<xs:import namespace="urn:r" schemaLocation="https://example.com/schemas/r.xsd"/>`+
				`<xs:import namespace="urn:r" schemaLocation="https://example.com/schemas/./r.xsd#top"/>`+
				`<xs:element name="Root" type="r:R"/>`),
	}
	remote := map[string]string{
		// r.xsd includes a sibling by a relative path: it resolves against r.xsd's URL.
		"https://example.com/schemas/r.xsd":            `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r"><xs:include schemaLocation="parts/r-part.xsd"/></xs:schema>`,
		"https://example.com/schemas/parts/r-part.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r"><xs:complexType name="R"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType></xs:schema>`,
	}
	t.Run("through Remote", func(t *testing.T) {
		var asked []string
		opts := Options{Remote: func(u string) ([]byte, error) {
			asked = append(asked, u)
			s, ok := remote[u]
			if !ok {
				return nil, errors.New("not found")
			}
			return []byte(s), nil
		}}
		s, err := Parse(fsys, []string{"main.xsd"}, opts)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"https://example.com/schemas/r.xsd", "https://example.com/schemas/parts/r-part.xsd"}
		if diff := cmp.Diff(want, asked); diff != "" {
			t.Errorf("URLs read (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(append([]string{"main.xsd"}, want...), s.Files); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
		if s.ComplexTypes[xml.Name{Space: "urn:r", Local: "R"}] == nil {
			t.Error("the remote type R is missing")
		}
	})
	t.Run("without Remote", func(t *testing.T) {
		_, err := Parse(fsys, []string{"main.xsd"}, Options{})
		want := `main.xsd: /xs:schema/xs:import[1]: schemaLocation="https://example.com/schemas/r.xsd" is a remote location, which sogen does not fetch unless asked: run sogen with -fetch to download it, or save it and run sogen with -map https://example.com/schemas/r.xsd=FILE to read your copy`
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})
	t.Run("a failure of Remote names the importing element", func(t *testing.T) {
		_, err := Parse(fsys, []string{"main.xsd"}, Options{Remote: func(u string) ([]byte, error) { return nil, errors.New("no route to host") }})
		want := "main.xsd: /xs:schema/xs:import[1]: no route to host"
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		big := strings.Repeat(" ", 5000) + remote["https://example.com/schemas/r.xsd"]
		_, err := Parse(fsys, []string{"main.xsd"}, Options{MaxFileSize: 1000, Remote: func(string) ([]byte, error) { return []byte(big), nil }})
		if err == nil || !strings.Contains(err.Error(), "https://example.com/schemas/r.xsd is over the size limit of 1000 bytes") {
			t.Errorf("got %v", err)
		}
	})
}

// TestWSDLImportCycle: two WSDL documents importing each other are each read once.
func TestWSDLImportCycle(t *testing.T) {
	doc := func(tns, imp string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`<w:definitions xmlns:w="http://schemas.xmlsoap.org/wsdl/" targetNamespace="` + tns + `"><w:import namespace="urn:x" location="` + imp + `"/></w:definitions>`)}
	}
	fsys := fstest.MapFS{"a.wsdl": doc("urn:a", "sub/b.wsdl"), "sub/b.wsdl": doc("urn:b", "../a.wsdl")}
	s, err := Parse(fsys, []string{"a.wsdl"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.wsdl", "sub/b.wsdl"}, s.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

// TestChameleonTwice: a schema without targetNamespace included into two namespaces is read once for
// each, its components taking each namespace.
func TestChameleonTwice(t *testing.T) {
	fsys := fstest.MapFS{
		"a.xsd":    schemaFile(`targetNamespace="urn:a"`, `<xs:include schemaLocation="cham.xsd"/><xs:import namespace="urn:b" schemaLocation="b.xsd"/>`),
		"b.xsd":    schemaFile(`targetNamespace="urn:b"`, `<xs:include schemaLocation="cham.xsd"/>`),
		"cham.xsd": schemaFile(``, `<xs:complexType name="C"><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence></xs:complexType>`),
	}
	s, err := Parse(fsys, []string{"a.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ns := range []string{"urn:a", "urn:b"} {
		if s.ComplexTypes[xml.Name{Space: ns, Local: "C"}] == nil {
			t.Errorf("C is missing in %s", ns)
		}
	}
}

// mapFS makes an fstest.MapFS from file contents.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}
