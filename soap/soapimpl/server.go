package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/bridge"
)

// The server side: a generated handler (New<PortType>Handler, generated with sogen -server) serves one
// binding of a port type through NewHandler, which reads the request, finds the operation, decodes
// the request with the same descriptor tables the client encodes it with, calls the implementation
// and writes the reply as the binding prescribes (SOAP 1.1 sections 4 and 6; SOAP 1.2 Part 1 section
// 5 and Part 2 section 7).

// Service describes the binding a generated handler serves.
type Service struct {
	// Name names the generated server in errors, e.g. "services88.WebhookServer".
	Name string
	// Ops are the binding's operations (the descriptors its client uses), and Methods, parallel to
	// them, serve each.
	Ops     []Operation
	Methods []Method
	// Namespaces are declared on the reply's Envelope up front, as Call.Namespaces are on a request.
	Namespaces []string
	// Types resolves the xsi:type names of requests.
	Types *Registry
	// Header returns a new request header struct, and ResponseHeader a new response header struct;
	// each is nil when the binding declares no such header.
	Header, ResponseHeader func() Message
	// Status, when set (an API with a reply-header status contract), sets the status and error blocks
	// of the response header h for the error err the implementation returned, and reports whether err
	// is reported that way (nil included): the reply is then an ordinary one carrying the blocks.
	Status func(h Message, err error) bool
	// Faults, when set, returns the declared fault err is (found with errors.As): its FaultType, the
	// *soap.Fault it carries (nil when it carries none) and its detail (nil for an empty one); a nil
	// FaultType when err is none of them.
	Faults func(err error) (*FaultType, *soap.Fault, Message)
}

// Method serves one operation.
type Method struct {
	// OneWay is set for an operation without output (WSDL 1.1 section 2.4.1): a request served
	// without error is answered with HTTP 202 Accepted and no body.
	OneWay bool
	// Serve decodes the request and calls the implementation, through r.Serve.
	Serve func(r *ServerRequest) error
}

// Unimplemented returns the fault of an operation a server does not implement (the methods of a
// generated Unimplemented<PortType>Server): a Server (SOAP 1.1) or Receiver (SOAP 1.2) fault saying
// so.
func Unimplemented(op string) error {
	return &soap.Fault{Code: codeServer, Reason: "operation " + op + " is not implemented"}
}

var (
	applyHandlerOption = bridge.ApplyHandlerOption.(func(opt soap.HandlerOption, o *bridge.HandlerOptions))
	codeServer         = xml.Name{Space: envelope[soap.V11], Local: "Server"}
	codeClient         = xml.Name{Space: envelope[soap.V11], Local: "Client"}
)

// handler serves one binding.
type handler struct {
	svc          *Service
	impl         any
	version      soap.Version
	maxSize      int64
	maxDepth     int
	strict       bool
	errorDetails bool
	understood   []xml.Name
	interceptors []soap.Interceptor
	errorLog     func(ctx context.Context, call *soap.ServerCall, err error)
	allBlocks    []int // the indexes of every block of the response header struct
	encoded      bool  // every operation is rpc/encoded
}

// NewHandler returns the http.Handler serving impl (which implements the generated server
// interface that svc's Methods call) as the binding svc describes, configured by opts.
func NewHandler(svc *Service, impl any, opts []soap.HandlerOption) http.Handler {
	if impl == nil {
		// As http.Handle refuses a nil handler: a nil implementation would only fail on the
		// first request, as a recovered panic.
		panic("soap: a nil " + svc.Name + " cannot serve requests")
	}
	var o bridge.HandlerOptions
	for _, opt := range opts {
		if opt != nil {
			applyHandlerOption(opt, &o)
		}
	}
	h := &handler{svc: svc, impl: impl, maxSize: o.MaxRequestSize, maxDepth: o.MaxDepth, strict: o.Strict,
		errorDetails: o.ErrorDetails, understood: o.Understood, version: soap.V11}
	if h.maxSize <= 0 {
		h.maxSize = soap.DefaultMaxRequestSize
	}
	for _, i := range o.Interceptors {
		if fn, ok := i.(soap.Interceptor); ok && fn != nil {
			h.interceptors = append(h.interceptors, fn)
		}
	}
	h.errorLog, _ = o.ErrorLog.(func(ctx context.Context, call *soap.ServerCall, err error))
	if len(svc.Ops) > 0 {
		h.version = svc.Ops[0].Version
	}
	h.encoded = len(svc.Ops) > 0
	for i := range svc.Ops {
		h.encoded = h.encoded && svc.Ops[i].Encoded
	}
	if svc.ResponseHeader != nil {
		rh := svc.ResponseHeader()
		for i := range rh.SOAPType().info().own {
			h.allBlocks = append(h.allBlocks, i)
		}
	}
	return h
}

