package soap

import (
	"fmt"
	"reflect"
)

// CallOption changes one call. Options are applied in order; for those that set a single value, the
// last one wins.
type CallOption interface {
	applyCallOption(o *callOptions)
}

type callOptions struct {
	endpoint    string
	hasEndpoint bool
	headers     []headerField

	requestHeader     any
	hasRequestHeader  bool
	responseHeader    any
	hasResponseHeader bool
}

type headerField struct{ key, value string }

type optionFunc func(o *callOptions)

func (f optionFunc) applyCallOption(o *callOptions) { f(o) }

func collectOptions(opts []CallOption) *callOptions {
	o := new(callOptions)
	for _, opt := range opts {
		if opt != nil {
			opt.applyCallOption(o)
		}
	}
	return o
}

// WithEndpoint posts this call to url instead of Call.Endpoint.
func WithEndpoint(url string) CallOption {
	return optionFunc(func(o *callOptions) {
		o.endpoint, o.hasEndpoint = url, true
	})
}

// WithHTTPHeader adds an HTTP request header. It may be repeated, for the same key too. The first
// WithHTTPHeader for a key replaces what the client would send for it (Content-Type, SOAPAction), and
// the key "Host" sets the request's Host.
func WithHTTPHeader(key, value string) CallOption {
	return optionFunc(func(o *callOptions) {
		o.headers = append(o.headers, headerField{key, value})
	})
}

// WithRequestHeader replaces the generated client's default SOAP request header struct for this call.
// h is a pointer to (or a value of) that struct type; nil sends no header. Generated code reads it with
// RequestHeaderFrom.
func WithRequestHeader(h any) CallOption {
	return optionFunc(func(o *callOptions) {
		o.requestHeader, o.hasRequestHeader = h, true
	})
}

// WithResponseHeader makes dst, a pointer to the generated client's response header struct, receive
// the SOAP headers of the reply: the call first resets *dst to its zero value, then decodes the
// reply's header blocks into it. Generated code reads it with ResponseHeaderFrom.
func WithResponseHeader(dst any) CallOption {
	return optionFunc(func(o *callOptions) {
		o.responseHeader, o.hasResponseHeader = dst, true
	})
}

// RequestHeaderFrom returns the SOAP header to send: the one given with WithRequestHeader if any (a *H
// as it is, an H as a pointer to a copy; an untyped nil as nil, meaning no header), else def. A value of
// another type is an error naming both types.
func RequestHeaderFrom[H any](def *H, opts []CallOption) (*H, error) {
	o := collectOptions(opts)
	if !o.hasRequestHeader {
		return def, nil
	}
	switch h := o.requestHeader.(type) {
	case nil:
		return nil, nil
	case *H:
		return h, nil
	case H:
		return &h, nil
	}
	t := reflect.TypeFor[H]()
	return nil, fmt.Errorf("soap: WithRequestHeader: got a %T, want *%v or %v", o.requestHeader, t, t)
}

// ResponseHeaderFrom returns where to decode the reply's SOAP headers: the *H given with
// WithResponseHeader if any, else local. The *H given is reset to its zero value first, so that after
// the call it holds only the blocks of this call's reply (a struct reused across calls keeps nothing
// of an earlier reply, and stays zero when the call gets no reply). An untyped nil counts as not
// given; a nil *H, or a value of another type, is an error naming both types.
func ResponseHeaderFrom[H any](local *H, opts []CallOption) (*H, error) {
	o := collectOptions(opts)
	if !o.hasResponseHeader || o.responseHeader == nil {
		return local, nil
	}
	h, ok := o.responseHeader.(*H)
	switch {
	case ok && h != nil:
		var zero H
		*h = zero
		return h, nil
	case ok:
		return nil, fmt.Errorf("soap: WithResponseHeader: got a nil %T, want a non-nil one", h)
	}
	return nil, fmt.Errorf("soap: WithResponseHeader: got a %T, want a non-nil *%v", o.responseHeader, reflect.TypeFor[H]())
}
