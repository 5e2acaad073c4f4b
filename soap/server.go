package soap

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"

	"github.com/sogen-go/sogen/soap/internal/bridge"
)

// DefaultMaxRequestSize is the request size, in bytes, a generated handler accepts unless
// WithMaxRequestSize says otherwise.
const DefaultMaxRequestSize = 4 << 20

// HandlerOption configures a generated SOAP handler: pass options to a New<PortType>Handler function
// (generated with sogen -server). Options are applied in order; for those that set a single value,
// the last one wins.
type HandlerOption interface {
	applyHandlerOption(o *handlerOptions)
}

type handlerOptions = bridge.HandlerOptions

type handlerOptionFunc func(o *handlerOptions)

func (f handlerOptionFunc) applyHandlerOption(o *handlerOptions) { f(o) }

// WithMaxRequestSize limits the length of a request body, in bytes; 0 (or less) means
// DefaultMaxRequestSize. A longer request is answered with HTTP 413 and a Client (SOAP 1.1) or Sender
// (SOAP 1.2) fault, without being read whole.
func WithMaxRequestSize(n int64) HandlerOption {
	return handlerOptionFunc(func(o *handlerOptions) { o.MaxRequestSize = n })
}

// WithMaxDepth limits how deep the elements of a request may be nested; 0 (or less) means 256, the
// limit the client applies to replies. A deeper request is answered with a Client or Sender fault.
func WithMaxDepth(n int) HandlerOption {
	return handlerOptionFunc(func(o *handlerOptions) { o.MaxDepth = n })
}

// WithStrictDecoding makes an element of the request that the generated types do not know a Client
// or Sender fault naming it, instead of being skipped. By default a handler skips them, as the client
// does in replies, so that a newer client sending more than the WSDL says is still served.
func WithStrictDecoding() HandlerOption {
	return handlerOptionFunc(func(o *handlerOptions) { o.Strict = true })
}

// WithErrorDetails makes the fault answering an error of the implementation that is not a fault
// (see New<PortType>Handler) carry the error's text as its reason. Without it, the reason only says
// that the server failed ("internal server error"), so that the error's details (file names, SQL,
// addresses of other services) do not reach the client; WithErrorLog sees the error either way. Use
// it in development and tests.
func WithErrorDetails() HandlerOption {
	return handlerOptionFunc(func(o *handlerOptions) { o.ErrorDetails = true })
}

// WithUnderstoodHeaders names request header blocks the implementation handles beyond those the
// generated request header struct declares (reading them from ServerCall.UnknownHeaders): a block
// marked mustUnderstand for the server that is neither is answered with a MustUnderstand fault, as
// SOAP 1.1 section 4.2.3 and SOAP 1.2 Part 1 section 5.2.3 require. It may be repeated.
func WithUnderstoodHeaders(names ...xml.Name) HandlerOption {
	names = append([]xml.Name(nil), names...)
	return handlerOptionFunc(func(o *handlerOptions) { o.Understood = append(o.Understood, names...) })
}

// Interceptor runs around the implementation's method for every request a handler serves, once the
// request is decoded: call describes it, and next calls the method (or the next interceptor) with
// the context given, returning its error. An interceptor may check the request (authentication,
// WS-Security: see package soap/wsse), put values in the context, set response headers in call, or
// return an error without calling next; the error it returns is answered as the method's would be.
type Interceptor func(ctx context.Context, call *ServerCall, next func(ctx context.Context) error) error

// WithInterceptor adds an interceptor; interceptors run in the order added, the first outermost.
// understands names the request header blocks it handles (see WithUnderstoodHeaders): a mandatory
// one of them is not refused as not understood.
func WithInterceptor(fn Interceptor, understands ...xml.Name) HandlerOption {
	understands = append([]xml.Name(nil), understands...)
	return handlerOptionFunc(func(o *handlerOptions) {
		if fn != nil {
			o.Interceptors = append(o.Interceptors, fn)
		}
		o.Understood = append(o.Understood, understands...)
	})
}

// WithErrorLog makes fn see every request the handler answers with a fault because of an error: the
// implementation's error that is not a fault (whose text WithErrorDetails does not send), a panic (a
// *PanicError), a request that could not be read or decoded, a reply that could not be encoded. call
// is nil when the request did not get as far as naming an operation (it was not SOAP); call.Operation
// is "" when it was but no operation could be found for it. fn is called before the reply is written,
// in the request's goroutine.
func WithErrorLog(fn func(ctx context.Context, call *ServerCall, err error)) HandlerOption {
	return handlerOptionFunc(func(o *handlerOptions) { o.ErrorLog = fn })
}