// ServerRequest is one request a generated handler serves: the generated Method.Serve functions call
// Serve with the value to decode the request into and the call of the implementation.
type ServerRequest struct {
	// Impl is the implementation the handler serves.
	Impl any

	h    *handler
	hr   *http.Request
	call *soap.ServerCall
	d    *Decoder
	op   *Operation
	// started reports whether the Body's first child element has been started (its start tag read);
	// false means the Body is empty.
	started bool

	// What to answer: a fault (with the header content it needs), or resp.
	fault   *replyFault
	resp    any
	oneWay  bool
	served  bool // the implementation was called
	httpErr int  // a plain HTTP error (405), no envelope
}

// replyFault is a fault to answer.
type replyFault struct {
	f *soap.Fault
	// detail, when set, is the typed detail element (name, value) of a declared fault.
	detailName xml.Name
	detail     Message
	// envelope is the version of the envelope carrying the fault (the binding's, but for a version
	// mismatch answered in SOAP 1.1).
	envelope soap.Version
	// upgrade adds the SOAP 1.2 Upgrade header block (Part 1 section 5.4.7), notUnderstood the
	// NotUnderstood blocks (section 5.4.8).
	upgrade       bool
	notUnderstood []xml.Name
	status        int // the HTTP status, 0 for the version's default
}

// ServeHTTP serves one request.
func (h *handler) ServeHTTP(w http.ResponseWriter, hr *http.Request) {
	r := &ServerRequest{Impl: h.impl, h: h, hr: hr}
	defer func() {
		if r.d != nil {
			decoders.put(r.d)
		}
	}()
	func() {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				r.internal(&soap.PanicError{Value: v, Stack: debug.Stack()})
			}
		}()
		r.serve()
	}()
	r.write(w)
}

// serve reads the request and serves it, leaving in r what to answer.
func (r *ServerRequest) serve() {
	h, hr := r.h, r.hr
	if hr.Method != http.MethodPost {
		r.httpErr = http.StatusMethodNotAllowed
		return
	}
	if cs := requestCharset(hr); cs != "" {
		// RFC 7303 section 3: the charset parameter decides how the body is read; the reader takes
		// UTF-8 (and its subset US-ASCII) only, and reading another charset as UTF-8 could decode
		// wrong characters without an error.
		r.clientFault(fmt.Errorf("the request's charset %q is not supported: send UTF-8", cs))
		return
	}
	buf, err := readLimited(hr.Context(), hr.Body, hr.ContentLength, h.maxSize)
	if err != nil {
		var tl *tooLargeError
		if errors.As(err, &tl) {
			r.clientFault(fmt.Errorf("the request is too large: more than %d bytes", h.maxSize))
			r.fault.status = http.StatusRequestEntityTooLarge
			return
		}
		r.clientFault(err)
		return
	}
	defer buf.release()
	r.call = &soap.ServerCall{Version: h.version, HTTPRequest: hr, Action: RequestAction(hr, h.version)}
	if h.svc.Header != nil {
		r.call.Header = h.svc.Header()
	}
	if h.svc.ResponseHeader != nil {
		r.call.ResponseHeader = h.svc.ResponseHeader()
	}
	d := decoders.get(buf.b, h.svc.Types)
	r.d = d
	d.r.MaxDepth = h.maxDepth
	d.ctx = hr.Context()
	if h.strict {
		d.DisallowUnknown()
	}
	if err := d.Root(); err != nil {
		r.call = nil
		r.clientFault(fmt.Errorf("the request is not XML: %w", err))
		return
	}
	v := versionOf(d)
	if v != h.version {
		r.versionMismatch(v, d.Name())
		return
	}
	r.envelope()
}

// requestCharset returns the charset parameter of the request's Content-Type when it names one the
// handler cannot read (other than UTF-8 and US-ASCII), "" otherwise.
func requestCharset(hr *http.Request) string {
	_, params, err := mime.ParseMediaType(hr.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	cs := strings.TrimSpace(params["charset"])
	switch strings.ToLower(cs) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return ""
	}
	return cs
}

