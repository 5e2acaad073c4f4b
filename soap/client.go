package soap

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// DefaultMaxResponseSize is the reply size, in bytes, a Client accepts unless MaxResponseSize says
// otherwise.
const DefaultMaxResponseSize = 32 << 20

// Client sends SOAP requests over HTTP (SOAP 1.1 section 6; SOAP 1.2 Part 2 section 7). The zero value
// is ready to use; a Client is safe for concurrent use.
type Client struct {
	// HTTPClient sends the requests; nil means http.DefaultClient, except that a redirect that would
	// send the request body (a 307 or 308) to another scheme, host or port is refused: the body
	// carries the request's credentials. A client of your own keeps its redirect policy.
	HTTPClient *http.Client
	// MaxResponseSize limits the length of a reply body, in bytes; 0 (or less) means
	// DefaultMaxResponseSize. A longer reply is an error wrapping ErrResponseTooLarge.
	MaxResponseSize int64
}

// Do sends call as the operation op and decodes the reply into call.Result and call.ResponseHeader.
//
// The request is an HTTP POST of the envelope. With SOAP 1.1 it has Content-Type
// `text/xml; charset=utf-8` and a SOAPAction header holding op.Action quoted (`""` when empty), as SOAP
// 1.1 section 6.1.1 requires the header on every request. With SOAP 1.2 it has Content-Type
// `application/soap+xml; charset=utf-8; action="..."` (RFC 3902; SOAP 1.2 Part 2 sections 6.5 and 7), the
// action parameter left out when op.Action is empty, and no SOAPAction header.
//
// A reply whose body is a SOAP 1.1 or 1.2 envelope is decoded whatever its HTTP status: a Fault in its
// Body is returned as a *Fault (also when it is in the other SOAP version, as a VersionMismatch fault
// is), or, when its detail holds the element of a fault op declares (Operation.Faults), as that
// fault's typed error wrapping the *Fault; otherwise the Body must hold op.Response, and a non-2xx status is an *HTTPError. A reply that is
// not an envelope is an *HTTPError, except an empty 200, 202 or 204 reply to a one-way operation
// (op.Response zero), which is success. Each header block call.ResponseHeader knows may occur once: a
// repeated one is a *DecodeError. After a reply decoded without error, if call.ResponseHeader
// implements ResponseChecker, Do returns the error of its CheckResponse (ResultDecoded reports true
// for it: call.Result holds the body); when the reply's body could not be used (and is not a fault), a
// failure CheckResponse reports is returned instead of the body's error, which its message keeps: the
// header says why the body is odd.
//
// Every error is returned as "soap: <op.Name>: ..." wrapping the cause, so that errors.As finds a
// *Fault, *HTTPError or *DecodeError, and errors.Is finds context.DeadlineExceeded or
// ErrResponseTooLarge.
func (c *Client) Do(ctx context.Context, op *Operation, call *Call, opts ...CallOption) error {
	if op == nil {
		return errors.New("soap: Do: nil Operation")
	}
	if err := c.do(ctx, op, call, opts); err != nil {
		return &prefixedError{prefix: "soap: " + op.name() + ": ", err: err}
	}
	return nil
}

func (c *Client) do(ctx context.Context, op *Operation, call *Call, opts []CallOption) error {
	if call == nil {
		return errors.New("nil Call")
	}
	if op.Version != V11 && op.Version != V12 {
		return fmt.Errorf("invalid SOAP version %d in the Operation", int(op.Version))
	}
	o := collectOptions(opts)
	// source names, in errors, what gave the endpoint: what the user set.
	endpoint, source := call.Endpoint, "Call.Endpoint"
	if call.Caller != "" {
		source = call.Caller + ".Endpoint"
	}
	if o.hasEndpoint {
		endpoint, source = o.endpoint, "soap.WithEndpoint"
	}
	if endpoint == "" {
		if o.hasEndpoint {
			return errors.New("soap.WithEndpoint was given an empty URL")
		}
		return fmt.Errorf("%s is empty: set it, or pass soap.WithEndpoint", source)
	}
	body, secrets, err := encodeEnvelope(op, call)
	secrets.fromHTTP(endpoint, o.headers)
	if err != nil {
		return secrets.hide(&prefixedError{prefix: "encoding the request: ", err: err})
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return secrets.hide(&prefixedError{prefix: source + ": ", err: err})
	}
	setHeaders(req, op, o.headers)

	hc := c.HTTPClient
	if hc == nil {
		hc = defaultHTTPClient()
	}
	resp, err := hc.Do(req)
	if err != nil {
		return secrets.hide(err)
	}
	defer resp.Body.Close()
	data, err := c.readBody(ctx, resp)
	if err != nil {
		return secrets.hide(err)
	}
	return secrets.hide(handleReply(req, resp, data, op, call, secrets))
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

// setHeaders sets the SOAP headers of the HTTP binding, then those given with WithHTTPHeader.
func setHeaders(req *http.Request, op *Operation, extra []headerField) {
	if op.Version == V11 {
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
		if strings.EqualFold(h.key, "Host") {
			req.Host = h.value
			continue
		}
		k := http.CanonicalHeaderKey(h.key)
		if !replaced[k] {
			replaced[k] = true
			req.Header.Del(k)
		}
		req.Header.Add(k, h.value)
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

// readBody reads the reply body, up to the client's size limit.
func (c *Client) readBody(ctx context.Context, resp *http.Response) ([]byte, error) {
	limit := c.MaxResponseSize
	if limit <= 0 {
		limit = DefaultMaxResponseSize
	}
	if resp.ContentLength > limit {
		return nil, &tooLargeError{limit}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			return nil, fmt.Errorf("reading the reply: %w (%w)", cerr, err)
		}
		return nil, fmt.Errorf("reading the reply: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, &tooLargeError{limit}
	}
	return data, nil
}

// handleReply sorts the reply out: an envelope is decoded, anything else is an *HTTPError.
//
// The request's secrets are kept out of the errors: replaced by Redacted in the HTTPError's fields,
// the Fault's texts and detail, and the DecodeError's message.
func handleReply(req *http.Request, resp *http.Response, data []byte, op *Operation, call *Call, s secrets) error {
	r := &reply{status: resp.StatusCode, secrets: s}
	httpError := func(reason string, err error) error {
		// The excerpt is cut from the redacted body, taken long enough that a secret starting inside
		// the excerpt is replaced whole rather than cut in two.
		window := 4 * maxExcerpt
		for _, v := range s {
			window = max(window, 4*maxExcerpt+8*len(v))
		}
		e := &HTTPError{
			StatusCode:  resp.StatusCode,
			Status:      s.redact(resp.Status),
			ContentType: s.redact(resp.Header.Get("Content-Type")),
			Excerpt:     excerpt(s.redactBytes(data[:min(len(data), window)])),
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
	d := NewDecoder(bytes.NewReader(data))
	d.Types = call.Types
	d.secrets = s
	root, err := d.Root()
	if err != nil {
		return httpError("not XML", err)
	}
	if root.Name.Local != "Envelope" || versionOf(root.Name.Space) == 0 {
		return r.httpError("not a SOAP envelope")
	}
	return decodeEnvelope(d, root, op, call, r)
}
