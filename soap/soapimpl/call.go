package soapimpl

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/bridge"
)

// Operation is the static description of one operation of a binding; generated code declares one per
// operation.
type Operation struct {
	// Name names the operation in error messages, e.g. "Webhook.SaveWebhook".
	Name string
	// Action is the soapAction of the WSDL binding: sent as the SOAPAction HTTP header with SOAP 1.1
	// and as the action parameter of the media type with SOAP 1.2. It may be empty.
	Action string
	// Version is the SOAP version of the binding.
	Version soap.Version
	// Request is the name of the request body element.
	Request xml.Name
	// Response is the name of the expected response body element; it is zero for a one-way operation.
	Response xml.Name
	// Encoded is set for an rpc/encoded operation: the request body follows the SOAP encoding of the
	// Version (SOAP 1.1 section 5, SOAP 1.2 Part 2 section 3: encodingStyle on the wrapper, xsi:type
	// on the values, SOAP-ENC arrays), and the reply's Body is buffered so that href references to
	// multi-reference values resolve; the reply wrapper may have any name (see replay.go).
	Encoded bool
	// Faults are the faults the operation declares: a reply's Fault whose detail holds one of their
	// elements is returned as that fault's typed error, which wraps the *soap.Fault.
	Faults []FaultType
	// Headers lists the request header blocks the operation sends: indexes into the fields of the
	// request header struct's table.
	Headers []int
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

// Call is one request: what generated code passes to Invoke.
type Call struct {
	// Endpoint is the URL the request is posted to; soap.WithEndpoint overrides it.
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
	// Types resolves the xsi:type names of the reply.
	Types *Registry
	// Header is the request header struct (a pointer to a generated header type, whose table lists
	// the blocks): the blocks the Operation's Headers list are sent, those whose values are unset
	// left out. When it is nil or sends no block, the request has no soap:Header element at all.
	Header Message
	// ResponseHeader, when not nil, is the response header struct the reply's header blocks are
	// decoded into (each block it knows may occur once). When it implements soap.ResponseChecker, its
	// CheckResponse decides, after a reply without fault, whether the call failed.
	ResponseHeader Message
	// Request is the content of the request Body, written as the Operation's Request element: a
	// generated struct (a Message; a Parts type writes one element per part), a *Bare, or nil for an
	// empty element (or nothing, when Request is zero).
	Request any
	// Response receives the content of the reply Body: a generated struct (a Parts type reads every
	// part), a *Bare, a *NillableResult, or nil to skip it.
	Response any
}

// Bare is the body element of a document/literal bare message whose element's type is not a
// generated struct: a simple type, xs:anyType, a wrapped array or a dictionary. The element is
// written from its value unless Presence says otherwise (under the field name "Value", as in a
// soap.BareValue), and decoding records its state there.
type Bare struct {
	// Codec converts the value.
	Codec *Codec
	// Value points to the Go value: a *T for a codec of values of type T.
	Value any
	// Presence holds the element's state and its nil items or values; it may be nil.
	Presence *soap.Presence
}

// NillableResult is the reply body element declared nillable: a reply sending it as xsi:nil sets
// IsNil (Value is left as it is); any other is decoded into Value.
type NillableResult struct {
	Value Message
	IsNil *bool
}

// bareField returns the element of a bare body named name.
func bareField(name xml.Name) elem {
	return elem{name: NewName(name.Space, name.Local), goName: "Value"}
}

// Invoke sends call as the operation op with client (nil means a zero soap.Client) and decodes the
// reply into call.Response and call.ResponseHeader.
//
// The request is an HTTP POST of the envelope. With SOAP 1.1 it has Content-Type
// `text/xml; charset=utf-8` and a SOAPAction header holding op.Action quoted (`""` when empty), as SOAP
// 1.1 section 6.1.1 requires the header on every request. With SOAP 1.2 it has Content-Type
// `application/soap+xml; charset=utf-8; action="..."` (RFC 3902; SOAP 1.2 Part 2 sections 6.5 and 7), the
// action parameter left out when op.Action is empty, and no SOAPAction header.
//
// A reply whose body is a SOAP 1.1 or 1.2 envelope is decoded whatever its HTTP status: a Fault in
// its Body is returned as a *soap.Fault (also when it is in the other SOAP version, as a
// VersionMismatch fault is), or, when its detail holds the element of a fault op declares, as that
// fault's typed error wrapping the *soap.Fault; otherwise the Body must hold op.Response, and a non-2xx
// status is a *soap.HTTPError. A reply that is not an envelope is a *soap.HTTPError, except an empty
// 200, 202 or 204 reply to a one-way operation (op.Response zero), which is success. Each header block
// call.ResponseHeader knows may occur once: a repeated one is a *soap.DecodeError. After a reply
// decoded without error, if call.ResponseHeader implements soap.ResponseChecker, Invoke returns the
// error of its CheckResponse (soap.ResultDecoded reports true for it: call.Response holds the body);
// when the reply's body could not be used (and is not a fault), a failure CheckResponse reports is
// returned instead of the body's error, which its message keeps: the header says why the body is odd.
//
// The reply is read into one pooled buffer, within the client's MaxResponseSize, and decoded from it;
// the context is checked while decoding, so that a huge reply stops with its call.
//
// Every error is returned as "soap: <op.Name>: ..." wrapping the cause, so that errors.As finds a
// *soap.Fault, *soap.HTTPError or *soap.DecodeError, and errors.Is finds context.DeadlineExceeded or
// soap.ErrResponseTooLarge. The request's secrets are kept out of the errors.
func Invoke(ctx context.Context, client *soap.Client, op *Operation, call *Call, opts []soap.CallOption) error {
	if op == nil {
		return errors.New("soap: Invoke: nil Operation")
	}
	if client == nil {
		client = &soap.Client{}
	}
	var x *soap.Exchange
	if client.Observer != nil {
		x = &soap.Exchange{Operation: op.name(), Action: op.Action, Version: op.Version, Started: time.Now()}
	}
	err := invoke(ctx, client, op, call, opts, x)
	if err != nil {
		err = &prefixedError{prefix: "soap: " + op.name() + ": ", err: err}
	}
	if x != nil {
		exchangeBegin(x, ctx, client.Observer, "", nil, nil) // when the call failed before it began
		exchangeDone(x, client.Observer, err)
	}
	return err
}

// prefixedError is err with a prefix for context, such as "soap: <operation>: " for the errors Invoke
// returns. A "soap: " prefix of err's own message is dropped, so that it is not repeated.
type prefixedError struct {
	prefix string
	err    error
}

func (e *prefixedError) Error() string {
	return errorText(e.prefix + strings.TrimPrefix(e.err.Error(), "soap: "))
}

func (e *prefixedError) Unwrap() error { return e.err }

// tooLargeError reports a reply over the size limit; it wraps soap.ErrResponseTooLarge.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return "response too large: more than " + strconv.FormatInt(e.limit, 10) + " bytes (MaxResponseSize)"
}

