package wsse

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// faultReasons are the fault strings SOAP Message Security 1.1 section 12 gives each fault code. A
// server sends them rather than Error.Reason, which says more than a client should learn (whether
// the user or the password was wrong).
var faultReasons = map[string]string{
	InvalidSecurity:          "An error was discovered processing the <wsse:Security> header",
	InvalidSecurityToken:     "An invalid security token was provided",
	UnsupportedSecurityToken: "An unsupported token was provided",
	FailedAuthentication:     "The security token could not be authenticated or authorized",
	MessageExpired:           "The message has expired",
}

// WithVerifier returns the option of a generated handler (New<PortType>Handler) that checks the
// wsse:Security header block of every request meant for the server (no actor or role, "next", or
// SOAP 1.2's "ultimateReceiver"; blocks for intermediaries are left alone, and two blocks for the
// server are an InvalidSecurity error) with v before the implementation is called: a request
// that does not verify is answered with the fault SOAP Message Security 1.1 section 12 prescribes
// (faultcode wsse:FailedAuthentication and the like in SOAP 1.1; Sender with that subcode in SOAP
// 1.2), whose reason is the section's generic text; the implementation is not called. The handler
// understands the Security block, so a client may mark it mustUnderstand. The implementation gets
// what verified with VerifiedHeader (the user's name, for instance). Since an interceptor runs once
// the request is decoded, a request the handler refuses before (malformed, too large) is refused
// without being verified.
func WithVerifier(v *Verifier) soap.HandlerOption {
	return soap.WithInterceptor(func(ctx context.Context, call *soap.ServerCall, next func(ctx context.Context) error) error {
		sec, err := findTargeted(call.UnknownHeaders, call.Version)
		var h *Header
		if err == nil {
			h, err = v.Verify(ctx, sec)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				e = &Error{Code: InvalidSecurity, Err: err}
			}
			reason := faultReasons[e.Code]
			if reason == "" {
				reason = faultReasons[InvalidSecurity]
			}
			return &soap.Fault{Code: xml.Name{Space: call.Version.EnvelopeNamespace(), Local: "Client"},
				Subcodes: []xml.Name{e.FaultCode()}, Reason: reason}
		}
		return next(context.WithValue(ctx, verifiedKey{}, h))
	}, SecurityName)
}

// findTargeted returns the wsse:Security block of a request in an envelope of version v that is
// meant for its ultimate receiver (no actor or role, "next", or SOAP 1.2's "ultimateReceiver"), nil
// when there is none: blocks for other actors are for intermediaries, not verified here. SOAP
// Message Security 1.1 section 6.1 forbids two blocks for the same receiver; such a request is an
// InvalidSecurity error rather than having one of them silently ignored.
func findTargeted(blocks []*soap.Element, v soap.Version) (*soap.Element, error) {
	roleName := xml.Name{Space: v.EnvelopeNamespace(), Local: "actor"}
	if v == soap.V12 {
		roleName.Local = "role"
	}
	var found *soap.Element
	for _, b := range blocks {
		if b == nil || b.Name != SecurityName {
			continue
		}
		role := ""
		for _, a := range b.Attr {
			if a.Name == roleName {
				role = strings.TrimSpace(a.Value)
			}
		}
		if !soapimpl.TargetsUltimateReceiver(role, v) {
			continue
		}
		if found != nil {
			return nil, fail(InvalidSecurity, "more than one wsse:Security header for this receiver")
		}
		found = b
	}
	return found, nil
}

type verifiedKey struct{}

// VerifiedHeader returns the Security header that WithVerifier verified for the request a generated
// handler is serving with ctx, nil when there is none (the handler has no verifier).
func VerifiedHeader(ctx context.Context) *Header {
	h, _ := ctx.Value(verifiedKey{}).(*Header)
	return h
}
