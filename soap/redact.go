package soap

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/sogen-go/sogen/soap/internal/redact"
)

// Redacted replaces a secret of the request wherever it would appear in an error of Client.Do or in
// what an Observer sees.
const Redacted = redact.Marker

// secretSuffixes end the local names of the elements (and the HTTP header names, without dashes) whose
// values are secrets.
var secretSuffixes = []string{"ticket", "token", "password", "passwd", "secret", "apikey"}

// IsSecretName reports whether an element or attribute with this local name holds a secret, which
// Client.Do keeps out of its errors: the name ends, ignoring case, with Ticket, Token, Password, Passwd,
// Secret or ApiKey (SuperOffice's Credentials/Ticket and ApplicationToken, a UserName/Password pair, a
// webhook's Secret, an AccessToken...).
func IsSecretName(local string) bool {
	for _, s := range secretSuffixes {
		if len(local) >= len(s) && strings.EqualFold(local[len(local)-len(s):], s) {
			return true
		}
	}
	return false
}

// secretParams are the names, lower-cased and without '_' and '-', of the query parameters that hold
// secrets besides those IsSecretName recognises (access_token, api_key, client_secret): keys,
// signatures and session identifiers.
var secretParams = []string{"key", "sig", "signature", "auth", "authorization", "session", "sessionid", "sid", "jwt", "code", "credentials"}

// isSecretParam reports whether a URL query parameter of this name holds a secret.
func isSecretParam(name string) bool {
	n := strings.ToLower(strings.NewReplacer("_", "", "-", "", ".", "").Replace(name))
	return IsSecretName(n) || slices.Contains(secretParams, n)
}

// secrets are the values to keep out of the errors of one call.
type secrets []string

// add records v (and v trimmed of surrounding space) when it is long enough to be worth hiding.
func (s *secrets) add(v string) { (*redact.Set)(s).Add(v) }

// redact returns text with every secret replaced by Redacted: written as it is or escaped in any
// mixture of the ways a server writes it (XML and HTML character references and entities,
// percent-encoding, JSON and Go string escapes); see package soap/internal/redact.
func (s secrets) redact(text string) string { return redact.Set(s).Text(text, false) }

// redactBytes is redact for a reply body; cut tells whether b was cut from a longer body.
func (s secrets) redactBytes(b []byte, cut bool) []byte {
	if len(s) == 0 {
		return b
	}
	return []byte(redact.Set(s).Text(string(b), cut))
}

// maxFoundSecrets is the most values a body's own secret-named elements and attributes add to the
// secrets looked for everywhere in it (the text of those elements is replaced in place whatever
// their number): each secret looked for costs a pass over the body.
const maxFoundSecrets = 16

// redactXML returns a copy of body with the secrets s replaced by Redacted, and those body carries
// itself when it is XML: the text of its elements named like secrets (a login reply's new ticket) is
// replaced where it stands, and the first values of such elements and attributes are looked for
// elsewhere in the body too.
func redactXML(body []byte, s secrets) []byte {
	spans, found := secretsInXML(body)
	out := body
	if len(spans) > 0 {
		out = make([]byte, 0, len(body))
		last := 0
		for _, sp := range spans {
			out = append(out, body[last:sp[0]]...)
			out = append(out, Redacted...)
			last = sp[1]
		}
		out = append(out, body[last:]...)
	}
	all := append(secrets(nil), s...)
	for _, v := range found {
		all.add(v)
	}
	if len(all) == 0 {
		if len(spans) == 0 {
			return bytes.Clone(body)
		}
		return out
	}
	return []byte(redact.Set(all).Text(string(out), false))
}

// secretsInXML returns, as far as doc is well-formed XML, the byte ranges of the text of its
// elements named like secrets (IsSecretName; text directly inside them, white space alone left
// out), in order, and the first maxFoundSecrets values of such elements and attributes.
func secretsInXML(doc []byte) (spans [][2]int, found []string) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		return nil, errors.New("not UTF-8")
	}
	keep := func(v string) {
		if len(found) < maxFoundSecrets {
			found = append(found, v)
		}
	}
	var open []bool // whether each open element is named like a secret
	var text []byte
	for {
		start := d.InputOffset()
		tok, err := d.RawToken() // no namespace processing: only local names matter
		if err != nil {
			return spans, found
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, IsSecretName(t.Name.Local))
			text = text[:0]
			for _, a := range t.Attr {
				if IsSecretName(a.Name.Local) && a.Name.Space != "xmlns" {
					keep(a.Value)
				}
			}
		case xml.CharData:
			if len(open) > 0 && open[len(open)-1] && len(bytes.TrimSpace(t)) > 0 {
				text = append(text, t...)
				if end := int(d.InputOffset()); start >= 0 && int(start) < end && end <= len(doc) {
					spans = append(spans, [2]int{int(start), end})
				}
			}
		case xml.EndElement:
			if len(open) == 0 {
				return spans, found
			}
			if open[len(open)-1] && len(text) > 0 {
				keep(string(text))
			}
			text = text[:0]
			open = open[:len(open)-1]
		}
	}
}

// element redacts the attribute values and text of el and its descendants, in place.
func (s secrets) element(el *Element) {
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
func (s secrets) fault(f *Fault) {
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

// fromHTTP adds the secrets of the request's URL and of the HTTP headers given with WithHTTPHeader:
// the password of the URL's user information, the values of its query parameters named like
// secrets (access_token, api_key, sig: isSecretParam), the Authorization, Proxy-Authorization and
// Cookie headers and headers named like a secret (X-Api-Token). A Basic credential is recorded
// encoded and decoded (user:password, and the password alone), as a server may echo either.
func (s *secrets) fromHTTP(endpoint string, headers []headerField) {
	if u, err := url.Parse(endpoint); err == nil {
		if p, ok := u.User.Password(); ok {
			s.add(p)
			// net/http sends the user information as a Basic Authorization header.
			s.add(base64.StdEncoding.EncodeToString([]byte(u.User.Username() + ":" + p)))
		}
		for k, vs := range u.Query() {
			if isSecretParam(k) {
				for _, v := range vs {
					s.add(v)
				}
			}
		}
	}
	for _, h := range headers {
		switch k := strings.ToLower(h.key); {
		case k == "authorization" || k == "proxy-authorization":
			s.add(h.value)
			scheme, cred, ok := strings.Cut(strings.TrimSpace(h.value), " ")
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
			s.add(h.value)
			for _, c := range strings.Split(h.value, ";") {
				if _, v, ok := strings.Cut(c, "="); ok {
					s.add(v) // one cookie's value, which a server may echo alone
				}
			}
		case IsSecretName(strings.ReplaceAll(k, "-", "")):
			s.add(h.value)
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
