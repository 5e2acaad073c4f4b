package xmlr_test

import (
	"fmt"
	"strconv"

	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

var (
	soapNS = xmlr.Intern("http://schemas.xmlsoap.org/soap/envelope/")
	tempNS = xmlr.Intern("urn:example:temperature")
	xsiNS  = xmlr.Intern("http://www.w3.org/2001/XMLSchema-instance")
)

// A decoder reads the reply with Child, compares names as (NS, local name) without allocating, and
// reads simple content with ReadText.
func Example() {
	reply := []byte(`<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <t:Reading xmlns:t="urn:example:temperature" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
      <t:Place>Troms&#248; &amp; Alta</t:Place>
      <t:Celsius>-12</t:Celsius>
      <t:Note i:nil="true"/>
      <t:Unknown><x/></t:Unknown>
    </t:Reading>
  </s:Body>
</s:Envelope>`)
	r := xmlr.NewReader(reply)
	for _, want := range []struct {
		ns    xmlr.NS
		local string
	}{{soapNS, "Envelope"}, {soapNS, "Body"}, {tempNS, "Reading"}} {
		if ok, err := r.Child(); err != nil || !ok || !r.Is(want.ns, want.local) {
			fmt.Println("unexpected:", string(r.Local()), err)
			return
		}
	}
	for {
		ok, err := r.Child()
		if err != nil {
			fmt.Println(err)
			return
		}
		if !ok {
			break
		}
		switch {
		case r.Is(tempNS, "Place"):
			v, err := r.ReadText()
			fmt.Printf("place %q %v\n", v, err)
		case r.Is(tempNS, "Celsius"):
			v, err := r.ReadText()
			if err == nil {
				var n int64
				n, err = strconv.ParseInt(string(v), 10, 32)
				fmt.Println("celsius", n)
			}
			if err != nil {
				fmt.Println(err)
			}
		case r.Is(tempNS, "Note"):
			nilled, _ := r.AttrValue(xsiNS, "nil")
			fmt.Printf("note nil=%s\n", nilled)
			r.Skip()
		default:
			raw, err := r.SkipRaw()
			fmt.Printf("skipped %s %v\n", raw, err)
		}
	}
	fmt.Println("at", r.Path())
	// Output:
	// place "Tromsø & Alta" <nil>
	// celsius -12
	// note nil=true
	// skipped <t:Unknown><x/></t:Unknown> <nil>
	// at Envelope/Body/Reading
}