// RequestAction returns the SOAP action of an HTTP request carrying a SOAP envelope of version v:
// for SOAP 1.1, the SOAPAction header (section 6.1.1, a quoted URI reference); for SOAP 1.2, the
// action parameter of the application/soap+xml Content-Type (Part 2 section 7.1.4, RFC 3902). Each
// falls back on the other's when the request has none (clients sending SOAP 1.2 with a SOAPAction
// header exist). Package soap/soaptest uses it to record the requests' actions as handlers see them.
func RequestAction(hr *http.Request, v soap.Version) string {
	header, hasHeader := soapActionHeader(hr)
	param, hasParam := "", false
	if _, params, err := mime.ParseMediaType(hr.Header.Get("Content-Type")); err == nil {
		param, hasParam = params["action"]
	}
	if v == soap.V12 && hasParam || !hasHeader {
		return param
	}
	return header
}

// soapActionHeader returns the SOAPAction header of hr, unquoted, and whether it has one.
func soapActionHeader(hr *http.Request) (string, bool) {
	vals, ok := hr.Header["Soapaction"]
	if !ok || len(vals) == 0 {
		return "", false
	}
	a := strings.TrimSpace(vals[0])
	if len(a) >= 2 && a[0] == '"' && a[len(a)-1] == '"' {
		a = a[1 : len(a)-1]
		if strings.Contains(a, `\`) {
			if u, err := strconv.Unquote(`"` + a + `"`); err == nil {
				a = u
			}
		}
	}
	return a, true
}

// versionMismatch answers a request whose root element is not the Envelope of the binding's version
// (got, 0 when it is no SOAP envelope at all; name, the root's name). A SOAP 1.1 binding answers a
// SOAP 1.1 VersionMismatch fault (SOAP 1.1 section 4.4.1) when the root is an Envelope in another
// namespace, and a Client fault when it is no Envelope. A SOAP 1.2 binding answers a VersionMismatch
// fault with an Upgrade header block naming the SOAP 1.2 envelope (SOAP 1.2 Part 1 section 5.4.7):
// in a SOAP 1.1 envelope when the request is SOAP 1.1, as Part 1 appendix A prescribes, in a SOAP 1.2
// one otherwise.
func (r *ServerRequest) versionMismatch(got soap.Version, name xml.Name) {
	r.call = nil
	bound := r.h.version
	if bound == soap.V11 && name.Local != "Envelope" {
		r.clientFault(fmt.Errorf("the request is not a SOAP envelope: its root element is %s", braced(name)))
		return
	}
	reason := fmt.Sprintf("the endpoint expects a %s envelope (namespace %s), the request's root element is %s",
		bound, bound.EnvelopeNamespace(), braced(name))
	r.fault = &replyFault{f: &soap.Fault{Code: xml.Name{Space: envelope[soap.V11], Local: "VersionMismatch"}, Reason: reason}, envelope: bound}
	if bound == soap.V12 {
		r.fault.upgrade = true
		if got == soap.V11 {
			r.fault.envelope = soap.V11
		}
	}
	r.logError(errors.New(reason))
}

// envelope reads the Envelope whose start tag was just read: the Header, then the Body, whose first
// child element names the operation; the operation's Method decodes it. The Header, when there is
// one, must come first and once, and nothing but the Body may follow it (SOAP 1.1 section 4, SOAP 1.2
// Part 1 section 5.1): a block after the Body, or in a second Header, would not be processed, not
// even checked for mustUnderstand.
func (r *ServerRequest) envelope() {
	d, v := r.d, r.h.version
	ns := envelope[v]
	for first := true; ; first = false {
		ok, err := d.child()
		if err != nil {
			r.clientFault(err)
			return
		}
		if !ok {
			r.clientFault(d.Errorf("the %s envelope has no Body", v))
			return
		}
		switch {
		case d.Is(ns, "Header") && first:
			if err := r.header(); err != nil {
				var mu *soap.MustUnderstandError
				if errors.As(err, &mu) {
					r.mustUnderstand(mu.Blocks)
					return
				}
				r.clientFault(err)
				return
			}
			continue
		case d.Is(ns, "Body"):
			r.body()
			return
		}
		r.clientFault(d.Errorf("unexpected element %s in the %s envelope before the Body (only a Header may come first)", braced(d.Name()), v))
		return
	}
}

// afterBody reads the rest of the Envelope after the Body: nothing but white space with SOAP 1.2
// (Part 1 section 5.1); SOAP 1.1 (section 4) allows elements after the Body, which are skipped, but
// not a Header or a second Body.
func (r *ServerRequest) afterBody() error {
	d, v := r.d, r.h.version
	for {
		ok, err := d.child()
		if err != nil || !ok {
			return err
		}
		if n := d.Name(); v == soap.V12 || n.Space == envelope[v] {
			return d.Errorf("unexpected element %s in the %s envelope after the Body", braced(n), v)
		}
		if err := d.skip(); err != nil {
			return err
		}
	}
}

// header reads the Header's blocks: those the request header struct declares into it (each at most
// once), the others into the ServerCall's UnknownHeaders. Once it is read, a block marked
// mustUnderstand and targeted at this node (no role or actor, "next", or the ultimate receiver) that
// is neither declared nor listed as understood (WithUnderstoodHeaders, WithInterceptor) makes the
// error a *soap.MustUnderstandError naming every such block.
func (r *ServerRequest) header() error {
	var hd Message
	if r.call.Header != nil {
		hd = r.call.Header.(Message)
	}
	var decoded []int
	return readHeader(r.d, r.h.version, "request", hd, &decoded, r.h.understood, &r.call.UnknownHeaders)
}

// mustUnderstand answers the MustUnderstand fault for the blocks not understood: SOAP 1.1 section
// 4.2.3 (the faultcode), SOAP 1.2 Part 1 section 5.4.8 (the code, and a NotUnderstood header block
// per block).
func (r *ServerRequest) mustUnderstand(blocks []xml.Name) {
	names := make([]string, len(blocks))
	for i, n := range blocks {
		names[i] = braced(n)
	}
	reason := "header blocks marked mustUnderstand were not understood: " + strings.Join(names, ", ")
	r.fault = &replyFault{f: &soap.Fault{Code: xml.Name{Space: envelope[soap.V11], Local: "MustUnderstand"}, Reason: reason},
		envelope: r.h.version}
	if r.h.version == soap.V12 {
		r.fault.notUnderstood = blocks
	}
	r.logError(errors.New(reason))
}

// body finds the operation of the Body whose start tag was just read and serves it.
func (r *ServerRequest) body() {
	d, svc := r.d, r.h.svc
	action := r.call.Action
	var byAction []int
	if action != "" {
		for i := range svc.Ops {
			if svc.Ops[i].Action == action {
				byAction = append(byAction, i)
			}
		}
	}
	encoded := r.h.encoded
	if len(byAction) > 0 {
		encoded = true
		for _, i := range byAction {
			encoded = encoded && svc.Ops[i].Encoded
		}
	}
	if encoded {
		if err := d.bufferEncoded(); err != nil {
			r.clientFault(err)
			return
		}
	}
	ok, err := d.child()
	if err != nil {
		r.clientFault(err)
		return
	}
	// Multi-reference values (SOAP 1.1 section 5.1 rule 8) may come before the wrapper; they are
	// read through the references to them.
	for ok && encoded && d.multiRef() {
		if err := d.skip(); err != nil {
			r.clientFault(err)
			return
		}
		if ok, err = d.child(); err != nil {
			r.clientFault(err)
			return
		}
	}
	r.started = ok
	var name xml.Name
	if ok {
		name = d.Name()
	}
	i, err := r.dispatch(byAction, name)
	if err != nil {
		r.clientFault(err)
		return
	}
	r.op = &svc.Ops[i]
	r.call.Operation = r.op.name()
	m := svc.Methods[i]
	r.oneWay = m.OneWay
	if m.Serve == nil {
		r.internal(fmt.Errorf("%s: no Serve function for operation %s", svc.Name, r.op.name()))
		return
	}
	if err := m.Serve(r); err != nil && r.fault == nil {
		r.clientFault(err)
	}
}

// dispatch returns the index of the operation of a request whose Body's first child is name (zero
// for an empty Body): the only operation whose action the request named (byAction), else the only
// one, among those (or among all when the action names none), whose request element is name.
func (r *ServerRequest) dispatch(byAction []int, name xml.Name) (int, error) {
	ops := r.h.svc.Ops
	if len(byAction) == 1 {
		i := byAction[0]
		if ops[i].Request == name || ops[i].Encoded && name.Local != "" {
			return i, nil
		}
		return 0, fmt.Errorf("the SOAP action %q names operation %s, whose request element is %s, but the Body holds %s",
			r.call.Action, ops[i].name(), describe(ops[i].Request), describe(name))
	}
	candidates := byAction
	if len(candidates) == 0 {
		candidates = make([]int, len(ops))
		for i := range ops {
			candidates[i] = i
		}
	}
	var found []int
	for _, i := range candidates {
		if ops[i].Request == name {
			found = append(found, i)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := fmt.Sprintf("no operation of this endpoint takes %s", describe(name))
		if r.call.Action != "" {
			msg += fmt.Sprintf(" (SOAP action %q)", r.call.Action)
		}
		return 0, errors.New(msg)
	}
	names := make([]string, len(found))
	for k, i := range found {
		names[k] = ops[i].name()
	}
	return 0, fmt.Errorf("operations %s all take %s: the request's SOAP action must say which (SOAPAction header, or the action parameter of a SOAP 1.2 Content-Type)",
		strings.Join(names, ", "), describe(name))
}

// describe names a body element for a message: {ns}local, or "an empty Body".
func describe(name xml.Name) string {
	if name == (xml.Name{}) {
		return "an empty Body"
	}
	return "element " + braced(name)
}

// Serve decodes the request into req (a generated struct, a *Bare, a *NillableResult, or nil for an
// operation whose request Body is empty), reads the rest of the envelope, then calls the
// implementation through call, with the interceptors around it, and keeps its result and error for
// the reply: the result is the response body's content, as Call.Request is a request's (nil for a
// one-way operation or an empty response Body). The error returned is the request's, which the
// handler answers with a Client (SOAP 1.1) or Sender (SOAP 1.2) fault; the implementation's error is
// not returned.
func (r *ServerRequest) Serve(req any, call func(ctx context.Context) (any, error)) error {
	d, op := r.d, r.op
	whole := false
	switch {
	case op.Request == (xml.Name{}):
		if r.started {
			if err := d.skip(); err != nil {
				return err
			}
		}
	case !r.started:
		return d.Errorf("the request Body is empty, expected element %s", braced(op.Request))
	default:
		var err error
		if whole, err = decodeResult(d, op.Request, req); err != nil {
			return err
		}
	}
	if !whole && r.started {
		if err := r.restOfBody(); err != nil {
			return err
		}
	}
	if err := r.afterBody(); err != nil {
		return err
	}
	if err := d.Finish(); err != nil {
		return err
	}
	ctx := soap.ContextWithServerCall(r.hr.Context(), r.call)
	var resp any
	next := func(ctx context.Context) error {
		var err error
		resp, err = call(ctx)
		return err
	}
	for i := len(r.h.interceptors) - 1; i >= 0; i-- {
		fn, inner := r.h.interceptors[i], next
		next = func(ctx context.Context) error { return fn(ctx, r.call, inner) }
	}
	r.served = true
	r.result(ctx, resp, next(ctx))
	return nil
}

// restOfBody reads the Body's children after the request element: skipped, as further elements are
// not expected (WS-I Basic Profile: one child), or an error with WithStrictDecoding.
func (r *ServerRequest) restOfBody() error {
	d := r.d
	for {
		ok, err := d.child()
		if err != nil || !ok {
			return err
		}
		if r.h.strict {
			return d.Errorf("unexpected element %s in the request Body after the request element", braced(d.Name()))
		}
		if err := d.skip(); err != nil {
			return err
		}
	}
}

// result decides the reply from what the implementation returned: resp with err nil (or an error the
// reply-header status contract reports), a declared fault, a *soap.Fault, or any other error, kept
// out of the reply.
func (r *ServerRequest) result(ctx context.Context, resp any, err error) {
	svc := r.h.svc
	if rh, _ := r.call.ResponseHeader.(Message); rh != nil && svc.Status != nil && svc.Status(rh, err) {
		r.resp = resp
		if err != nil {
			r.resp = emptyIfNil(resp)
		}
		return
	}
	if err == nil {
		r.resp = resp
		return
	}
	if svc.Faults != nil {
		if ft, f, detail := svc.Faults(err); ft != nil {
			if f == nil {
				f = &soap.Fault{Reason: ft.Name.Local}
			}
			if detail == nil || detail.SOAPType().isNil(detail) {
				_, detail = ft.New(nil)
			}
			r.fault = &replyFault{f: f, detailName: ft.Name, detail: detail, envelope: r.h.version}
			return
		}
	}
	var f *soap.Fault
	if errors.As(err, &f) && f != nil && f.HTTPStatus == 0 {
		r.fault = &replyFault{f: f, envelope: r.h.version}
		return
	}
	_ = ctx
	r.internal(err)
}

// emptyIfNil returns the response of a failure the reply's headers report: a nil generated struct is
// replaced by an empty one, so that the reply still has its body element.
func emptyIfNil(resp any) any {
	if m, ok := resp.(Message); ok {
		if t := m.SOAPType(); t.isNil(m) {
			return t.newValue()
		}
	}
	return resp
}

// clientFault answers a Client (SOAP 1.1) or Sender (SOAP 1.2) fault for err, a problem of the
// request, whose text is sent (it says what is wrong with the request: its own content).
func (r *ServerRequest) clientFault(err error) {
	r.fault = &replyFault{f: &soap.Fault{Code: codeClient, Reason: err.Error()}, envelope: r.h.version}
	r.logError(err)
}

// internal answers a Server (SOAP 1.1) or Receiver (SOAP 1.2) fault for err, a failure of the
// server: its text is only sent with WithErrorDetails.
func (r *ServerRequest) internal(err error) {
	reason := "internal server error"
	if r.h.errorDetails {
		reason = err.Error()
	}
	r.fault = &replyFault{f: &soap.Fault{Code: codeServer, Reason: reason}, envelope: r.h.version}
	r.logError(err)
}

// logError tells the handler's error log about err.
func (r *ServerRequest) logError(err error) {
	if r.h.errorLog == nil {
		return
	}
	ctx := r.hr.Context()
	if r.call != nil {
		ctx = soap.ContextWithServerCall(ctx, r.call)
	}
	r.h.errorLog(ctx, r.call, err)
}

// write writes the reply.
func (r *ServerRequest) write(w http.ResponseWriter) {
	if r.httpErr != 0 {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "a SOAP endpoint: send requests with POST", r.httpErr)
		return
	}
	if r.fault == nil && r.oneWay {
		w.WriteHeader(http.StatusAccepted)
		return
	}
	e := encoders.Get().(*Encoder)
	defer func() {
		if cap(e.buf) <= maxPooled {
			encoders.Put(e)
		}
	}()
	status := http.StatusOK
	v := r.h.version
	var err error
	if r.fault == nil {
		err = r.encodeReply(e)
		if err != nil {
			r.internal(fmt.Errorf("encoding the reply: %w", err))
		}
	}
	if r.fault != nil {
		v = r.fault.envelope
		status = r.fault.httpStatus(r.h.version)
		if err = r.encodeFault(e); err != nil {
			// The fault itself could not be written (a reason that XML cannot carry, a detail that
			// does not encode): a plain one says so.
			r.internal(fmt.Errorf("encoding the fault: %w", err))
			v, status = r.fault.envelope, r.fault.httpStatus(r.h.version)
			if err = r.encodeFault(e); err != nil {
				http.Error(w, "internal server error", http.StatusInternalServerError)
				return
			}
		}
	}
	ct := "text/xml; charset=utf-8"
	if v == soap.V12 {
		ct = "application/soap+xml; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(e.buf)))
	w.WriteHeader(status)
	w.Write(e.buf)
}

// httpStatus returns the HTTP status of a fault: 500 with SOAP 1.1 (section 6.2); with SOAP 1.2, 400
// for a Sender fault and 500 for the others (Part 2 section 7.5.2.2).
func (f *replyFault) httpStatus(bound soap.Version) int {
	if f.status != 0 {
		return f.status
	}
	if f.envelope == soap.V12 {
		if code, _ := faultCode(soap.V12, f.f); code.Local == "Sender" {
			return http.StatusBadRequest
		}
	}
	return http.StatusInternalServerError
}

// encodeReply writes the envelope of a successful reply: the response header's blocks that are set
// and the extra blocks, then the response element.
func (r *ServerRequest) encodeReply(e *Encoder) error {
	op := r.op
	var body func(e *Encoder)
	if op.Response != (xml.Name{}) {
		resp := r.resp
		if m, ok := resp.(Message); ok && m.SOAPType().isNil(m) {
			return fmt.Errorf("the implementation of %s returned a nil result, and the element %s is not nillable", op.name(), op.Response.Local)
		}
		body = func(e *Encoder) { writeBody(e, op.Version, op.Encoded, op.Response, resp) }
	}
	return writeEnvelope(e, &outEnvelope{
		version:    op.Version,
		encoded:    op.Encoded,
		namespaces: r.h.svc.Namespaces,
		header:     r.responseHeader(),
		which:      r.h.allBlocks,
		extra:      r.call.ResponseHeaderBlocks,
		body:       body,
	})
}

// responseHeader returns the response header struct to write, nil when there is none.
func (r *ServerRequest) responseHeader() Message {
	if r.call == nil {
		return nil
	}
	m, _ := r.call.ResponseHeader.(Message)
	return m
}

// encodeFault writes the envelope of the fault to answer.
func (r *ServerRequest) encodeFault(e *Encoder) error {
	rf := r.fault
	v := rf.envelope
	out := &outEnvelope{version: v, namespaces: r.h.svc.Namespaces}
	if rf.envelope == r.h.version && r.call != nil && rf.detail == nil && !rf.upgrade && rf.notUnderstood == nil && r.served {
		// A fault the implementation returned carries the header it set.
		out.header, out.which, out.extra = r.responseHeader(), r.h.allBlocks, r.call.ResponseHeaderBlocks
	}
	if rf.upgrade || len(rf.notUnderstood) > 0 {
		out.more = func(e *Encoder) {
			ns12 := envelope[soap.V12]
			if rf.upgrade {
				// SOAP 1.2 Part 1 section 5.4.7: the envelopes supported, most preferred first.
				e.StartElement(xml.Name{Space: ns12, Local: "Upgrade"}, xml.Name{})
				e.StartElement(xml.Name{Space: ns12, Local: "SupportedEnvelope"}, xml.Name{})
				e.Attr(xml.Name{Local: "qname"}, e.QName(xml.Name{Space: ns12, Local: "Envelope"}))
				e.EndElement()
				e.EndElement()
			}
			for _, n := range rf.notUnderstood {
				// Section 5.4.8: one NotUnderstood block per block not understood.
				e.StartElement(xml.Name{Space: ns12, Local: "NotUnderstood"}, xml.Name{})
				e.Attr(xml.Name{Local: "qname"}, e.QName(n))
				e.EndElement()
			}
		}
	}
	out.body = func(e *Encoder) { writeFault(e, v, rf) }
	return writeEnvelope(e, out)
}

// faultCode returns the code and subcodes of f as version v writes them. The codes of either
// envelope namespace (or unqualified) are mapped to v's: Client and Sender, Server and Receiver,
// VersionMismatch, MustUnderstand, DataEncodingUnknown (a Client fault in SOAP 1.1); a zero code is
// Server or Receiver. With SOAP 1.2, another code becomes the first subcode under Receiver (the Value
// must be one of the envelope's codes, Part 1 section 5.4.6); with SOAP 1.1, the first subcode, if
// any, is the faultcode, as WS-Addressing and WS-Security map SOAP 1.2 subcodes to SOAP 1.1.
func faultCode(v soap.Version, f *soap.Fault) (xml.Name, []xml.Name) {
	code, subcodes := f.Code, f.Subcodes
	env := code.Space == "" || code.Space == envelope[soap.V11] || code.Space == envelope[soap.V12]
	local := code.Local
	switch {
	case code == (xml.Name{}):
		local, env = "Server", true
	case env:
		switch local {
		case "Client", "Sender":
			local = "Client"
		case "Server", "Receiver":
			local = "Server"
		case "DataEncodingUnknown":
			if v == soap.V11 {
				local = "Client"
			}
		case "VersionMismatch", "MustUnderstand":
		default:
			env = code.Space != "" // an unqualified name that is not a SOAP code is kept as it is
		}
	}
	if v == soap.V11 {
		if len(subcodes) > 0 {
			return subcodes[0], nil
		}
		if env {
			return xml.Name{Space: envelope[soap.V11], Local: local}, nil
		}
		return code, nil
	}
	if !env {
		return xml.Name{Space: envelope[soap.V12], Local: "Receiver"}, append([]xml.Name{code}, subcodes...)
	}
	switch local {
	case "Client":
		local = "Sender"
	case "Server":
		local = "Receiver"
	}
	return xml.Name{Space: envelope[soap.V12], Local: local}, subcodes
}

// writeFault writes the Fault element of rf in an envelope of version v: SOAP 1.1 section 4.4
// (faultcode, faultstring, faultactor, detail, unqualified) or SOAP 1.2 Part 1 section 5.4 (Code with
// Value and Subcodes, Reason with a Text per language, Node, Role, Detail).
func writeFault(e *Encoder, v soap.Version, rf *replyFault) {
	ns := envelope[v]
	f := rf.f
	code, subcodes := faultCode(v, f)
	e.StartElement(xml.Name{Space: ns, Local: "Fault"}, xml.Name{})
	texts := f.Reasons
	if len(texts) == 0 || f.Reason != "" && !slices.ContainsFunc(texts, func(t soap.FaultText) bool { return t.Text == f.Reason }) {
		texts = append([]soap.FaultText{{Text: f.Reason}}, texts...)
	}
	if v == soap.V11 {
		e.StartElement(xml.Name{Local: "faultcode"}, xml.Name{})
		e.Text(e.QName(code))
		e.EndElement()
		e.StartElement(xml.Name{Local: "faultstring"}, xml.Name{})
		if texts[0].Lang != "" {
			e.Attr(xml.Name{Space: soap.XMLNamespace, Local: "lang"}, texts[0].Lang)
		}
		e.Text(texts[0].Text)
		e.EndElement()
		if f.Actor != "" {
			e.TextElement(xml.Name{Local: "faultactor"}, f.Actor)
		}
	} else {
		e.StartElement(xml.Name{Space: ns, Local: "Code"}, xml.Name{})
		writeCodeValue(e, ns, code)
		for _, s := range subcodes {
			e.StartElement(xml.Name{Space: ns, Local: "Subcode"}, xml.Name{})
			writeCodeValue(e, ns, s)
		}
		for range subcodes {
			e.EndElement()
		}
		e.EndElement()
		e.StartElement(xml.Name{Space: ns, Local: "Reason"}, xml.Name{})
		for _, t := range texts {
			// Part 1 section 5.4.2.1: each Text has an xml:lang.
			lang := t.Lang
			if lang == "" {
				lang = "en"
			}
			e.StartElement(xml.Name{Space: ns, Local: "Text"}, xml.Name{})
			e.Attr(xml.Name{Space: soap.XMLNamespace, Local: "lang"}, lang)
			e.Text(t.Text)
			e.EndElement()
		}
		e.EndElement()
		if f.Node != "" {
			e.TextElement(xml.Name{Space: ns, Local: "Node"}, f.Node)
		}
		if f.Actor != "" {
			e.TextElement(xml.Name{Space: ns, Local: "Role"}, f.Actor)
		}
	}
	detail := xml.Name{Local: "detail"}
	if v == soap.V12 {
		detail = xml.Name{Space: ns, Local: "Detail"}
	}
	switch {
	case rf.detail != nil:
		e.StartElement(detail, xml.Name{})
		Encode(e, rf.detailName, rf.detail)
		e.EndElement()
	case f.Detail != nil:
		el := *f.Detail
		el.Name = detail
		el.Type = xml.Name{}
		encodeElement(e, &el, xml.Name{}, xml.Name{})
	}
	e.EndElement()
}

// writeCodeValue writes the Value child of a SOAP 1.2 Code or Subcode.
func writeCodeValue(e *Encoder, ns string, code xml.Name) {
	e.StartElement(xml.Name{Space: ns, Local: "Value"}, xml.Name{})
	e.Text(e.QName(code))
	e.EndElement()
}

// FaultEnvelope returns the envelope of a reply carrying f, in SOAP version v, as a generated handler
// writes it (the codes mapped to v; see faultCode), and the HTTP status a handler answers it with.
// Package soap/soaptest uses it to inject faults.
func FaultEnvelope(v soap.Version, f *soap.Fault) ([]byte, int, error) {
	e := new(Encoder)
	rf := &replyFault{f: f, envelope: v}
	if err := writeEnvelope(e, &outEnvelope{version: v, body: func(e *Encoder) { writeFault(e, v, rf) }}); err != nil {
		return nil, 0, err
	}
	return e.buf, rf.httpStatus(v), nil
}