func (e *tooLargeError) Unwrap() error { return soap.ErrResponseTooLarge }

var (
	applyCallOption = bridge.ApplyCallOption.(func(opt soap.CallOption, o *bridge.CallOptions))
	newCheckedError = bridge.NewCheckedError.(func(err error) error)
	exchangeBegin   = bridge.ExchangeBegin.(func(x *soap.Exchange, ctx context.Context, obs *soap.Observer, endpoint string, body []byte, secrets []string) context.Context)
	exchangeReply   = bridge.ExchangeReply.(func(x *soap.Exchange, status int, body []byte))
	exchangeDone    = bridge.ExchangeDone.(func(x *soap.Exchange, obs *soap.Observer, err error))
)

// collectOptions applies opts, in order.
func collectOptions(opts []soap.CallOption) *bridge.CallOptions {
	o := new(bridge.CallOptions)
	for _, opt := range opts {
		if opt != nil {
			applyCallOption(opt, o)
		}
	}
	return o
}

// invoke makes the call; x, if not nil, records it for the client's Observer.
func invoke(ctx context.Context, client *soap.Client, op *Operation, call *Call, opts []soap.CallOption, x *soap.Exchange) error {
	if call == nil {
		return errors.New("nil Call")
	}
	if op.Version != soap.V11 && op.Version != soap.V12 {
		return fmt.Errorf("invalid SOAP version %d in the Operation", int(op.Version))
	}
	o := collectOptions(opts)
	unknown, _ := o.UnknownHeaders.(*[]*soap.Element)
	if unknown != nil {
		*unknown = nil
	}
	// source names, in errors, what gave the endpoint: what the user set.
	endpoint, source := call.Endpoint, "Call.Endpoint"
	if call.Caller != "" {
		source = call.Caller + ".Endpoint"
	}
	if o.HasEndpoint {
		endpoint, source = o.Endpoint, "soap.WithEndpoint"
	}
	if endpoint == "" {
		if o.HasEndpoint {
			return errors.New("soap.WithEndpoint was given an empty URL")
		}
		return fmt.Errorf("%s is empty: set it, or pass soap.WithEndpoint", source)
	}
	blocks := client.HeaderBlocks
	if extra, _ := o.HeaderBlocks.([]soap.HeaderBlock); len(extra) > 0 {
		blocks = append(slices.Clip(blocks), extra...)
	}
	e := encoders.Get().(*Encoder)
	err := encodeEnvelope(e, op, call, blocks)
	secrets := append(secrets(nil), e.secrets...)
	secrets.fromHTTP(endpoint, o.Headers)
	if x != nil {
		var sent []byte
		if err == nil {
			sent = bytes.Clone(e.buf) // the buffer goes back to its pool before the Observer is done
		}
		ctx = exchangeBegin(x, ctx, client.Observer, endpoint, sent, secrets)
	}
	if err != nil {
		encoders.Put(e)
		return secrets.hide(&prefixedError{prefix: "encoding the request: ", err: err})
	}
	body := &requestBody{e: e}
	body.refs.Store(1) // released when invoke returns; each reader handed to net/http holds one more
	defer body.release()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, http.NoBody)
	if err != nil {
		return secrets.hide(&prefixedError{prefix: source + ": ", err: err})
	}
	req.Body, _ = body.open()
	req.GetBody = body.open
	req.ContentLength = int64(len(e.buf))
	setHeaders(req, op, o.Headers)

	hc := client.HTTPClient
	if hc == nil {
		hc = defaultHTTPClient()
	}
	resp, err := hc.Do(req)
	if err != nil {
		return secrets.hide(err)
	}
	defer resp.Body.Close()
	buf, err := readBody(ctx, client, resp)
	if x != nil {
		var got []byte
		if err == nil {
			got = bytes.Clone(buf.b) // decoding rewrites the buffer in place, and it is pooled
		}
		exchangeReply(x, resp.StatusCode, got)
	}
	if err != nil {
		return secrets.hide(err)
	}
	defer buf.release()
	r := &reply{status: resp.StatusCode, secrets: secrets, unknown: unknown, understood: client.UnderstoodHeaders}
	return secrets.hide(handleReply(ctx, req, resp, buf.b, op, call, r))
}

