package soapimpl

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/bridge"
	"github.com/sogen-go/sogen/soap/internal/redact"
)

// The secrets of a request — the values of its elements and attributes named like secrets
// (soap.IsSecretName), the password and secret query parameters of its URL, its credential HTTP
// headers — are kept out of the errors of its call: replaced by soap.Redacted in an HTTPError's
// fields, a Fault's texts and detail, a DecodeError's message, written as they were sent or escaped
// in any mixture of the ways a server writes them (see package soap/internal/redact).

// secrets are the values to keep out of the errors of one call.
type secrets []string

// add records v (and v trimmed of surrounding space) when it is long enough to be worth hiding.
func (s *secrets) add(v string) { (*redact.Set)(s).Add(v) }

// redact returns text with every secret replaced by soap.Redacted.
func (s secrets) redact(text string) string { return redact.Set(s).Text(text, false) }

// redactBytes is redact for a reply body; cut tells whether b was cut from a longer body.
func (s secrets) redactBytes(b []byte, cut bool) []byte {
	if len(s) == 0 {
		return b
	}
	return []byte(redact.Set(s).Text(string(b), cut))
}

// element redacts the attribute values and text of el and its descendants, in place.
func (s secrets) element(el *soap.Element) {
	if len(s) == 0 || el == nil {
		return
	}
	for i := range el.Attr {
		el.Attr[i].Value = s.redact(el.Attr[i].Value)
	}
	for i := range el.Content {
		if c := el.Content[i].Element; c != nil {
			s.element(c)
		} else {
			el.Content[i].Text = s.redact(el.Content[i].Text)
		}
	}
}

// fault redacts the texts of f, in place.
func (s secrets) fault(f *soap.Fault) {
	if len(s) == 0 {
		return
	}
	f.Code.Local = s.redact(f.Code.Local)
	for i := range f.Subcodes {
		f.Subcodes[i].Local = s.redact(f.Subcodes[i].Local)
	}
	f.Reason = s.redact(f.Reason)
	for i := range f.Reasons {
		f.Reasons[i].Text = s.redact(f.Reasons[i].Text)
	}
	f.Actor = s.redact(f.Actor)
	f.Node = s.redact(f.Node)
	s.element(f.Detail)
}

// fromHTTP adds the secrets of the request's URL and of the HTTP headers given with
// soap.WithHTTPHeader: the password of the URL's user information, the values of its query
// parameters named like secrets (access_token, api_key, sig), the Authorization,
// Proxy-Authorization and Cookie headers and headers named like a secret (X-Api-Token). A Basic
// credential is recorded encoded and decoded (user:password, and the password alone), as a server
// may echo either.
func (s *secrets) fromHTTP(endpoint string, headers []bridge.HeaderField) {
	if u, err := url.Parse(endpoint); err == nil {
		if p, ok := u.User.Password(); ok {
			s.add(p)
			// net/http sends the user information as a Basic Authorization header.
			s.add(base64.StdEncoding.EncodeToString([]byte(u.User.Username() + ":" + p)))
		}
		for k, vs := range u.Query() {
			if redact.IsSecretParam(k) {
				for _, v := range vs {
					s.add(v)
				}
			}
		}
	}
	for _, h := range headers {
		switch k := strings.ToLower(h.Key); {
		case k == "authorization" || k == "proxy-authorization":
			s.add(h.Value)
			scheme, cred, ok := strings.Cut(strings.TrimSpace(h.Value), " ")
			if !ok {
				continue
			}
			cred = strings.TrimSpace(cred)
			s.add(cred) // the token of "Bearer <token>", which a server may echo alone
			if strings.EqualFold(scheme, "Basic") {
				if dec, err := base64.StdEncoding.DecodeString(cred); err == nil {
					s.add(string(dec))
					if _, p, ok := strings.Cut(string(dec), ":"); ok {
						s.add(p)
					}
				}
			}
		case k == "cookie":
			s.add(h.Value)
			for _, c := range strings.Split(h.Value, ";") {
				if _, v, ok := strings.Cut(c, "="); ok {
					s.add(v) // one cookie's value, which a server may echo alone
				}
			}
		case soap.IsSecretName(strings.ReplaceAll(k, "-", "")):
			s.add(h.Value)
		}
	}
}

// redactedError is an error whose message has the secrets of a call replaced; it unwraps to the
// original, so that errors.Is and errors.As see the same chain.
type redactedError struct {
	err error
	s   secrets
}

func (e *redactedError) Error() string { return e.s.redact(e.err.Error()) }
func (e *redactedError) Unwrap() error { return e.err }

// hideIfShown is hide for an error whose message is fixed: it wraps err only when its message shows
// a secret, so that, most of the time, a DecodeError's Err stays the very error met.
func (s secrets) hideIfShown(err error) error {
	if len(s) == 0 || err == nil {
		return err
	}
	if !redact.Set(s).Shows(err.Error()) {
		return err
	}
	return s.hide(err)
}

// hide wraps err so that its message keeps out the secrets, when there are any.
func (s secrets) hide(err error) error {
	if len(s) == 0 || err == nil {
		return err
	}
	var r *redactedError
	if errors.As(err, &r) {
		return err
	}
	return &redactedError{err: err, s: s}
}
