package wsse

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/sogen-go/sogen/soap"
)

// Header is what a wsse:Security block holds, as Parse reads it.
type Header struct {
	// UsernameToken is the block's UsernameToken, nil when it has none.
	UsernameToken *ReceivedToken
	// Timestamp is the block's wsu:Timestamp, nil when it has none.
	Timestamp *ReceivedTimestamp
}

// ReceivedToken is a UsernameToken as received.
type ReceivedToken struct {
	// Username is the user's name, trimmed of surrounding space.
	Username string
	// Password is the password or its digest, as sent; HasPassword tells whether there was one.
	Password    string
	HasPassword bool
	// PasswordType is the password's Type: PasswordText (also when the attribute was absent) or
	// PasswordDigest; another URI is kept as it is.
	PasswordType string
	// Nonce is the decoded nonce, nil when there was none.
	Nonce []byte
	// Created is the text of wsu:Created, trimmed, "" when there was none.
	Created string
}

// ReceivedTimestamp is a wsu:Timestamp as received.
type ReceivedTimestamp struct {
	// Created and Expires are the texts of wsu:Created and wsu:Expires, trimmed; Expires is ""
	// when absent.
	Created, Expires string
}

// The fault codes of SOAP Message Security 1.1 section 12 (Error Handling), which an Error carries:
// the subcode (SOAP 1.2) or faultcode (SOAP 1.1) a server's fault uses, in SecExtNamespace.
const (
	// InvalidSecurity: an error was discovered processing the wsse:Security header.
	InvalidSecurity = "InvalidSecurity"
	// InvalidSecurityToken: an invalid security token was provided.
	InvalidSecurityToken = "InvalidSecurityToken"
	// UnsupportedSecurityToken: an unsupported token was provided.
	UnsupportedSecurityToken = "UnsupportedSecurityToken"
	// FailedAuthentication: the security token could not be authenticated or authorized.
	FailedAuthentication = "FailedAuthentication"
	// MessageExpired: the message has expired.
	MessageExpired = "MessageExpired"
)

// Error is a Security header that did not verify.
type Error struct {
	// Code is the fault code of SOAP Message Security section 12: InvalidSecurity,
	// InvalidSecurityToken, UnsupportedSecurityToken, FailedAuthentication or MessageExpired.
	Code string
	// Reason says what is wrong, for the server's log. A fault sent to the client should say less:
	// for FailedAuthentication, not whether the user or the password was wrong.
	Reason string
	// Err is the underlying error (of Verifier.Password or Verifier.Nonces), if any.
	Err error
}

