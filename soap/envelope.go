package soap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

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

// versionOf returns the version whose envelope namespace is ns, or 0.
func versionOf(ns string) Version {
	switch ns {
	case envelope11:
		return V11
	case envelope12:
		return V12
	}
	return 0
}

// Operation is the static description of one operation of a binding; generated code declares one per
// operation.
type Operation struct {
	// Name names the operation in error messages, e.g. "Webhook.SaveWebhook".
	Name string
	// Action is the soapAction of the WSDL binding: sent as the SOAPAction HTTP header with SOAP 1.1
	// and as the action parameter of the media type with SOAP 1.2. It may be empty.
	Action string
	// Version is the SOAP version of the binding.
	Version Version
	// Request is the name of the request body element.
	Request xml.Name
	// Response is the name of the expected response body element; it is zero for a one-way operation.
	Response xml.Name
	// Encoded is set for an rpc/encoded operation: the request body follows the SOAP encoding of the
	// Version (SOAP 1.1 section 5, SOAP 1.2 Part 2 section 3: encodingStyle on the wrapper, xsi:type
	// on the values, SOAP-ENC arrays), and the reply's
	// Body is read into memory so that href references to multi-reference values resolve; the reply
	// wrapper may have any name (see the package documentation of the SOAP encoding in encoding.go).
	Encoded bool
	// Faults are the faults the operation declares: a reply's Fault whose detail holds one of their
	// elements is returned as that fault's typed error, which wraps the *Fault.
	Faults []FaultType
}

// name returns the operation's name for error messages.
func (op *Operation) name() string {
	if op.Name != "" {
		return op.Name
	}
	if op.Request.Local != "" {
		return op.Request.Local
	}
	return "(unnamed operation)"
}

// HeaderDecoder decodes the SOAP header blocks of a reply; generated response-header structs implement
// it.
type HeaderDecoder interface {
	// UnmarshalSOAPHeader decodes the header block se if it knows it, reporting whether it did; an
	// unknown block is left unread (the runtime skips it).
	UnmarshalSOAPHeader(d *Decoder, se xml.StartElement) (bool, error)
}

// ResponseChecker is implemented by a HeaderDecoder whose header blocks report whether the call
// succeeded: sogen generates CheckResponse for the response header structs of the APIs that report
// failure in a reply's headers (SuperOffice's Succeeded and ExceptionInfo, for instance; see the
// README's reply-header status contract), and a hand-written file may add it to another. After a reply
// without fault, Client.Do calls CheckResponse and returns its error: when the body was decoded, as an
// error for which ResultDecoded reports true; when the body could not be used, the failure it reports
// takes precedence over the body's error, which its message keeps.
type ResponseChecker interface {
	// CheckResponse returns the failure the decoded headers report, or nil.
	CheckResponse() error
}

// Call is one request: what generated code passes to Client.Do.
type Call struct {
	// Endpoint is the URL the request is posted to; WithEndpoint overrides it.
	Endpoint string
	// Caller names the generated client making the call, e.g. "services88.WebhookAgent", so that an
	// error about what its user set names it: "services88.WebhookAgent.Endpoint is empty". Empty names
	// the Call ("Call.Endpoint").
	Caller string
	// Namespaces are namespace URIs declared on the Envelope up front, with the prefixes ns1, ns2, ...
	// in this order, so that body and header elements do not repeat the declarations. The envelope,
	// xsi and xsd namespaces, the empty string and repeated URIs are left out of the numbering; the
	// SOAP encoding namespace gets the prefix soapenc.
	Namespaces []string
	// Header writes the request header blocks. When it is nil or writes nothing, the request has no
	// soap:Header element at all.
	Header func(e *Encoder)
	// Body is written as the single child of soap:Body, named by the Operation's Request. When it is
	// nil, an empty Request element is written (or nothing, if Request is zero).
	Body Marshaler
	// Result decodes the response body element; nil skips it (and is the usual value for a one-way
	// operation).
	Result Unmarshaler
	// ResponseHeader, if not nil, is offered the header blocks of the reply.
	ResponseHeader HeaderDecoder
	// Types is given to the reply's Decoder, to resolve xsi:type.
	Types TypeRegistry
}

