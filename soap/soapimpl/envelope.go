package soapimpl

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/sogen-go/sogen/soap"
)

// The prefixes the request envelope prefers: soap for the envelope namespace, xsi, xsd, and soapenc for
// the SOAP encoding of an encoded body. One map per version and encoding, never changed.
var envelopePrefixes = func() (m [3][2]map[string]string) {
	for _, v := range []soap.Version{soap.V11, soap.V12} {
		for enc := 0; enc < 2; enc++ {
			p := map[string]string{v.EnvelopeNamespace(): "soap", soap.XSINamespace: "xsi", soap.XSDNamespace: "xsd"}
			if enc == 1 {
				p[encodingOf(v)] = "soapenc"
			}
			m[v][enc] = p
		}
	}
	return m
}()

// encodingOf returns the namespace of the SOAP encoding of version v.
func encodingOf(v soap.Version) string {
	if v == soap.V12 {
		return soap.SOAP12EncNamespace
	}
	return soap.SOAPEncNamespace
}

// encodeEnvelope writes the request envelope of call (SOAP 1.1 section 4, SOAP 1.2 Part 1 section 5)
// with e: the XML declaration, then soap:Envelope declaring the envelope, xsi and xsd namespaces and
// call.Namespaces, an optional soap:Header (the blocks of call.Header, then extra) and the soap:Body
// holding the request element. The secrets the request carries are in e.secrets, even when encoding
// fails.
func encodeEnvelope(e *Encoder, op *Operation, call *Call, extra []soap.HeaderBlock) error {
	return writeEnvelope(e, &outEnvelope{
		version:    op.Version,
		encoded:    op.Encoded,
		namespaces: call.Namespaces,
		header:     call.Header,
		which:      op.Headers,
		extra:      extra,
		body:       func(e *Encoder) { writeBody(e, op.Version, op.Encoded, op.Request, call.Request) },
	})
}

// outEnvelope is an envelope to write: a request, or a server's reply.
type outEnvelope struct {
	version soap.Version
	// encoded declares the prefix soapenc for the SOAP encoding of version.
	encoded bool
	// namespaces are declared on the Envelope up front (see Call.Namespaces).
	namespaces []string
	// header is a header struct, whose blocks listed in which are written (those set); extra are
	// blocks written after them, and more writes more blocks after those (a fault's Upgrade and
	// NotUnderstood blocks).
	header Message
	which  []int
	extra  []soap.HeaderBlock
	more   func(e *Encoder)
	// body writes the content of the Body; nil leaves it empty.
	body func(e *Encoder)
}

