package parser

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestRemoteLocations checks that a remote location is read only through the Resolver, once per
// URL, that locations inside a remote file resolve against its URL, and that, with Strict, a location
// the Resolver does not read (ErrNotRead) is an error naming it, with a HintRemote.
func TestRemoteLocations(t *testing.T) {
	fsys := fstest.MapFS{
		"main.xsd": schemaFile(`targetNamespace="urn:main" xmlns:r="urn:r"`,
			`<xs:import namespace="urn:r" schemaLocation="https://example.com/schemas/r.xsd"/>`+
				`<xs:import namespace="urn:r" schemaLocation="https://example.com/schemas/./r.xsd#top"/>`+
				`<xs:element name="Root" type="r:R"/>`),
	}
	remote := map[string]string{
		// r.xsd includes a sibling by a relative path, and a parent's by ../: they resolve against
		// r.xsd's URL, never to a local file.
		"https://example.com/schemas/r.xsd":            `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r"><xs:include schemaLocation="parts/r-part.xsd"/><xs:include schemaLocation="../main.xsd"/></xs:schema>`,
		"https://example.com/schemas/parts/r-part.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r"><xs:complexType name="R"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType></xs:schema>`,
		"https://example.com/main.xsd":                 `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r"><xs:element name="FromParent" type="xs:int"/></xs:schema>`,
	}
	local := FS(fsys)
	t.Run("through the Resolver", func(t *testing.T) {
		var asked []string
		r := func(loc string, max int64) ([]byte, error) {
			asked = append(asked, loc)
			if !isURL(loc) {
				return local(loc, max)
			}
			s, ok := remote[loc]
			if !ok {
				return nil, errors.New("not found")
			}
			return []byte(s), nil
		}
		s, err := Read(r, []string{"main.xsd"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"main.xsd", "https://example.com/schemas/r.xsd", "https://example.com/schemas/parts/r-part.xsd", "https://example.com/main.xsd"}
		if diff := cmp.Diff(want, asked); diff != "" {
			t.Errorf("locations read (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want, s.Files); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
		if s.ComplexTypes[xml.Name{Space: "urn:r", Local: "R"}] == nil || s.Elements[xml.Name{Space: "urn:r", Local: "FromParent"}] == nil {
			t.Error("a remote definition is missing")
		}
	})
	t.Run("not read", func(t *testing.T) {
		// An xs:import's location is a hint: by default it is passed over (TestUnreadImport), with
		// Strict it is an error naming it, with a HintRemote.
		_, err := Parse(fsys, []string{"main.xsd"}, Options{Strict: true})
		want := `main.xsd: /xs:schema/xs:import[1]: schemaLocation="https://example.com/schemas/r.xsd" is a remote location, which was not read`
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
		wantHint := Hint{Kind: HintRemote, URL: "https://example.com/schemas/r.xsd", Namespace: "urn:r",
			Effect: "pass the import over, reading what refers into its namespace as any content"}
		if h, ok := HintOf(err); !ok || h != wantHint {
			t.Errorf("hint %+v, %v", h, ok)
		}
	})
	t.Run("a failure of the Resolver names the importing element, and is wrapped", func(t *testing.T) {
		noRoute := errors.New("no route to host")
		r := func(loc string, max int64) ([]byte, error) {
			if isURL(loc) {
				return nil, noRoute
			}
			return local(loc, max)
		}
		_, err := Read(r, []string{"main.xsd"}, Options{})
		want := "main.xsd: /xs:schema/xs:import[1]: no route to host"
		if err == nil || err.Error() != want || !errors.Is(err, noRoute) {
			t.Errorf("got  %v\nwant %s, wrapping the Resolver's error", err, want)
		}
		if h, ok := HintOf(err); ok {
			t.Errorf("hint %+v", h)
		}
		// A hint of the Resolver's own is found through the parser's error.
		hinted := &Error{Msg: "offline", Hint: Hint{Kind: HintRemote, URL: "https://example.com/schemas/r.xsd"}}
		_, err = Read(func(loc string, max int64) ([]byte, error) {
			if isURL(loc) {
				return nil, fmt.Errorf("proxy: %w", hinted)
			}
			return local(loc, max)
		}, []string{"main.xsd"}, Options{})
		if h, _ := HintOf(err); h != hinted.Hint {
			t.Errorf("hint %+v, want the Resolver's", h)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		big := strings.Repeat(" ", 5000) + remote["https://example.com/schemas/r.xsd"]
		r := func(loc string, max int64) ([]byte, error) {
			if isURL(loc) {
				return []byte(big), nil
			}
			return local(loc, max)
		}
		_, err := Read(r, []string{"main.xsd"}, Options{MaxFileSize: 1000})
		if err == nil || !strings.Contains(err.Error(), "https://example.com/schemas/r.xsd: the file is over the limit of 1000 bytes") {
			t.Errorf("got %v", err)
		}
	})
}

// TestLocalLocations checks what a Resolver is asked for local locations: paths relative to the
// directory of the roots, "../" when leading out of it, cleaned by name; absolute paths and roots
// that are not clean relative paths are refused before any Resolver is asked.
func TestLocalLocations(t *testing.T) {
	docs := map[string]*fstest.MapFile{
		"svc/a.xsd":           schemaFile(`targetNamespace="urn:a"`, `<xs:include schemaLocation="../../common/./b.xsd?x=1#f"/>`),
		"../common/b.xsd":     schemaFile(`targetNamespace="urn:a"`, `<xs:include schemaLocation="..\common\sub\c.xsd"/>`),
		"../common/sub/c.xsd": schemaFile(`targetNamespace="urn:a"`, `<xs:element name="C" type="xs:int"/>`),
	}
	var asked []string
	r := func(loc string, max int64) ([]byte, error) {
		asked = append(asked, loc)
		if d, ok := docs[loc]; ok {
			return d.Data, nil
		}
		return nil, fmt.Errorf("open %s: no such file", loc)
	}
	if _, err := Read(r, []string{"svc/a.xsd"}, Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"svc/a.xsd", "../common/b.xsd", "../common/sub/c.xsd"}, asked); diff != "" {
		t.Errorf("locations read (-want +got):\n%s", diff)
	}
	for _, loc := range []string{"/etc/passwd", `C:\x.xsd`, `\\server\x.xsd`} {
		asked = nil
		docs["abs.xsd"] = schemaFile(`targetNamespace="urn:a"`, `<xs:include schemaLocation="`+loc+`"/>`)
		_, err := Read(r, []string{"abs.xsd"}, Options{})
		if err == nil || !strings.Contains(err.Error(), "is an absolute path") || len(asked) != 1 {
			t.Errorf("%s: %v (asked %q)", loc, err, asked)
		}
	}
	for _, root := range []string{"/abs.xsd", "../abs.xsd", "./abs.xsd", "a//abs.xsd", "."} {
		asked = nil
		if _, err := Read(r, []string{root}, Options{}); err == nil || len(asked) != 0 {
			t.Errorf("root %q: %v (asked %q)", root, err, asked)
		}
	}
	// The FS Resolver reads nothing out of its file system.
	_, err := Parse(fstest.MapFS{"svc/a.xsd": docs["svc/a.xsd"]}, []string{"svc/a.xsd"}, Options{})
	if want := `svc/a.xsd: /xs:schema/xs:include: ../common/b.xsd leads outside the input directory`; err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
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
