package soapimpl

import (
	"fmt"

	"github.com/sogen-go/sogen/soap"
)

// RequestHeaderFrom returns the SOAP header to send: the one given with soap.WithRequestHeader if any
// (a *H as it is, an H as a pointer to a copy; an untyped nil as nil, meaning no header), else def. A
// value of another type is an error naming both types.
func RequestHeaderFrom[H any](def *H, opts []soap.CallOption) (*H, error) {
	o := collectOptions(opts)
	if !o.HasRequestHeader {
		return def, nil
	}
	switch h := o.RequestHeader.(type) {
	case nil:
		return nil, nil
	case *H:
		return h, nil
	case H:
		return &h, nil
	}
	var zero H
	return nil, fmt.Errorf("soap: WithRequestHeader: got a %T, want *%T or %T (to send a header block of another type, use soap.WithHeaderBlock)", o.RequestHeader, zero, zero)
}

// ResponseHeaderFrom returns where to decode the reply's SOAP headers: the *H given with
// soap.WithResponseHeader if any, else local. The *H given is reset to its zero value first, so that
// after the call it holds only the blocks of this call's reply (a struct reused across calls keeps
// nothing of an earlier reply, and stays zero when the call gets no reply). An untyped nil counts as
// not given; a nil *H, or a value of another type, is an error naming both types.
func ResponseHeaderFrom[H any](local *H, opts []soap.CallOption) (*H, error) {
	o := collectOptions(opts)
	if !o.HasResponseHeader || o.ResponseHeader == nil {
		return local, nil
	}
	h, ok := o.ResponseHeader.(*H)
	switch {
	case ok && h != nil:
		var zero H
		*h = zero
		return h, nil
	case ok:
		return nil, fmt.Errorf("soap: WithResponseHeader: got a nil %T, want a non-nil one", h)
	}
	var zero H
	return nil, fmt.Errorf("soap: WithResponseHeader: got a %T, want a non-nil *%T", o.ResponseHeader, zero)
}