// envelopePrefixes are the prefixes the request envelope prefers.
func envelopePrefixes(ns string) map[string]string {
	return map[string]string{ns: "soap", XSINamespace: "xsi", XSDNamespace: "xsd"}
}

// buildEnvelope writes the request envelope of call (SOAP 1.1 section 4, SOAP 1.2 Part 1 section 5):
// the XML declaration, then soap:Envelope declaring the envelope, xsi and xsd namespaces and
// call.Namespaces, an optional soap:Header and the soap:Body holding the request element.
func buildEnvelope(op *Operation, call *Call) ([]byte, error) {
	b, _, err := encodeEnvelope(op, call)
	return b, err
}

// encodeEnvelope is buildEnvelope, also returning the secrets the request carries (the values of its
// elements and attributes named like secrets, IsSecretName), even when encoding fails.
func encodeEnvelope(op *Operation, call *Call) ([]byte, secrets, error) {
	ns := op.Version.EnvelopeNamespace()
	e := NewEncoder(envelopePrefixes(ns))
	e.Raw(`<?xml version="1.0" encoding="utf-8"?>`)

	e.Bind("soap", ns)
	e.Bind("xsi", XSINamespace)
	e.Bind("xsd", XSDNamespace)
	declared := map[string]bool{ns: true, XSINamespace: true, XSDNamespace: true, XMLNamespace: true}
	n := 0
	for _, uri := range call.Namespaces {
		if uri == "" || declared[uri] {
			continue
		}
		declared[uri] = true
		if uri == SOAPEncNamespace && op.Version != V12 || uri == SOAP12EncNamespace && op.Version == V12 {
			e.Bind("soapenc", uri)
			continue
		}
		n++
		e.Bind("ns"+strconv.Itoa(n), uri)
	}
	e.StartElement(Start{Name: xml.Name{Space: ns, Local: "Envelope"}})

	if call.Header != nil {
		// Write soap:Header, and take it back if the header function wrote nothing inside it.
		e.closeStart()
		before := len(e.buf)
		depth := len(e.tags)
		e.StartElement(Start{Name: xml.Name{Space: ns, Local: "Header"}})
		started := len(e.buf)
		call.Header(e)
		switch {
		case len(e.tags) != depth+1:
			e.SetError(unbalanced("header", len(e.tags)-depth-1))
		case e.open && len(e.buf) == started:
			e.buf = e.buf[:before]
			e.truncate(e.tags[depth].scope)
			e.tags = e.tags[:depth]
			e.pending = e.pending[:0]
			e.open = false
		default:
			e.EndElement()
		}
	}

	e.StartElement(Start{Name: xml.Name{Space: ns, Local: "Body"}})
	depth := len(e.tags)
	if op.Encoded {
		// SOAP 1.1 section 4.1.1: encodingStyle on the wrapper element (not on the Envelope, where
		// WS-I BP R1005 forbids it), scoping the encoding to the body.
		e.Encoded = true
		e.encNS = SOAPEncNamespace
		if op.Version == V12 {
			e.encNS = SOAP12EncNamespace
		}
		e.next = []xml.Attr{{Name: xml.Name{Space: ns, Local: "encodingStyle"}, Value: e.encNS}}
		if e.hint[e.encNS] == "" {
			e.hint[e.encNS] = "soapenc"
		}
	}
	switch {
	case call.Body != nil:
		call.Body.MarshalSOAP(e, Start{Name: op.Request})
	case op.Request != xml.Name{}:
		e.StartElement(Start{Name: op.Request})
		e.EndElement()
	}
	e.Encoded, e.next, e.encNS = false, nil, ""
	if len(e.tags) != depth {
		e.SetError(unbalanced("body", len(e.tags)-depth))
	}
	if e.err != nil {
		return nil, e.secrets, e.err
	}
	e.EndElement() // Body
	e.EndElement() // Envelope
	if err := e.Err(); err != nil {
		return nil, e.secrets, err
	}
	return e.Bytes(), e.secrets, nil
}

// unbalanced reports a request header or body writer that did not close exactly the elements it opened.
func unbalanced(what string, open int) error {
	if open > 0 {
		return fmt.Errorf("the request %s writer left %d element(s) open", what, open)
	}
	return fmt.Errorf("the request %s writer closed %d element(s) it did not open", what, -open)
}

