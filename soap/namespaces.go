package soap

// Namespaces of the specifications, as the runtime writes and reads them.
const (
	// XSDNamespace is the XML Schema namespace of the built-in types.
	XSDNamespace = "http://www.w3.org/2001/XMLSchema"
	// XSINamespace is the XML Schema instance namespace (xsi:type, xsi:nil).
	XSINamespace = "http://www.w3.org/2001/XMLSchema-instance"
	// XMLNamespace is the namespace bound to the reserved prefix xml.
	XMLNamespace = "http://www.w3.org/XML/1998/namespace"
	// SOAPEncNamespace is the namespace of the SOAP 1.1 encoding (SOAP 1.1 section 5): the value of
	// the encodingStyle attribute of rpc/encoded messages, and the namespace of soapenc:Array and its
	// arrayType attribute.
	SOAPEncNamespace = "http://schemas.xmlsoap.org/soap/encoding/"
	// SOAP12EncNamespace is the namespace of the SOAP 1.2 encoding (SOAP 1.2 Part 2 section 3), used
	// by rpc/encoded operations of SOAP 1.2 bindings: arrays carry enc:itemType and enc:arraySize,
	// and references are enc:ref="x" to the element with enc:id="x".
	SOAP12EncNamespace = "http://www.w3.org/2003/05/soap-encoding"
	// SerializationNamespace is the namespace of WCF's serialization schema, which defines the simple
	// types char, duration and guid that WCF writes as the xsi:type of .NET char, TimeSpan and Guid
	// values in an xs:anyType slot (an object member, a StringObjectDictionary value).
	SerializationNamespace = "http://schemas.microsoft.com/2003/10/Serialization/"
)