// encoders are the Encoders of requests, reused with their buffers.
var encoders = sync.Pool{New: func() any { return new(Encoder) }}

// requestBody is the encoded request, read by net/http through readers it closes, maybe after the
// call returned (a redirect reads it again through GetBody): the Encoder holding it goes back to its
// pool when the call and every reader are done with it.
type requestBody struct {
	e    *Encoder
	refs atomic.Int32
}

func (b *requestBody) open() (io.ReadCloser, error) {
	b.refs.Add(1)
	return &bodyReader{Reader: bytes.NewReader(b.e.buf), body: b}, nil
}

func (b *requestBody) release() {
	if b.refs.Add(-1) == 0 {
		if cap(b.e.buf) <= maxPooled {
			encoders.Put(b.e)
		}
	}
}

type bodyReader struct {
	*bytes.Reader
	body   *requestBody
	closed atomic.Bool
}

func (r *bodyReader) Close() error {
	if !r.closed.Swap(true) {
		r.body.release()
	}
	return nil
}

// defaultHTTPClient returns http.DefaultClient as it is configured now, with sameOriginBodies as its
// redirect policy unless it has one.
func defaultHTTPClient() *http.Client {
	hc := *http.DefaultClient
	if hc.CheckRedirect == nil {
		hc.CheckRedirect = sameOriginBodies
	}
	return &hc
}

