// Package soap is the runtime of the SOAP clients sogen generates, as their users see it: how a call
// is sent (Client and the call options), what it returns when it fails (Fault, HTTPError,
// DecodeError, ErrResponseTooLarge), how a field's wire state is read and set beyond its Go value
// (Presence), and the Go types of the XML Schema values that have no exact Go counterpart (DateTime,
// Date, TimeOfDay, Duration, Decimal, Element for XML kept as it came).
//
// A generated package has one client type per port type, with one method per operation:
//
//	agent := services88.NewWebhookAgent(&soap.Client{MaxResponseSize: 64 << 20})
//	agent.Endpoint = "https://online.superoffice.com/Cust12345/Remote/Services88/Webhook.svc"
//	hooks, err := agent.GetAllWebhooks(ctx, "", "", "", soap.WithHTTPHeader("X-Trace", id))
//
// The generated code itself encodes and decodes through package soap/soapimpl, which only generated
// code imports.
//
// # Calls
//
// A call posts the request envelope to the client's endpoint with the HTTP binding of its SOAP version
// (SOAP 1.1: text/xml and the SOAPAction header; SOAP 1.2: application/soap+xml with the action
// parameter), reads the reply within the Client's MaxResponseSize and decodes it, checking the
// context as it goes. Options change one call: WithEndpoint, WithHTTPHeader, WithRequestHeader (the
// SOAP header blocks sent) and WithResponseHeader (where the reply's header blocks go).
//
// # Errors
//
// Every error a call returns names the operation ("soap: Webhook.SaveWebhook: ...") and wraps its
// cause, so that errors.As finds it:
//
//   - a *Fault for a SOAP fault, whatever the HTTP status; when the operation declares the fault's
//     detail element, a generated error type wrapping the *Fault, with the detail decoded;
//   - an *HTTPError for a reply that is not a SOAP envelope (an HTML login page, a proxy's error) or a
//     non-2xx reply without fault, with an excerpt of the body;
//   - a *DecodeError for an envelope that cannot be read (not well-formed, truncated, a value that is
//     not of its type), with the path of the element and its position;
//   - ErrResponseTooLarge (errors.Is) for a reply longer than the Client's MaxResponseSize, and the
//     context's error when the call is cancelled or times out;
//   - the error a response header's CheckResponse reports (ResponseChecker), for APIs that report
//     failure in the reply's header blocks; ResultDecoded then says whether the result came with it.
//
// The values the request sends in elements named like secrets (IsSecretName: a Ticket, a Password,
// an ApiKey...), the password of the endpoint's URL and the credentials given with WithHTTPHeader are
// replaced by Redacted wherever an error would show them.
//
// # Wire states
//
// A field's Go value decides what is sent: a nil pointer, slice, map or interface (and the empty
// string where the schema's type has no empty value) leaves an optional element out and sends a
// required nillable one as xsi:nil; other values are sent as they are. The struct's Presence field
// records any other state the schema allows (SetNil, SetAbsent, SetPresent; the nil items of a string
// array, the nil values of a string dictionary), and decoding records there what the wire said, so
// that a decoded value is sent back exactly as it came. A value the schema cannot carry — nothing in a
// required, non-nillable element — is an encoding error naming the field, not a guess.
//
// # Values
//
// DateTime, Date, TimeOfDay, Duration and Decimal keep the text of the value they were decoded from,
// so that it is sent back byte for byte, and convert to and from time.Time, time.Duration and
// math/big values. Element and Node hold XML kept as it came: an xs:anyType value of a type the
// package does not know, the content of an xs:any wildcard, a fault's detail. An xs:anyType field
// holds the Go value of what it received: a string, an int32, a DateTime, a generated type, or one of
// the types of this package named after the XML Schema built-ins that share a Go type with another
// (Token, AnyURI, Integer, HexBinary...) or after WCF's serialization types (GUID, Char, TimeSpan).
package soap
