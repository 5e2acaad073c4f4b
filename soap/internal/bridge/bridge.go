// Package bridge passes what package soap keeps from its users to package soapimpl, the package of
// generated code, which imports soap (soap never imports soapimpl). Package soap sets the variables
// below in its init function, before any package importing it is initialised; soapimpl asserts their
// types once, when it is initialised, and calls them from then on.
//
// Each variable's comment gives the type of the function it holds: the types are soap's, which this
// package cannot name (soap imports it).
package bridge

import "encoding/xml"

var (
	// PresenceHasNils is a func(p *soap.Presence, field string) bool reporting whether p records nil
	// items or dictionary values of the named field.
	PresenceHasNils any
	// PresenceNilFields is a func(p *soap.Presence) []string returning the names of the fields p
	// records nil items or dictionary values of, without repetition.
	PresenceNilFields any
	// PresenceEmpty is a func(p *soap.Presence) bool reporting whether p records nothing.
	PresenceEmpty any
)

// CallOptions is what the options of one call (soap.CallOption) set, in the order given.
type CallOptions struct {
	// Endpoint replaces the client's endpoint when HasEndpoint is set (soap.WithEndpoint).
	Endpoint    string
	HasEndpoint bool
	// Headers are the HTTP request headers added (soap.WithHTTPHeader).
	Headers []HeaderField
	// RequestHeader replaces the client's SOAP request header when HasRequestHeader is set
	// (soap.WithRequestHeader); ResponseHeader receives the reply's when HasResponseHeader is set
	// (soap.WithResponseHeader).
	RequestHeader     any
	HasRequestHeader  bool
	ResponseHeader    any
	HasResponseHeader bool
	// HeaderBlocks is a []soap.HeaderBlock: the header blocks to send after the client's
	// (soap.WithHeaderBlock), nil when none were given.
	HeaderBlocks any
	// UnknownHeaders is a *[]*soap.Element receiving the reply's header blocks the response header
	// struct does not declare (soap.WithUnknownResponseHeaders), nil when not asked for.
	UnknownHeaders any
}

// HeaderField is one HTTP header given with soap.WithHTTPHeader.
type HeaderField struct{ Key, Value string }

var (
	// ApplyCallOption is a func(opt soap.CallOption, o *CallOptions) applying opt to o.
	ApplyCallOption any
	// NewCheckedError is a func(err error) error returning err, the failure a reply's header blocks
	// report for a reply whose body was decoded, as an error soap.ResultDecoded reports true for.
	NewCheckedError any
)

// The constructors of the date/time and decimal types from the text of a reply, kept unchecked (a
// malformed value from a peer is kept and sent back as it came; its conversion methods report it):
// a func(string) soap.DateTime, soap.Date, soap.TimeOfDay, soap.Duration or soap.Decimal.
var DateTimeFromWire, DateFromWire, TimeOfDayFromWire, DurationFromWire, DecimalFromWire any

// What a call tells the soap.Observer of its client, through the unexported methods of soap.Exchange:
//   - ExchangeBegin is a func(x *soap.Exchange, ctx context.Context, obs *soap.Observer, endpoint
//     string, body []byte, secrets []string) context.Context, recording the request and calling
//     obs.Start once; it returns the context the request carries.
//   - ExchangeReply is a func(x *soap.Exchange, status int, body []byte) recording the reply.
//   - ExchangeDone is a func(x *soap.Exchange, obs *soap.Observer, err error) calling obs.Done.
var ExchangeBegin, ExchangeReply, ExchangeDone any

// HandlerOptions is what the options of a generated handler (soap.HandlerOption) set.
type HandlerOptions struct {
	// MaxRequestSize limits the request body (soap.WithMaxRequestSize); 0 means the default.
	MaxRequestSize int64
	// MaxDepth limits element nesting (soap.WithMaxDepth); 0 means the default.
	MaxDepth int
	// Strict makes unknown request elements an error (soap.WithStrictDecoding).
	Strict bool
	// ErrorDetails sends the text of the implementation's errors (soap.WithErrorDetails).
	ErrorDetails bool
	// Understood are the request header blocks handled beyond the header struct's
	// (soap.WithUnderstoodHeaders, soap.WithInterceptor).
	Understood []xml.Name
	// Interceptors are the soap.Interceptor values added, in order.
	Interceptors []any
	// ErrorLog is a func(ctx context.Context, call *soap.ServerCall, err error), or nil
	// (soap.WithErrorLog).
	ErrorLog any
}

// ApplyHandlerOption is a func(opt soap.HandlerOption, o *HandlerOptions) applying opt to o.
var ApplyHandlerOption any