// sameOriginBodies is net/http's default redirect policy (at most 10 redirects), refusing a redirect
// that would re-send the request body to another origin: 307 and 308 keep the method and body (other
// redirects turn a POST into a GET without body), and the SOAP body and header carry tickets, tokens
// and passwords. net/http drops Authorization and Cookie headers on such redirects, but not the body.
func sameOriginBodies(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	first := via[0].URL
	if req.Method == http.MethodPost && (req.URL.Scheme != first.Scheme || req.URL.Host != first.Host) {
		return fmt.Errorf("refusing a %d redirect to %s://%s: it would send the request, credentials included, to another origin (give the Client an http.Client of your own to allow it)",
			req.Response.StatusCode, req.URL.Scheme, req.URL.Host)
	}
	return nil
}

// setHeaders sets the SOAP headers of the HTTP binding, then those given with soap.WithHTTPHeader.
func setHeaders(req *http.Request, op *Operation, extra []bridge.HeaderField) {
	if op.Version == soap.V11 {
		// SOAP 1.1 section 6.1.1: the SOAPAction header must be sent with every request; its value is a
		// quoted URI-reference, "" meaning the request URI. (Header names are case-insensitive; Go
		// writes it as "Soapaction".)
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.Header.Set("SOAPAction", quoteHeaderValue(op.Action))
	} else {
		// SOAP 1.2 Part 2 sections 6.5 (SOAP Action Feature) and 7, RFC 3902 section 2: the action is an
		// optional parameter of application/soap+xml and must not be empty when present; there is no
		// SOAPAction header.
		ct := "application/soap+xml; charset=utf-8"
		if op.Action != "" {
			ct += "; action=" + quoteHeaderValue(op.Action)
		}
		req.Header.Set("Content-Type", ct)
	}
	replaced := map[string]bool{}
	for _, h := range extra {
		if strings.EqualFold(h.Key, "Host") {
			req.Host = h.Value
			continue
		}
		k := http.CanonicalHeaderKey(h.Key)
		if !replaced[k] {
			replaced[k] = true
			req.Header.Del(k)
		}
		req.Header.Add(k, h.Value)
	}
}

// quoteHeaderValue returns s as an HTTP quoted-string (RFC 9110 section 5.6.4).
func quoteHeaderValue(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// maxPooled is the capacity above which a buffer is not kept for reuse: a rare huge reply should not
// pin its memory.
const maxPooled = 16 << 20

// replyBuffer is a reply read into a buffer of the pool.
type replyBuffer struct{ b []byte }

var replyBuffers = sync.Pool{New: func() any { return new(replyBuffer) }}

func (r *replyBuffer) release() {
	if cap(r.b) <= maxPooled {
		r.b = r.b[:0]
		replyBuffers.Put(r)
	}
}

// readBody reads the reply body into a pooled buffer, up to the client's size limit.
func readBody(ctx context.Context, c *soap.Client, resp *http.Response) (*replyBuffer, error) {
	limit := c.MaxResponseSize
	if limit <= 0 {
		limit = soap.DefaultMaxResponseSize
	}
	buf, err := readLimited(ctx, resp.Body, resp.ContentLength, limit)
	if err != nil && !errors.As(err, new(*tooLargeError)) {
		return nil, fmt.Errorf("reading the reply: %w", err)
	}
	return buf, err
}

// readLimited reads body, whose length is contentLength (-1 when unknown), into a pooled buffer, up
// to limit bytes: a longer body is a *tooLargeError. An error reading it names the context's error
// too when the context is done.
func readLimited(ctx context.Context, body io.Reader, contentLength, limit int64) (*replyBuffer, error) {
	if contentLength > limit {
		return nil, &tooLargeError{limit}
	}
	buf := replyBuffers.Get().(*replyBuffer)
	b := buf.b[:0]
	if n := contentLength; n > 0 && int64(cap(b)) < n+1 {
		b = make([]byte, 0, n+1) // +1: EOF is read without growing
	}
	var err error
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
		var n int
		room := b[len(b):cap(b)]
		if over := int64(len(b)+len(room)) - (limit + 1); over > 0 {
			room = room[:int64(len(room))-over]
		}
		n, err = body.Read(room)
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			buf.b = b
			buf.release()
			return nil, &tooLargeError{limit}
		}
		if err != nil {
			break
		}
	}
	buf.b = b
	if err != io.EOF {
		buf.release()
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			return nil, fmt.Errorf("%w (%w)", cerr, err)
		}
		return nil, err
	}
	return buf, nil
}
