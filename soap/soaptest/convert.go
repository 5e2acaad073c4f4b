package soaptest

import "github.com/sogen-go/sogen/internal/soapconv"

// ToSOAP11 converts an example envelope written in the SOAP 1.2 namespace, with the header blocks
// directly under Envelope, as SuperOffice documents its operations, to the SOAP 1.1 envelope their
// binding (basicHttpBinding) prescribes: the envelope (and encoding) namespace is rebound to SOAP
// 1.1, and every child of Envelope other than Header and Body moves into a Header element placed
// before Body. Nothing else changes. NewCannedServer applies it to SOAP 1.2 replies to SOAP 1.1
// requests.
func ToSOAP11(example []byte) ([]byte, error) { return soapconv.ToSOAP11(example) }