// PanicError is the error WithErrorLog sees when the implementation (or an interceptor) panicked
// while serving a request: the handler recovers, answers a Server (SOAP 1.1) or Receiver (SOAP 1.2)
// fault, and goes on serving. A panic with http.ErrAbortHandler is not recovered.
type PanicError struct {
	// Value is the value the code panicked with.
	Value any
	// Stack is the stack of the goroutine that panicked, as runtime/debug.Stack formats it.
	Stack []byte
}

// Error returns "panic: <value>".
func (e *PanicError) Error() string { return errorText("panic: " + panicText(e.Value)) }

// Unwrap returns the value panicked with when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// ServerCall is the request a generated handler is serving, as its implementation sees it: get it
// with ServerCallFrom, its headers typed with RequestHeader and ResponseHeader. The handler makes
// one per request; the implementation may change what it will send (ResponseHeader and
// ResponseHeaderBlocks) until its method returns.
type ServerCall struct {
	// Operation names the operation, e.g. "Webhook.SaveWebhook".
	Operation string
	// Version is the SOAP version of the binding served (and of the request).
	Version Version
	// Action is the SOAP action the request named: the SOAPAction HTTP header (SOAP 1.1) or the
	// action parameter of its Content-Type (SOAP 1.2), unquoted; "" when it named none.
	Action string
	// HTTPRequest is the HTTP request; its body has been read.
	HTTPRequest *http.Request
	// Header is the request's header blocks that the binding declares, decoded: a pointer to the
	// generated request header struct (*WebhookRequestHeader), nil when the binding declares none.
	Header any
	// UnknownHeaders are the request's other header blocks, as received (a wsse:Security block, a
	// tracing block), with their attributes, in order.
	UnknownHeaders []*Element
	// ResponseHeader is the header the reply will carry: a pointer to the generated response header
	// struct (*WebhookResponseHeader), nil when the binding declares none. Its blocks that are set
	// are sent. For an API with a reply-header status contract, the handler sets the status block
	// (Succeeded) unless the implementation did, and the error block from the error it returns.
	ResponseHeader any
	// ResponseHeaderBlocks are sent in the reply after the blocks of ResponseHeader (see
	// HeaderBlock).
	ResponseHeaderBlocks []HeaderBlock
}

type serverCallKey struct{}

// ContextWithServerCall returns a copy of ctx carrying call. Generated handlers do this for every
// request; a test calling an implementation's methods directly can do it to give them request headers
// (see RequestHeader).
func ContextWithServerCall(ctx context.Context, call *ServerCall) context.Context {
	return context.WithValue(ctx, serverCallKey{}, call)
}

// ServerCallFrom returns the request a generated handler is serving with ctx (or a context derived
// from it), nil when there is none.
func ServerCallFrom(ctx context.Context) *ServerCall {
	call, _ := ctx.Value(serverCallKey{}).(*ServerCall)
	return call
}

// RequestHeader returns the request header blocks, decoded into the generated request header struct
// H, of the request a generated handler is serving with ctx: for instance
// soap.RequestHeader[services88.WebhookRequestHeader](ctx).Credentials. It returns nil when ctx
// carries no ServerCall, or one whose header is not an H.
func RequestHeader[H any](ctx context.Context) *H {
	call := ServerCallFrom(ctx)
	if call == nil {
		return nil
	}
	h, _ := call.Header.(*H)
	return h
}

// ResponseHeader returns the response header struct H that the reply to the request a generated
// handler is serving with ctx will carry, for the implementation to set its blocks: for instance
// soap.ResponseHeader[services88.WebhookResponseHeader](ctx).TimeZone = tz. It returns nil when ctx
// carries no ServerCall, or one whose response header is not an H.
func ResponseHeader[H any](ctx context.Context) *H {
	call := ServerCallFrom(ctx)
	if call == nil {
		return nil
	}
	h, _ := call.ResponseHeader.(*H)
	return h
}

// panicText returns the text of a value panicked with.
func panicText(v any) string {
	switch v := v.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprintf("%v", v)
}
