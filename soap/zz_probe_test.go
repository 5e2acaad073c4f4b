package soap_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

func TestZZProbe(t *testing.T) {
	e := soap.NewEncoder(nil)
	e.StartElement(soap.Start{Name: xml.Name{Local: "a"}})
	e.Attr(xml.Name{Space: "urn:b", Local: "y"}, "v")
	e.EndElement()
	fmt.Printf("%s %v\n", e.Bytes(), e.Err())
	d := soap.NewDecoder(strings.NewReader(`<r xmlns="urn:d"><a xmlns:p="urn:p">p:x</a></r>`))
	d.Root()
	d.Child()
	fmt.Println(d.ResolveQName(":x"))
}
