// Package soapconv converts SOAP envelopes between the forms sogen's tests and users' canned replies
// meet: SuperOffice's documented examples (SOAP 1.2 namespace, header blocks directly under Envelope)
// to the SOAP 1.1 envelope of their binding. soap/soaptest.ToSOAP11 and internal/soaptest.ToSOAP11
// are this one function.
package soapconv

import (
	"fmt"

	"github.com/beevik/etree"
)

// Namespaces of the SOAP envelopes and encodings.
const (
	soap11Env = "http://schemas.xmlsoap.org/soap/envelope/"
	soap12Env = "http://www.w3.org/2003/05/soap-envelope"
	soap11Enc = "http://schemas.xmlsoap.org/soap/encoding/"
	soap12Enc = "http://www.w3.org/2003/05/soap-encoding"
)

// ToSOAP11 converts an example envelope written in the SOAP 1.2 namespace, with the header blocks
// directly under Envelope, as SuperOffice documents its operations, to the SOAP 1.1 envelope their
// binding (basicHttpBinding) prescribes: the envelope (and encoding) namespace is rebound to SOAP
// 1.1, and every child of Envelope other than Header and Body moves into a Header element placed
// before Body. Nothing else changes.
func ToSOAP11(example []byte) ([]byte, error) {
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(example); err != nil {
		return nil, err
	}
	env := doc.Root()
	if env == nil || env.Tag != "Envelope" {
		return nil, fmt.Errorf("the root element is not an Envelope")
	}
	envPrefix := env.Space
	for i, a := range env.Attr {
		if a.Space != "xmlns" && !(a.Space == "" && a.Key == "xmlns") {
			continue
		}
		switch a.Value {
		case soap12Env:
			env.Attr[i].Value = soap11Env
		case soap12Enc:
			env.Attr[i].Value = soap11Enc
		}
	}
	if env.NamespaceURI() != soap11Env {
		return nil, fmt.Errorf("the envelope namespace is %q after conversion", env.NamespaceURI())
	}
	var header, body *etree.Element
	var blocks []*etree.Element
	for _, c := range env.ChildElements() {
		switch {
		case c.Tag == "Header" && c.Space == envPrefix:
			header = c
		case c.Tag == "Body" && c.Space == envPrefix:
			body = c
		default:
			blocks = append(blocks, c)
		}
	}
	if body == nil {
		return nil, fmt.Errorf("the envelope has no Body")
	}
	if len(blocks) > 0 {
		if header == nil {
			header = etree.NewElement(qualified(envPrefix, "Header"))
			env.InsertChildAt(body.Index(), header)
		}
		for _, b := range blocks {
			env.RemoveChild(b)
			header.AddChild(b)
		}
	}
	return doc.WriteToBytes()
}

func qualified(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}
