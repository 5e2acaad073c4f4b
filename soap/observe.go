package soap

import (
	"context"
	"log/slog"
	"net/url"
	"time"

	"github.com/sogen-go/sogen/soap/internal/redact"
)

// Observer sees every call a Client makes: set Client.Observer to log, measure or trace them. Each
// call (a method of a generated client) calls Start once, then Done once, both before the method
// returns, in the goroutine that called it. Either may be nil.
//
// What an Observer sees has the call's secrets replaced by Redacted already (the values the request
// sends in elements and attributes named like secrets, see IsSecretName; the credentials of the
// endpoint URL and of the HTTP headers given with WithHTTPHeader; in the reply, the values of
// elements and attributes named like secrets too), so that it can go to a log as it is.
//
// Logging with log/slog: an *Exchange is a slog.LogValuer:
//
//	client.Observer = &soap.Observer{
//		Done: func(ctx context.Context, x *soap.Exchange) {
//			slog.InfoContext(ctx, "soap call", "soap", x)
//		},
//	}
//
// Tracing: Start returns the context the HTTP request carries (and Done receives), the place for a
// span; see the README's Observability section for OpenTelemetry.
type Observer struct {
	// Start is called when the call begins, once the request is encoded (or failed to be), before
	// it is sent. The context it returns is the one the HTTP request carries and the one Done
	// receives; return ctx to keep it. At this point, Request, Endpoint, Operation, Action,
	// Version and Started are set.
	Start func(ctx context.Context, x *Exchange) context.Context
	// Done is called when the call ends, whatever the outcome, with the context Start returned. All
	// of x is set: the HTTP status, the reply, the duration and the error the call returns.
	Done func(ctx context.Context, x *Exchange)
}

// Exchange describes one call to an Observer. It is valid until Done returns: keep what
// its methods return, not x itself.
type Exchange struct {
	// Operation names the operation, e.g. "Webhook.SaveWebhook".
	Operation string
	// Action is the SOAP action sent ("" when the binding gives none).
	Action string
	// Version is the SOAP version of the binding.
	Version Version
	// Endpoint is the URL the request is posted to, with the password of its user information
	// replaced by "xxxxx" (as url.URL.Redacted does) and the secrets of its query string (tokens,
	// keys, signatures) by Redacted. Empty when the call failed before it had one.
	Endpoint string
	// Started is when the call began.
	Started time.Time
	// Duration is how long the call took, from Started to Done: encoding, the HTTP exchange and
	// decoding.
	Duration time.Duration
	// StatusCode is the HTTP status of the reply; 0 when there was none (the request could not be
	// encoded or sent).
	StatusCode int
	// RequestSize is the length in bytes of the request body sent; 0 when none was.
	RequestSize int
	// ResponseSize is the length in bytes of the reply body read; 0 when none was (or it was empty).
	ResponseSize int
	// Err is the error the call returns (nil on success); its message has the secrets redacted as
	// the errors of a call always do. It is set for Done.
	Err error

	request  []byte
	response []byte
	secrets  redact.Set
	ctx      context.Context
	begun    bool
}

// Request returns the request envelope with the secrets replaced by Redacted, in a new slice; nil
// when the request could not be encoded.
func (x *Exchange) Request() []byte {
	if x.request == nil {
		return nil
	}
	return redact.XML(x.request, x.secrets)
}

// Response returns the reply body with the secrets replaced by Redacted, in a new slice: the
// request's, and what the reply carries in elements named like secrets (a new ticket in a login's
// reply; the first 16 such values, and those of attributes named like secrets, are looked for
// elsewhere in the reply too). It is nil before Done, and when no reply was read.
func (x *Exchange) Response() []byte {
	if x.response == nil {
		return nil
	}
	return redact.XML(x.response, x.secrets)
}

// LogValue makes an Exchange a slog.LogValuer: a group of operation, endpoint, status (when there
// was a reply), duration, request_bytes, response_bytes and error (when there was one). The bodies
// are left out: add Request and Response yourself where a log may hold them.
func (x *Exchange) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 7)
	attrs = append(attrs, slog.String("operation", x.Operation), slog.String("endpoint", x.Endpoint))
	if x.StatusCode != 0 {
		attrs = append(attrs, slog.Int("status", x.StatusCode))
	}
	attrs = append(attrs, slog.Duration("duration", x.Duration), slog.Int("request_bytes", x.RequestSize), slog.Int("response_bytes", x.ResponseSize))
	if x.Err != nil {
		attrs = append(attrs, slog.String("error", x.Err.Error()))
	}
	return slog.GroupValue(attrs...)
}

// begin records what the call sends and calls the Observer's Start, once; it returns the context
// the request carries.
func (x *Exchange) begin(ctx context.Context, obs *Observer, endpoint string, body []byte, s redact.Set) context.Context {
	if x.begun {
		return x.ctx
	}
	x.begun = true
	x.request, x.RequestSize, x.secrets = body, len(body), s
	if endpoint != "" {
		x.Endpoint = endpoint
		if u, err := url.Parse(endpoint); err == nil {
			x.Endpoint = u.Redacted()
		}
		x.Endpoint = s.Text(x.Endpoint, false)
	}
	x.ctx = ctx
	if obs.Start != nil {
		if c := obs.Start(ctx, x); c != nil {
			x.ctx = c
		}
	}
	return x.ctx
}

// reply records the reply.
func (x *Exchange) reply(status int, body []byte) {
	x.StatusCode, x.response, x.ResponseSize = status, body, len(body)
}

// done calls the Observer's Done.
func (x *Exchange) done(obs *Observer, err error) {
	x.Duration = time.Since(x.Started)
	x.Err = err
	if obs.Done != nil {
		obs.Done(x.ctx, x)
	}
}
