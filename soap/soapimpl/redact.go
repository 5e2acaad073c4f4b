package soapimpl

import (
	"errors"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/bridge"
)

// The secrets of a request — the values of its elements and attributes named like secrets
// (soap.IsSecretName), the password of its URL, its credential HTTP headers — are kept out of the
// errors of its call: replaced by soap.Redacted in an HTTPError's fields, a Fault's texts and detail,
// a DecodeError's message.

// minSecretLen is the length below which a value is not redacted: replacing every occurrence of one
// or two characters would garble every message, and so short a value protects nothing.
const minSecretLen = 4

// secrets are the values to keep out of the errors of one call.
type secrets []string

// add records v (and v trimmed of surrounding space) when it is long enough to be worth hiding.
func (s *secrets) add(v string) {
	for _, x := range []string{v, strings.TrimSpace(v)} {
		if len(x) < minSecretLen {
			continue
		}
		dup := false
		for _, y := range *s {
			dup = dup || y == x
		}
		if !dup {
			*s = append(*s, x)
		}
	}
}

// forms returns the ways a secret can be written in a message: as it is, escaped as XML text (a body
// echoing it), and escaped as a Go string literal (an error quoting it with %q).
func forms(v string) []string {
	out := []string{v}
	for _, x := range []string{string(appendEscaped(nil, v, false)), string(appendEscaped(nil, v, true)), html.EscapeString(v)} {
		if x != v {
			out = append(out, x)
		}
	}
	if q := strconv.Quote(v); q[1:len(q)-1] != v {
		out = append(out, q[1:len(q)-1])
	}
	if q := strconv.QuoteToASCII(v); q[1:len(q)-1] != v && q != strconv.Quote(v) {
		out = append(out, q[1:len(q)-1])
	}
	return out
}

// redact returns text with every secret replaced by soap.Redacted, longest secrets first.
func (s secrets) redact(text string) string {
	if len(s) == 0 || text == "" {
		return text
	}
	var all []string
	for _, v := range s {
		all = append(all, forms(v)...)
	}
	// Longest first, so that a secret containing another is replaced whole.
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && len(all[j]) > len(all[j-1]); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	for _, v := range all {
		if strings.Contains(text, v) {
			text = strings.ReplaceAll(text, v, soap.Redacted)
		}
	}
	return text
}

// redactBytes is redact for a reply body.
func (s secrets) redactBytes(b []byte) []byte {
	if len(s) == 0 {
		return b
	}
	return []byte(s.redact(string(b)))
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

// fromHTTP adds the secrets of the request's URL (a password in it) and of the HTTP headers given with
// WithHTTPHeader: Authorization, Proxy-Authorization and Cookie, and headers named like a secret
// (X-Api-Token).
func (s *secrets) fromHTTP(endpoint string, headers []bridge.HeaderField) {
	if u, err := url.Parse(endpoint); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok {
			s.add(p)
		}
	}
	for _, h := range headers {
		switch k := strings.ToLower(h.Key); {
		case k == "authorization" || k == "proxy-authorization":
			s.add(h.Value)
			if _, cred, ok := strings.Cut(strings.TrimSpace(h.Value), " "); ok {
				s.add(cred) // the token of "Bearer <token>", which a server may echo alone
			}
		case k == "cookie" || soap.IsSecretName(strings.ReplaceAll(k, "-", "")):
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
	if msg := err.Error(); s.redact(msg) == msg {
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
