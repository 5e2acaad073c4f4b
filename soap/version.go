package soap

import "strconv"

// Envelope namespaces: SOAP 1.1 (W3C Note "Simple Object Access Protocol (SOAP) 1.1", section 4.1.2)
// and SOAP 1.2 (SOAP Version 1.2 Part 1, section 5.1).
const (
	envelope11 = "http://schemas.xmlsoap.org/soap/envelope/"
	envelope12 = "http://www.w3.org/2003/05/soap-envelope"
)

// Version is a SOAP version.
type Version int

const (
	// V11 is SOAP 1.1 (W3C Note, 8 May 2000).
	V11 Version = 1 + iota
	// V12 is SOAP 1.2 (W3C Recommendation).
	V12
)

// String returns "SOAP 1.1" or "SOAP 1.2".
func (v Version) String() string {
	switch v {
	case V11:
		return "SOAP 1.1"
	case V12:
		return "SOAP 1.2"
	}
	return "Version(" + strconv.Itoa(int(v)) + ")"
}

// EnvelopeNamespace returns the namespace of the version's Envelope element:
// http://schemas.xmlsoap.org/soap/envelope/ for SOAP 1.1, http://www.w3.org/2003/05/soap-envelope for
// SOAP 1.2, and "" for an unknown version.
func (v Version) EnvelopeNamespace() string {
	switch v {
	case V11:
		return envelope11
	case V12:
		return envelope12
	}
	return ""
}
