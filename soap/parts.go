package soap

import "encoding/xml"

// BodyUnmarshaler is implemented by the result of an operation whose reply puts several elements in
// the SOAP Body: a document-style message with several parts (WSDL 1.1 section 3.5, "the message
// parts appear directly under the soap:Body element"; WS-I Basic Profile 1.1 R2201 and R2210 forbid
// it, but services do it). When a Call's Result implements it, the reply's Body is handed to it
// whole instead of element by element: the runtime still checks that the first element is the
// Operation's Response (the first part's element) and that it is not a Fault.
type BodyUnmarshaler interface {
	Unmarshaler
	// UnmarshalSOAPBody reads the Body's elements: first, whose start tag was read, then the others
	// (through d.Child or d.Children) up to and including the Body's end tag.
	UnmarshalSOAPBody(d *Decoder, first xml.StartElement) error
}
