package soap

import "encoding/xml"

// Element is XML kept as it was received: an xs:anyType value of a type this client does not know, or
// the detail of a fault. Encoding an Element writes it back: its xsi:type, attributes and content.
// Names are kept resolved (namespace URI, local name); prefixes are chosen afresh when it is written.
// A QName inside an attribute value or text other than xsi:type keeps its prefix as text.
type Element struct {
	// Name is the element's name as received.
	Name xml.Name
	// Type is the element's xsi:type, resolved; zero when it had none.
	Type xml.Name
	// Attr holds the attributes other than namespace declarations and xsi:type.
	Attr []xml.Attr
	// Content is the element's children in document order.
	Content []Node
}

// Node is one piece of an Element's content: text or a child element.
type Node struct {
	// Text is character data; it is meaningful when Element is nil.
	Text string
	// Element is a child element, or nil for text.
	Element *Element
}