// reply is what decodeEnvelope needs to know of the HTTP reply carrying the envelope.
type reply struct {
	status int
	// secrets are the request's secrets, kept out of the errors.
	secrets secrets
	// httpError builds the *HTTPError for a reply that cannot be used.
	httpError func(reason string) error
}

func (r *reply) ok() bool { return r.status >= 200 && r.status < 300 }

// decodeEnvelope reads the reply envelope whose start tag root was just read: header blocks go to
// call.ResponseHeader, the body element to call.Result; a Fault is returned as *Fault.
//
// Structure: SOAP 1.1 section 4.1 (Envelope, then optional Header, then Body) and SOAP 1.2 Part 1
// section 5.1; the receiver is lenient about the order of Header and Body and skips other children of
// Envelope.
func decodeEnvelope(d *Decoder, root xml.StartElement, op *Operation, call *Call, r *reply) error {
	ns := root.Name.Space
	v := versionOf(ns)
	same := v == op.Version
	var hd HeaderDecoder
	if same && !isNilValue(call.ResponseHeader) {
		hd = call.ResponseHeader
	}
	sawBody := false
	var blocks []xml.Name // the header blocks hd decoded
	err := d.Children(func(se xml.StartElement) error {
		switch {
		case se.Name.Space == ns && se.Name.Local == "Header" && !sawBody:
			return decodeHeader(d, hd, &blocks)
		case se.Name.Space == ns && se.Name.Local == "Body" && !sawBody:
			sawBody = true
			if err := decodeBody(d, v, op, call, r); err != nil {
				return headerFailure(hd, err)
			}
			return nil
		}
		return d.Skip()
	})
	var f *Fault
	if ok := errors.As(err, &f); ok && err == error(f) {
		// The fault was read; the rest of the Body and the Envelope must be too, so that a truncated
		// reply is an error here as it is for a result. The fault stays reachable with errors.As.
		if derr := drainElements(d, 2); derr != nil {
			return fmt.Errorf("%w; the reply carried %w", derr, f)
		}
		return f
	}
	if err != nil {
		return err
	}
	if !sawBody {
		if !r.ok() {
			return headerFailure(hd, r.httpError("HTTP status"))
		}
		return headerFailure(hd, d.Errorf("the %s envelope has no Body", v))
	}
	if checker, ok := hd.(ResponseChecker); ok {
		if err := checker.CheckResponse(); err != nil {
			return &checkedError{err}
		}
	}
	return nil
}

// checkedError is the failure a ResponseChecker reported for a reply whose body was decoded into
// Call.Result without error (see ResultDecoded).
type checkedError struct{ err error }

func (e *checkedError) Error() string { return e.err.Error() }

func (e *checkedError) Unwrap() error { return e.err }

// ResultDecoded reports whether err, returned by Client.Do, is the failure the reply's header blocks
// report (ResponseChecker) for a reply whose body was decoded into Call.Result without error. The
// result then holds what the reply carried: generated methods return it together with err. For any
// other error, and for nil, it reports false.
func ResultDecoded(err error) bool {
	var c *checkedError
	return errors.As(err, &c)
}

// drainElements reads and skips the rest of the content of the elements being read, levels deep
// (2: the Body, then the Envelope).
func drainElements(d *Decoder, levels int) error {
	for levels > 0 {
		_, ok, err := d.Child()
		switch {
		case err != nil:
			return err
		case !ok:
			levels--
		default:
			if err := d.Skip(); err != nil {
				return err
			}
		}
	}
	return nil
}

// headerFailure returns, for a reply whose body could not be used (err, not a fault), the failure its
// headers report when there is one: a server that signals failure in a header (SuperOffice's
// Succeeded=false) may send an empty or odd body with it, and the header says what went wrong. The
// body's error is kept in the message.
func headerFailure(hd HeaderDecoder, err error) error {
	var f *Fault
	if errors.As(err, &f) {
		return err
	}
	checker, ok := hd.(ResponseChecker)
	if !ok {
		return err
	}
	if cerr := checker.CheckResponse(); cerr != nil {
		return fmt.Errorf("%w (and the reply body could not be used: %v)", cerr, err)
	}
	return err
}

