package sogen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/internal/soaptest"
)

// BenchmarkGenerateWebhook measures the whole pipeline (parse, model, emit with gofmt) on the
// Services88 Webhook fixture and the schemas it imports.
func BenchmarkGenerateWebhook(b *testing.B) {
	cfg := sogen.Config{FS: os.DirFS("testdata/wsdl/services88"), Roots: []string{"Webhook.wsdl"}, Package: "services88", ClientSuffix: "Agent"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sogen.Generate(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateServices88Corpus measures the whole pipeline on every Services88 WSDL of the
// corpus into one package (needs SOGEN_CORPUS), and reports the size of the output: lines, and lines
// per schema type.
func BenchmarkGenerateServices88Corpus(b *testing.B) {
	dir := soaptest.Corpus(b, "superoffice", "Services88")
	roots, err := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	if err != nil || len(roots) == 0 {
		b.Fatalf("no WSDLs in %s", dir)
	}
	for i, r := range roots {
		roots[i] = filepath.Base(r)
	}
	cfg := sogen.Config{FS: os.DirFS(dir), Roots: roots, Package: "services88", ClientSuffix: "Agent"}
	pkg, err := sogen.Model(cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var res *sogen.Result
	for b.Loop() {
		if res, err = sogen.Generate(cfg); err != nil {
			b.Fatal(err)
		}
	}
	// The size of the output: lines in all, and per schema type (the model's types).
	lines := 0
	for _, f := range res.Files {
		lines += bytes.Count(f.Content, []byte("\n"))
	}
	b.ReportMetric(float64(lines), "lines")
	b.ReportMetric(float64(lines)/float64(len(pkg.Types)), "lines/type")
}

// deepExtensionWSDL returns a WSDL whose schema has a chain of depth complexContent extensions, each
// type adding one element to its base's, and an operation taking and returning the deepest type.
func deepExtensionWSDL(depth int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>
<wsdl:definitions name="Deep" targetNamespace="urn:deep" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:deep">
  <wsdl:types>
    <xs:schema targetNamespace="urn:deep" elementFormDefault="qualified">
      <xs:complexType name="T0"><xs:sequence><xs:element name="F0" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
`)
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&b, `      <xs:complexType name="T%d"><xs:complexContent><xs:extension base="tns:T%d"><xs:sequence><xs:element name="F%d" type="xs:int" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
`, i, i-1, i)
	}
	fmt.Fprintf(&b, `      <xs:element name="Echo"><xs:complexType><xs:sequence><xs:element name="V" type="tns:T%[1]d"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="EchoResponse"><xs:complexType><xs:sequence><xs:element name="V" type="tns:T%[1]d"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="EchoIn"><wsdl:part name="p" element="tns:Echo"/></wsdl:message>
  <wsdl:message name="EchoOut"><wsdl:part name="p" element="tns:EchoResponse"/></wsdl:message>
  <wsdl:portType name="Deep"><wsdl:operation name="Echo"><wsdl:input message="tns:EchoIn"/><wsdl:output message="tns:EchoOut"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="DeepSoap" type="tns:Deep"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Echo"><soap:operation soapAction="urn:deep/Echo"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="DeepService"><wsdl:port name="DeepSoap" binding="tns:DeepSoap"><soap:address location="http://example.com/deep"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`, depth)
	return []byte(b.String())
}

// BenchmarkGenerateDeepExtension measures the whole pipeline on a chain of 250 complexContent
// extensions (a 55 KB WSDL): generation grows linearly with the depth, each derived type's table
// referring to its base's.
func BenchmarkGenerateDeepExtension(b *testing.B) {
	fsys := fstest.MapFS{"deep.wsdl": {Data: deepExtensionWSDL(250)}}
	cfg := sogen.Config{FS: fsys, Roots: []string{"deep.wsdl"}, Package: "deep"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sogen.Generate(cfg); err != nil {
			b.Fatal(err)
		}
	}
}