// Error returns "wsse: <Code>: <Reason>".
func (e *Error) Error() string {
	msg := "wsse: " + e.Code + ": " + e.Reason
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// FaultCode returns the qualified fault code, {SecExtNamespace}Code.
func (e *Error) FaultCode() xml.Name { return xml.Name{Space: SecExtNamespace, Local: e.Code} }

func fail(code, format string, args ...any) *Error {
	return &Error{Code: code, Reason: fmt.Sprintf(format, args...)}
}

// Find returns the wsse:Security block among blocks (as soap.WithUnknownResponseHeaders collects
// them), or nil.
func Find(blocks []*soap.Element) *soap.Element {
	for _, b := range blocks {
		if b != nil && b.Name == SecurityName {
			return b
		}
	}
	return nil
}

// Parse reads a wsse:Security block. Its UsernameToken and Timestamp are read; other children
// (signatures, other tokens) are left out. More than one UsernameToken or Timestamp, or a nonce
// that is not Base64, is an *Error with code InvalidSecurity or InvalidSecurityToken.
func Parse(sec *soap.Element) (*Header, error) {
	if sec == nil || sec.Name != SecurityName {
		return nil, fail(InvalidSecurity, "not a wsse:Security element")
	}
	h := &Header{}
	for _, n := range sec.Content {
		el := n.Element
		switch {
		case el == nil:
		case el.Name == (xml.Name{Space: SecExtNamespace, Local: "UsernameToken"}):
			if h.UsernameToken != nil {
				return nil, fail(InvalidSecurity, "more than one UsernameToken")
			}
			t, err := parseToken(el)
			if err != nil {
				return nil, err
			}
			h.UsernameToken = t
		case el.Name == (xml.Name{Space: UtilityNamespace, Local: "Timestamp"}):
			if h.Timestamp != nil {
				// WS-I Basic Security Profile R3227: at most one.
				return nil, fail(InvalidSecurity, "more than one Timestamp")
			}
			t, err := parseTimestamp(el)
			if err != nil {
				return nil, err
			}
			h.Timestamp = t
		}
	}
	return h, nil
}

func parseToken(el *soap.Element) (*ReceivedToken, error) {
	t := &ReceivedToken{}
	seen := map[string]bool{}
	for _, n := range el.Content {
		c := n.Element
		if c == nil {
			continue
		}
		var key string
		switch c.Name {
		case xml.Name{Space: SecExtNamespace, Local: "Username"}:
			key = "Username"
			t.Username = strings.TrimSpace(text(c))
		case xml.Name{Space: SecExtNamespace, Local: "Password"}:
			key = "Password"
			t.Password, t.HasPassword = text(c), true
			t.PasswordType = PasswordText
			if v, ok := attr(c, "Type"); ok {
				t.PasswordType = strings.TrimSpace(v)
			}
		case xml.Name{Space: SecExtNamespace, Local: "Nonce"}:
			key = "Nonce"
			if v, ok := attr(c, "EncodingType"); ok && strings.TrimSpace(v) != Base64Binary {
				return nil, fail(UnsupportedSecurityToken, "the Nonce's EncodingType %q is not Base64Binary", v)
			}
			b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text(c)))
			if err != nil {
				return nil, &Error{Code: InvalidSecurityToken, Reason: "the Nonce is not Base64", Err: err}
			}
			t.Nonce = b
		case xml.Name{Space: UtilityNamespace, Local: "Created"}:
			key = "Created"
			t.Created = strings.TrimSpace(text(c))
		default:
			continue
		}
		if seen[key] {
			return nil, fail(InvalidSecurityToken, "the UsernameToken has more than one %s", key)
		}
		seen[key] = true
	}
	if t.Username == "" {
		return nil, fail(InvalidSecurityToken, "the UsernameToken has no Username")
	}
	return t, nil
}

func parseTimestamp(el *soap.Element) (*ReceivedTimestamp, error) {
	t := &ReceivedTimestamp{}
	var created, expires int
	for _, n := range el.Content {
		c := n.Element
		switch {
		case c == nil:
		case c.Name == xml.Name{Space: UtilityNamespace, Local: "Created"}:
			created++
			t.Created = strings.TrimSpace(text(c))
		case c.Name == xml.Name{Space: UtilityNamespace, Local: "Expires"}:
			expires++
			t.Expires = strings.TrimSpace(text(c))
		}
	}
	// WS-I Basic Security Profile R3203 and R3224: exactly one Created, at most one Expires.
	if created != 1 || expires > 1 {
		return nil, fail(InvalidSecurity, "a Timestamp needs one Created and at most one Expires (it has %d and %d)", created, expires)
	}
	return t, nil
}

// attr returns the value of the unqualified attribute local of el.
func attr(el *soap.Element, local string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// ParseTime reads a WS-Security time: an xs:dateTime with a time zone ("Z" or an offset), as
// wsu:Created and wsu:Expires hold.
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an xs:dateTime with a time zone", s)
	}
	return t, nil
}

