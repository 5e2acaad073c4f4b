package soap

import "github.com/sogen-go/sogen/soap/internal/bridge"

// CallOption changes one call. Options are applied in order; for those that set a single value, the
// last one wins.
type CallOption interface {
	applyCallOption(o *callOptions)
}

type callOptions = bridge.CallOptions

type optionFunc func(o *callOptions)

func (f optionFunc) applyCallOption(o *callOptions) { f(o) }

// WithEndpoint posts this call to url instead of the client's Endpoint.
func WithEndpoint(url string) CallOption {
	return optionFunc(func(o *callOptions) {
		o.Endpoint, o.HasEndpoint = url, true
	})
}

// WithHTTPHeader adds an HTTP request header. It may be repeated, for the same key too. The first
// WithHTTPHeader for a key replaces what the client would send for it (Content-Type, SOAPAction), and
// the key "Host" sets the request's Host.
func WithHTTPHeader(key, value string) CallOption {
	return optionFunc(func(o *callOptions) {
		o.Headers = append(o.Headers, bridge.HeaderField{Key: key, Value: value})
	})
}

// WithRequestHeader replaces the generated client's default SOAP request header struct for this call.
// h is a pointer to (or a value of) that struct type; nil sends no header.
func WithRequestHeader(h any) CallOption {
	return optionFunc(func(o *callOptions) {
		o.RequestHeader, o.HasRequestHeader = h, true
	})
}

// WithResponseHeader makes dst, a pointer to the generated client's response header struct, receive
// the SOAP headers of the reply: the call first resets *dst to its zero value, then decodes the
// reply's header blocks into it.
func WithResponseHeader(dst any) CallOption {
	return optionFunc(func(o *callOptions) {
		o.ResponseHeader, o.HasResponseHeader = dst, true
	})
}
