package sogen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
)

// injectionWSDL puts ns as the target namespace and doc as the documentation of every definition that
// has one, and in the soapAction and address.
func injectionWSDL(ns, doc string) string {
	return `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="` + ns + `" targetNamespace="` + ns + `">
<wsdl:types><xs:schema targetNamespace="` + ns + `" elementFormDefault="qualified">
<xs:simpleType name="E"><xs:annotation><xs:documentation>` + doc + `</xs:documentation></xs:annotation><xs:restriction base="xs:string"><xs:enumeration value="V"><xs:annotation><xs:documentation>` + doc + `</xs:documentation></xs:annotation></xs:enumeration></xs:restriction></xs:simpleType>
<xs:complexType name="T"><xs:annotation><xs:documentation>` + doc + `</xs:documentation></xs:annotation><xs:sequence><xs:element name="In" type="tns:E"><xs:annotation><xs:documentation>` + doc + `</xs:documentation></xs:annotation></xs:element><xs:element name="Items" type="tns:ArrayOfstring"/></xs:sequence></xs:complexType>
<xs:complexType name="ArrayOfstring"><xs:sequence><xs:element name="string" type="xs:string" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
<xs:element name="Ping" type="tns:T"><xs:annotation><xs:documentation>` + doc + `</xs:documentation></xs:annotation></xs:element>
</xs:schema></wsdl:types>
<wsdl:message name="PingRequest"><wsdl:part name="parameters" element="tns:Ping"/></wsdl:message>
<wsdl:portType name="Bad"><wsdl:documentation>` + doc + `</wsdl:documentation><wsdl:operation name="Ping"><wsdl:documentation>` + doc + `</wsdl:documentation><wsdl:input message="tns:PingRequest"/></wsdl:operation></wsdl:portType>
<wsdl:binding name="BadBinding" type="tns:Bad"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
<wsdl:operation name="Ping"><soap:operation soapAction="` + doc + `"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
<wsdl:service name="S"><wsdl:documentation>` + doc + `</wsdl:documentation><wsdl:port name="P" binding="tns:BadBinding"><soap:address location="http://example.com/` + doc + `"/></wsdl:port></wsdl:service>
</wsdl:definitions>`
}

// declarations returns the top-level declarations of the generated files, as "file: kind name" (the
// namespace constants, named after their namespace, as "ns..."), and fails the test when a file does
// not parse.
func declarations(t *testing.T, res *sogen.Result) []string {
	t.Helper()
	var out []string
	for _, f := range res.Files {
		af, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s does not parse: %v", f.Name, err)
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				out = append(out, f.Name+": func "+d.Name.Name)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						out = append(out, f.Name+": type "+s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							name := n.Name
							if strings.HasPrefix(name, "ns") {
								name = "ns..." // named after the namespace
							}
							out = append(out, f.Name+": "+d.Tok.String()+" "+name)
						}
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestNoCodeInjection generates from WSDLs whose namespace and documentation try to end the comments
// they are written in (*/, a leading // or /* before a line break) or hold a byte order mark, which Go
// refuses outside the start of a file: the output must declare exactly what a harmless WSDL gives.
// Before emit made comment text safe, "urn:x */ func init() { ... } /*" as a namespace added two
// init functions to types.go.
func TestNoCodeInjection(t *testing.T) {
	generate := func(ns, doc string) (*sogen.Result, error) {
		return sogen.Generate(sogen.Config{FS: fstest.MapFS{"a.wsdl": {Data: []byte(injectionWSDL(ns, doc))}}, Roots: []string{"a.wsdl"}, Package: "x"})
	}
	clean, err := generate("urn:x", "harmless")
	if err != nil {
		t.Fatal(err)
	}
	want := declarations(t, clean)
	namespaces := []string{"urn:x", "urn:x */ func init() { panic(1) } /*", "urn:x&#10;*/ func init() { panic(1) } /*", "urn:x&#10;func init() { panic(1) }&#10;//", "urn:x&#xFEFF;"}
	docs := []string{"harmless", "*/ func init() { panic(2) } /*", "a&#10;*/ func init() { panic(2) } /*&#10;b", "//x&#10;func init() { panic(3) }",
		"/*x&#10;func init() { panic(4) }", "a&#10;func init() { panic(5) }", "byte order mark &#xFEFF; here"}
	for _, ns := range namespaces {
		for _, doc := range docs {
			res, err := generate(ns, doc)
			if err != nil {
				t.Errorf("ns %q, doc %q: %v", ns, doc, err)
				continue
			}
			if diff := cmp.Diff(want, declarations(t, res)); diff != "" {
				t.Errorf("ns %q, doc %q: declarations differ (-harmless +got):\n%s", ns, doc, diff)
			}
			for _, f := range res.Files {
				if strings.Contains(string(f.Content), "\uFEFF") {
					t.Errorf("ns %q, doc %q: %s holds a byte order mark", ns, doc, f.Name)
				}
			}
		}
	}
}