// decodeHeader offers each header block to hd (which may be nil) and skips those it does not know.
// A block hd knows may occur once: decoded contains those already decoded, and a second occurrence is
// an error. A header struct holds one value per block, so a repeated block could only overwrite the
// first (and "last one wins" would let a second Succeeded=true hide a first Succeeded=false).
func decodeHeader(d *Decoder, hd HeaderDecoder, decoded *[]xml.Name) error {
	return d.Children(func(se xml.StartElement) error {
		if hd == nil {
			return d.Skip()
		}
		if slices.Contains(*decoded, se.Name) {
			return d.Errorf("the reply carries the header block %s more than once", braced(se.Name))
		}
		known, err := hd.UnmarshalSOAPHeader(d, se)
		if known {
			*decoded = append(*decoded, se.Name)
		}
		if known || err != nil {
			return err
		}
		return d.Skip()
	})
}

// decodeBody reads the content of soap:Body, in the reply's version v: a Fault (SOAP 1.1 section 4.4,
// SOAP 1.2 Part 1 section 5.4), or the response element.
func decodeBody(d *Decoder, v Version, op *Operation, call *Call, r *reply) error {
	ns := v.EnvelopeNamespace()
	if op.Encoded {
		if err := d.BufferEncoded(); err != nil {
			return err
		}
		defer func() { d.src, d.encoded = nil, false }()
	}
	se, ok, err := d.Child()
	if err != nil {
		return err
	}
	// An encoded reply may put multi-reference values (SOAP 1.1 section 5.1 rule 8) before the
	// reply element; they are read through the references to them.
	for ok && op.Encoded && multiRef(se) {
		if err := d.Skip(); err != nil {
			return err
		}
		if se, ok, err = d.Child(); err != nil {
			return err
		}
	}
	if ok && se.Name.Space == ns && se.Name.Local == "Fault" {
		// A fault is returned whatever the HTTP status (SOAP 1.1 section 6.2 uses 500; the SOAP 1.2 HTTP
		// binding, Part 2 section 7, uses 400 for env:Sender faults and 500 for the others; some servers
		// use 200) and whatever the version: a SOAP 1.2 VersionMismatch fault answering a SOAP 1.1
		// request is how a server reports the mismatch (SOAP 1.2 Part 1 section 5.4.7 and appendix A).
		f, err := decodeFault(d, v)
		if err != nil {
			return err
		}
		f.HTTPStatus = r.status
		// Secrets go first, so that the typed detail is decoded from the redacted one.
		r.secrets.fault(f)
		return typedFault(f, op, call.Types)
	}
	if !r.ok() {
		return r.httpError("HTTP status")
	}
	if v != op.Version {
		return d.Errorf("the reply is a %s envelope, the operation expects %s", v, op.Version)
	}
	if !ok {
		if op.Response == (xml.Name{}) {
			return nil
		}
		return d.Errorf("the reply Body is empty, expected element %s", braced(op.Response))
	}
	switch {
	case op.Response == (xml.Name{}):
		// A one-way operation expects nothing; whatever came is skipped.
		err = d.Skip()
	case se.Name != op.Response && !op.Encoded:
		// The name of an rpc/encoded reply wrapper is not significant (WSDL 1.1 section 3.5 gives it
		// only as a convention), and servers vary: any element is read as the reply.
		return d.Errorf("unexpected element %s in the reply Body, expected %s", braced(se.Name), braced(op.Response))
	case isNilValue(call.Result):
		err = d.Skip()
	default:
		if bu, ok := call.Result.(BodyUnmarshaler); ok {
			return bu.UnmarshalSOAPBody(d, se) // several parts: it reads the whole Body
		}
		err = call.Result.UnmarshalSOAP(d, se)
	}
	if err != nil {
		return err
	}
	// Further body elements are not expected (WS-I Basic Profile: one child); they are skipped, but read,
	// so that a truncated reply is still an error.
	for {
		_, ok, err := d.Child()
		if err != nil || !ok {
			return err
		}
		if err := d.Skip(); err != nil {
			return err
		}
	}
}

// braced formats name as {namespace}local.
func braced(name xml.Name) string {
	if name.Space == "" {
		return name.Local
	}
	return "{" + name.Space + "}" + name.Local
}