// writeEnvelope writes env with e: the XML declaration, then soap:Envelope declaring the envelope,
// xsi and xsd namespaces and env.namespaces, an optional soap:Header (left out when nothing is written
// in it) and the soap:Body.
func writeEnvelope(e *Encoder, env *outEnvelope) error {
	v := env.version
	ns := v.EnvelopeNamespace()
	enc := 0
	if env.encoded {
		enc = 1
	}
	e.Reset(envelopePrefixes[v][enc])
	e.Raw(`<?xml version="1.0" encoding="utf-8"?>`)

	e.Bind("soap", ns)
	e.Bind("xsi", soap.XSINamespace)
	e.Bind("xsd", soap.XSDNamespace)
	n := 0
	for i, uri := range env.namespaces {
		switch uri {
		case "", ns, soap.XSINamespace, soap.XSDNamespace, soap.XMLNamespace:
			continue
		}
		repeated := false
		for _, prev := range env.namespaces[:i] {
			repeated = repeated || prev == uri
		}
		if repeated {
			continue
		}
		if uri == encodingOf(v) {
			e.Bind("soapenc", uri)
			continue
		}
		n++
		e.Bind("ns"+strconv.Itoa(n), uri)
	}
	e.StartElement(xml.Name{Space: ns, Local: "Envelope"}, xml.Name{})

	if env.header != nil || len(env.extra) > 0 || env.more != nil {
		// Write soap:Header, and take it back if nothing was written inside it.
		e.closeStart()
		before := len(e.buf)
		depth := len(e.tags)
		e.StartElement(xml.Name{Space: ns, Local: "Header"}, xml.Name{})
		started := len(e.buf)
		if env.header != nil {
			env.header.SOAPType().EncodeHeader(e, env.header, env.which)
		}
		if len(e.tags) == depth+1 {
			writeHeaderBlocks(e, v, env.extra)
		}
		if env.more != nil && len(e.tags) == depth+1 {
			env.more(e)
		}
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

	e.StartElement(xml.Name{Space: ns, Local: "Body"}, xml.Name{})
	depth := len(e.tags)
	if env.body != nil {
		env.body(e)
	}
	if len(e.tags) != depth {
		e.SetError(unbalanced("body", len(e.tags)-depth))
	}
	if e.err != nil {
		return e.err
	}
	e.EndElement() // Body
	e.EndElement() // Envelope
	return e.Err()
}

// writeBody writes body as the element name, following the SOAP encoding of version v when encoded
// is set.
func writeBody(e *Encoder, v soap.Version, encoded bool, name xml.Name, body any) {
	if encoded {
		// SOAP 1.1 section 4.1.1: encodingStyle on the wrapper element (not on the Envelope, where
		// WS-I BP R1005 forbids it), scoping the encoding to the body.
		e.encoded = true
		e.encNS = encodingOf(v)
		e.next = []xml.Attr{{Name: xml.Name{Space: v.EnvelopeNamespace(), Local: "encodingStyle"}, Value: e.encNS}}
	}
	encodeBody(e, name, body)
	e.encoded, e.next, e.encNS = false, nil, ""
}

// encodeBody writes the content of the Body: body as the element name (nil: an empty element, or
// nothing when name is zero).
func encodeBody(e *Encoder, name xml.Name, body any) {
	switch b := body.(type) {
	case nil:
		if name != (xml.Name{}) {
			e.StartElement(name, xml.Name{})
			e.EndElement()
		}
	case Message:
		n := NewName(name.Space, name.Local)
		b.SOAPType().encodeElem(e, &n, xml.Name{}, b)
	case *Bare:
		f := bareField(name)
		b.Codec.c.enc(0, e, &f, "", b.Presence, b.Value)
	case *NillableResult:
		if b.Value == nil || b.Value.SOAPType().isNil(b.Value) {
			e.NilElement(name)
			return
		}
		encodeBody(e, name, b.Value)
	default:
		e.Errorf("soap: cannot write a %T as the body", body)
	}
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
	// httpError builds the *soap.HTTPError for a reply that cannot be used.
	httpError func(reason string) error
	// unknown, if not nil, receives the header blocks the response header struct does not decode.
	unknown *[]*soap.Element
	// understood are the names of header blocks the caller understands (Client.UnderstoodHeaders)
	// beyond those the response header struct decodes.
	understood []xml.Name
}

func (r *reply) ok() bool { return r.status >= 200 && r.status < 300 }

// decoders are the Decoders of replies, reused with the memory they allocated.
var decoders = newDecoderPool()

// handleReply sorts the reply out: an envelope is decoded, anything else is a *soap.HTTPError.
//
// The request's secrets are kept out of the errors: replaced by soap.Redacted in the HTTPError's
// fields, the Fault's texts and detail, and the DecodeError's message.
func handleReply(ctx context.Context, req *http.Request, resp *http.Response, data []byte, op *Operation, call *Call, r *reply) error {
	s := r.secrets
	// The excerpt is taken before decoding, which rewrites the buffer in place.
	var window []byte
	httpError := func(reason string, err error) error {
		e := &soap.HTTPError{
			StatusCode:  resp.StatusCode,
			Status:      s.redact(resp.Status),
			ContentType: s.redact(resp.Header.Get("Content-Type")),
			Excerpt:     excerpt(s.redactBytes(window, len(window) < len(data))),
			Reason:      reason,
			Err:         err,
		}
		if resp.Request != nil && resp.Request.URL != nil && req.URL != nil && resp.Request.URL.String() != req.URL.String() {
			e.URL = s.redact(resp.Request.URL.Redacted())
		}
		return e
	}
	r.httpError = func(reason string) error { return httpError(reason, nil) }

	if len(bytes.TrimSpace(data)) == 0 {
		// A one-way request may be answered without an envelope: SOAP 1.2 Part 2 section 7 (second
		// edition, where the response envelope is optional) and the W3C SOAP 1.1 one-way HTTP binding use
		// 202 Accepted; 200 and 204 are accepted too.
		switch resp.StatusCode {
		case http.StatusOK, http.StatusAccepted, http.StatusNoContent:
			if op.Response == (xml.Name{}) {
				return nil
			}
		}
		return r.httpError("empty body")
	}
	// The excerpt is cut from the redacted body, taken long enough that a secret starting inside the
	// excerpt is replaced whole rather than cut in two (a secret cut by the end of the window is
	// replaced too, as far as it goes).
	n := 4 * maxExcerpt
	for _, v := range s {
		n = max(n, 4*maxExcerpt+8*len(v))
	}
	window = append([]byte(nil), data[:min(len(data), n)]...)

	d := decoders.get(data, call.Types)
	defer decoders.put(d)
	d.secrets = s
	d.ctx = ctx
	if err := d.Root(); err != nil {
		return httpError("not XML", err)
	}
	v := versionOf(d)
	if v == 0 {
		return r.httpError("not a SOAP envelope")
	}
	return decodeEnvelope(d, v, op, call, r)
}

// versionOf returns the SOAP version of the envelope just started, or 0 when it is not one.
func versionOf(d *Decoder) soap.Version {
	for _, v := range []soap.Version{soap.V11, soap.V12} {
		if d.Is(envelope[v], "Envelope") {
			return v
		}
	}
	return 0
}

// decodeEnvelope reads the reply envelope of version v whose start tag was just read: header blocks
// go to call.ResponseHeader, the body element to call.Response; a Fault is returned as *soap.Fault.
//
// Structure: SOAP 1.1 section 4.1 (Envelope, then optional Header, then Body) and SOAP 1.2 Part 1
// section 5.1; the receiver is lenient about the order of Header and Body and skips other children of
// Envelope.
func decodeEnvelope(d *Decoder, v soap.Version, op *Operation, call *Call, r *reply) error {
	ns := envelope[v]
	var hd Message
	if v == op.Version && call.ResponseHeader != nil && !call.ResponseHeader.SOAPType().isNil(call.ResponseHeader) {
		hd = call.ResponseHeader
	}
	sawBody := false
	var blocks []int // the header blocks hd decoded
	err := d.children(func() error {
		switch {
		case d.Is(ns, "Header") && !sawBody:
			return decodeHeader(d, v, hd, &blocks, r)
		case d.Is(ns, "Body") && !sawBody:
			sawBody = true
			if err := decodeBody(d, v, op, call, r); err != nil {
				return headerFailure(hd, err)
			}
			return nil
		}
		return d.skip()
	})
	var f *soap.Fault
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
	if checker, ok := hd.(soap.ResponseChecker); ok {
		if err := checker.CheckResponse(); err != nil {
			return newCheckedError(err)
		}
	}
	return nil
}

// drainElements reads and skips the rest of the content of the elements being read, levels deep
// (2: the Body, then the Envelope).
func drainElements(d *Decoder, levels int) error {
	for levels > 0 {
		ok, err := d.child()
		switch {
		case err != nil:
			return err
		case !ok:
			levels--
		default:
			if err := d.skip(); err != nil {
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
func headerFailure(hd Message, err error) error {
	var f *soap.Fault
	if errors.As(err, &f) {
		return err
	}
	checker, ok := hd.(soap.ResponseChecker)
	if !ok {
		return err
	}
	if cerr := checker.CheckResponse(); cerr != nil {
		return fmt.Errorf("%w (and the reply body could not be used: %v)", cerr, err)
	}
	return err
}

// decodeHeader offers each header block of a reply in version v to hd (which may be nil); those it
// does not know are collected in r.unknown when the caller asked for them, skipped otherwise. A block
// hd knows may occur once: decoded holds those already decoded, and a second occurrence is an error.
// A header struct holds one value per block, so a repeated block could only overwrite the first (and
// "last one wins" would let a second Succeeded=true hide a first Succeeded=false).
//
// A block that is mandatory for the client (mustUnderstand, meant for the ultimate receiver) must be
// understood: decoded by hd, or listed in r.understood. Otherwise the reply must not be processed
// (SOAP 1.1 section 4.2.3, SOAP 1.2 Part 1 section 2.4): once the Header is read, the error is a
// *soap.MustUnderstandError naming every such block.
func decodeHeader(d *Decoder, v soap.Version, hd Message, decoded *[]int, r *reply) error {
	return readHeader(d, v, "reply", hd, decoded, r.understood, r.unknown)
}

// readHeader reads the blocks of the Header whose start tag was just read, in a message (what:
// "reply" or "request") of version v: the client's replies (decodeHeader) and a handler's requests
// (ServerRequest.header) alike. Each block hd (which may be nil) declares is decoded into it, at most
// once (decoded holds those already decoded); the others are appended to *unknown, or skipped when
// unknown is nil. A block marked mustUnderstand and targeted at this node that is neither declared
// nor in understood makes the error, once the Header is read, a *soap.MustUnderstandError naming
// every such block.
func readHeader(d *Decoder, v soap.Version, what string, hd Message, decoded *[]int, understood []xml.Name, unknown *[]*soap.Element) error {
	var notUnderstood []xml.Name
	err := d.children(func() error {
		mustUnderstand, role, err := blockAttrs(d, v)
		if err != nil {
			return d.wrap(err)
		}
		if hd != nil {
			t := hd.SOAPType()
			if i := t.headerBlock(d); i >= 0 {
				if slices.Contains(*decoded, i) {
					return d.Errorf("the %s carries the header block %s more than once", what, braced(d.Name()))
				}
				*decoded = append(*decoded, i)
				return t.decodeHeaderBlock(d, hd, i)
			}
		}
		if mustUnderstand && TargetsUltimateReceiver(role, v) {
			if n := d.Name(); !slices.Contains(understood, n) {
				notUnderstood = append(notUnderstood, n)
			}
		}
		if unknown == nil {
			return d.skip()
		}
		el, err := captureElement(d)
		if err != nil {
			return err
		}
		*unknown = append(*unknown, el)
		return nil
	})
	if err == nil && len(notUnderstood) > 0 {
		err = &soap.MustUnderstandError{Version: v, Blocks: notUnderstood}
	}
	return err
}

// decodeBody reads the content of soap:Body, in the reply's version v: a Fault (SOAP 1.1 section 4.4,
// SOAP 1.2 Part 1 section 5.4), or the response element.
func decodeBody(d *Decoder, v soap.Version, op *Operation, call *Call, r *reply) error {
	ns := envelope[v]
	if op.Encoded {
		// The Body is served from memory up to and including its end tag, then the input is read
		// again (a fault's Body is drained through it too).
		if err := d.bufferEncoded(); err != nil {
			return err
		}
	}
	ok, err := d.child()
	if err != nil {
		return err
	}
	// An encoded reply may put multi-reference values (SOAP 1.1 section 5.1 rule 8) before the
	// reply element; they are read through the references to them.
	for ok && op.Encoded && d.multiRef() {
		if err := d.skip(); err != nil {
			return err
		}
		if ok, err = d.child(); err != nil {
			return err
		}
	}
	if ok && d.Is(ns, "Fault") {
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
		err = d.skip()
	case !op.Encoded && !d.Is(op.Response.Space, op.Response.Local):
		// The name of an rpc/encoded reply wrapper is not significant (WSDL 1.1 section 3.5 gives it
		// only as a convention), and servers vary: any element is read as the reply.
		return d.Errorf("unexpected element %s in the reply Body, expected %s", braced(d.Name()), braced(op.Response))
	default:
		var whole bool
		if whole, err = decodeResult(d, op.Response, call.Response); whole {
			return err // several parts: the whole Body was read
		}
	}
	if err != nil {
		return err
	}
	// Further body elements are not expected (WS-I Basic Profile: one child); they are skipped, but read,
	// so that a truncated reply is still an error.
	return d.children(d.skip)
}

// decodeResult reads the reply element just started, named name, into res, and reports whether it
// read the whole Body (the parts of a document-style message with several body parts).
func decodeResult(d *Decoder, name xml.Name, res any) (bool, error) {
	switch r := res.(type) {
	case nil:
	case Message:
		t := r.SOAPType()
		switch {
		case t.isNil(r):
		case t.s.Kind == Parts:
			return true, t.DecodeParts(d, r)
		default:
			return false, t.decode(d, r)
		}
	case *Bare:
		f := bareField(name)
		return false, r.Codec.c.dec(0, d, &f, r.Presence, r.Value)
	case *NillableResult:
		if d.isNil() {
			*r.IsNil = true
			return false, d.skip()
		}
		return decodeResult(d, name, r.Value)
	default:
		return false, d.Errorf("cannot decode the reply into a %T", res)
	}
	return false, d.skip()
}

// braced formats name as {namespace}local.
func braced(name xml.Name) string {
	if name.Space == "" {
		return name.Local
	}
	return "{" + name.Space + "}" + name.Local
}

// maxExcerpt is the most bytes soap.HTTPError.Excerpt holds.
const maxExcerpt = 512

// excerpt returns the beginning of body as soap.HTTPError.Excerpt describes it.
func excerpt(body []byte) string {
	body = body[:min(len(body), 4*maxExcerpt)] // enough: each byte gives at most one rune
	if len(body) >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF {
		body = body[3:] // byte order mark
	}
	out := make([]byte, 0, min(len(body), maxExcerpt))
	for len(body) > 0 {
		r, n := utf8.DecodeRune(body)
		switch {
		case r == utf8.RuneError && n <= 1:
			r = unicode.ReplacementChar
		case r == '\r':
			r = '\n'
			if len(body) > 1 && body[1] == '\n' {
				n = 2
			}
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			r = unicode.ReplacementChar
		}
		if len(out)+utf8.RuneLen(r) > maxExcerpt {
			break
		}
		out = utf8.AppendRune(out, r)
		body = body[n:]
	}
	return string(out)
}