// Verifier checks the wsse:Security header of a message: a server the requests it receives, a
// client the Timestamp of the replies. Its zero value checks the Timestamp only, when there is one.
type Verifier struct {
	// Password returns the password of user; an error (for an unknown user, say) fails the check as
	// FailedAuthentication. When it is set, a UsernameToken is required and its password checked.
	Password func(ctx context.Context, user string) (string, error)
	// RequireDigest refuses passwords in clear (PasswordText).
	RequireDigest bool
	// RequireTimestamp refuses a header without wsu:Timestamp.
	RequireTimestamp bool
	// MaxAge is how old a UsernameToken's or Timestamp's Created may be; 0 means 5 minutes, the
	// freshness limit the UsernameToken profile suggests.
	MaxAge time.Duration
	// ClockSkew is the difference between the sender's clock and this one that is tolerated; 0 means
	// one minute.
	ClockSkew time.Duration
	// Nonces, if not nil, remembers the nonces seen, so that a UsernameToken replayed within MaxAge
	// is refused. Without it, a nonce is not checked for replay.
	Nonces NonceCache
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// NonceCache remembers the nonces of UsernameTokens, so that Verifier refuses a replayed one. It
// must be safe for concurrent use. MemoryNonceCache is one; a server with several instances needs
// a shared one (a database, Redis).
type NonceCache interface {
	// Use records nonce as seen for ttl, reporting whether it was new (false: a replay). An error
	// fails the check. (With Redis, for instance: SET nonce 1 NX PX ttl.)
	Use(ctx context.Context, nonce string, ttl time.Duration) (fresh bool, err error)
}

// Verify checks sec, a wsse:Security block (nil when the message has none), and returns what it
// holds. The UsernameToken's password is checked against Verifier.Password (in constant time; a
// digest recomputed from its nonce and creation time, which are then required), its creation time
// and the Timestamp's against MaxAge and ClockSkew, its nonce against Nonces. A failure is an
// *Error whose Code is the SOAP Message Security fault code to report.
func (v *Verifier) Verify(ctx context.Context, sec *soap.Element) (*Header, error) {
	if sec == nil {
		if v.Password != nil || v.RequireTimestamp {
			return nil, fail(InvalidSecurity, "the message has no wsse:Security header")
		}
		return &Header{}, nil
	}
	h, err := Parse(sec)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	at := now()
	maxAge, skew := v.MaxAge, v.ClockSkew
	if maxAge <= 0 {
		maxAge = 5 * time.Minute
	}
	if skew <= 0 {
		skew = time.Minute
	}
	if ts := h.Timestamp; ts != nil {
		if err := checkTimestamp(ts, at, maxAge, skew); err != nil {
			return nil, err
		}
	} else if v.RequireTimestamp {
		return nil, fail(InvalidSecurity, "the Security header has no Timestamp")
	}
	if v.Password == nil {
		return h, nil
	}
	t := h.UsernameToken
	if t == nil {
		return nil, fail(InvalidSecurity, "the Security header has no UsernameToken")
	}
	if !t.HasPassword {
		return nil, fail(FailedAuthentication, "the UsernameToken has no Password")
	}
	var created time.Time
	if t.Created != "" {
		if created, err = ParseTime(t.Created); err != nil {
			return nil, &Error{Code: InvalidSecurityToken, Reason: "the UsernameToken's Created", Err: err}
		}
		if err := fresh(created, at, maxAge, skew, "the UsernameToken"); err != nil {
			return nil, err
		}
	}
	switch t.PasswordType {
	case PasswordText:
		if v.RequireDigest {
			return nil, fail(UnsupportedSecurityToken, "a password in clear (PasswordText) is not accepted")
		}
	case PasswordDigest:
		if t.Nonce == nil || t.Created == "" {
			return nil, fail(InvalidSecurityToken, "a PasswordDigest needs a Nonce and a Created")
		}
	default:
		return nil, fail(UnsupportedSecurityToken, "the password Type %q is not supported", t.PasswordType)
	}
	password, err := v.Password(ctx, t.Username)
	if err != nil {
		return nil, &Error{Code: FailedAuthentication, Reason: fmt.Sprintf("user %q", t.Username), Err: err}
	}
	var ok bool
	if t.PasswordType == PasswordDigest {
		want, _ := base64.StdEncoding.DecodeString(Digest(t.Nonce, t.Created, password))
		got, err := base64.StdEncoding.DecodeString(strings.TrimSpace(t.Password))
		ok = err == nil && subtle.ConstantTimeCompare(got, want) == 1
	} else {
		ok = subtle.ConstantTimeCompare([]byte(t.Password), []byte(password)) == 1
	}
	if !ok {
		return nil, fail(FailedAuthentication, "wrong password for user %q", t.Username)
	}
	if t.Nonce != nil && v.Nonces != nil {
		// A nonce must stay remembered as long as its token could pass the freshness check.
		ttl := maxAge + 2*skew
		if !created.IsZero() {
			ttl = created.Add(maxAge+skew).Sub(at) + skew
		}
		isNew, err := v.Nonces.Use(ctx, base64.StdEncoding.EncodeToString(t.Nonce), ttl)
		if err != nil {
			return nil, &Error{Code: FailedAuthentication, Reason: "the nonce cache failed", Err: err}
		}
		if !isNew {
			return nil, fail(FailedAuthentication, "the UsernameToken's nonce was used before (a replay)")
		}
	}
	return h, nil
}

// checkTimestamp checks a wsu:Timestamp at time at.
func checkTimestamp(ts *ReceivedTimestamp, at time.Time, maxAge, skew time.Duration) error {
	created, err := ParseTime(ts.Created)
	if err != nil {
		return &Error{Code: InvalidSecurity, Reason: "the Timestamp's Created", Err: err}
	}
	if err := fresh(created, at, maxAge, skew, "the Timestamp"); err != nil {
		return err
	}
	if ts.Expires == "" {
		return nil
	}
	expires, err := ParseTime(ts.Expires)
	if err != nil {
		return &Error{Code: InvalidSecurity, Reason: "the Timestamp's Expires", Err: err}
	}
	if expires.Before(created) {
		return fail(InvalidSecurity, "the Timestamp expires (%s) before it was created (%s)", ts.Expires, ts.Created)
	}
	if !at.Before(expires.Add(skew)) {
		return fail(MessageExpired, "the message expired at %s", ts.Expires)
	}
	return nil
}

// fresh checks that created is neither in the future nor older than maxAge, give or take skew.
func fresh(created, at time.Time, maxAge, skew time.Duration, what string) error {
	if created.After(at.Add(skew)) {
		return fail(MessageExpired, "%s was created in the future (%s)", what, FormatTime(created))
	}
	if at.Sub(created) > maxAge+skew {
		return fail(MessageExpired, "%s was created at %s, more than %v ago", what, FormatTime(created), maxAge)
	}
	return nil
}

// MemoryNonceCache is a NonceCache in memory, for a single server process. It holds at most Max
// nonces (0 means 100,000): when full of nonces that have not expired, Use fails rather than forget
// one, which would let it be replayed.
type MemoryNonceCache struct {
	// Max is the most nonces held.
	Max int
	// Now returns the current time; nil means time.Now.
	Now func() time.Time

	mu    sync.Mutex
	until map[string]time.Time
}

// ErrNonceCacheFull is the error of MemoryNonceCache.Use when it holds Max nonces that have not
// expired.
var ErrNonceCacheFull = errors.New("wsse: the nonce cache is full")

// Use implements NonceCache.
func (c *MemoryNonceCache) Use(_ context.Context, nonce string, ttl time.Duration) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	at := now()
	if c.until == nil {
		c.until = map[string]time.Time{}
	}
	if until, ok := c.until[nonce]; ok && at.Before(until) {
		return false, nil
	}
	max := c.Max
	if max <= 0 {
		max = 100_000
	}
	if len(c.until) >= max {
		for n, until := range c.until {
			if !at.Before(until) {
				delete(c.until, n)
			}
		}
		if len(c.until) >= max {
			return false, ErrNonceCacheFull
		}
	}
	c.until[nonce] = at.Add(ttl)
	return true, nil
}
