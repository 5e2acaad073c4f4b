package parser

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestManyDefinitions parses a schema of 20,000 complex types (2 MB). Locating each definition
// counted its siblings every time, which made such a schema take minutes (and one at the 32 MiB
// limit days); it takes about a second. The bound is generous for slow and shared machines.
func TestManyDefinitions(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">`)
	for i := range n {
		fmt.Fprintf(&b, `<xs:complexType name="T%d"><xs:sequence><xs:element name="e" type="xs:string"/><xs:element name="f" type="xs:int"/></xs:sequence></xs:complexType>`, i)
	}
	b.WriteString(`</xs:schema>`)
	start := time.Now()
	set, err := Parse(fstest.MapFS{"a.xsd": {Data: []byte(b.String())}}, []string{"a.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("parsing took %v", d)
	}
	if len(set.ComplexTypes) != n {
		t.Errorf("%d complex types", len(set.ComplexTypes))
	}
	t.Logf("%d bytes in %v", b.Len(), time.Since(start))
}
