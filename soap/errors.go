package soap

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrResponseTooLarge is wrapped by the error Client.Do returns when a reply is longer than the
// client's MaxResponseSize.
var ErrResponseTooLarge = errors.New("soap: response too large")

// tooLargeError reports a reply over the size limit; it wraps ErrResponseTooLarge.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return "response too large: more than " + strconv.FormatInt(e.limit, 10) + " bytes (MaxResponseSize)"
}

func (e *tooLargeError) Unwrap() error { return ErrResponseTooLarge }

// prefixedError is err with a prefix for context, such as "soap: <operation>: " for the errors Client.Do
// returns. A "soap: " prefix of err's own message is dropped, so that it is not repeated.
type prefixedError struct {
	prefix string
	err    error
}

func (e *prefixedError) Error() string {
	return errorText(e.prefix + strings.TrimPrefix(e.err.Error(), "soap: "))
}

func (e *prefixedError) Unwrap() error { return e.err }

// maxExcerpt is the most bytes HTTPError.Excerpt holds.
const maxExcerpt = 512

// HTTPError is a reply that cannot be used: one that is not a SOAP envelope (an HTML login page, a
// proxy's error page, an empty body on a request-response operation) or a non-2xx reply whose envelope
// holds no fault.
type HTTPError struct {
	// StatusCode is the HTTP status code, e.g. 502.
	StatusCode int
	// Status is the status line's code and text, e.g. "502 Bad Gateway".
	Status string
	// ContentType is the reply's Content-Type header.
	ContentType string
	// Excerpt is the beginning of the body: at most 512 bytes, valid UTF-8 (cut at a rune boundary),
	// line ends normalised to \n, control characters other than \n and \t and invalid bytes replaced
	// by U+FFFD. HTML is left as it is.
	Excerpt string
	// Reason says why the reply is unusable: "not XML", "not a SOAP envelope", "empty body" or
	// "HTTP status" (a non-2xx status with an envelope that holds no fault).
	Reason string
	// URL is the URL the reply came from when redirects were followed (the request's URL then differs
	// from the endpoint); it is empty otherwise.
	URL string
	// Err is the XML error behind Reason "not XML", if any.
	Err error
}

// Error returns a one-line description: status, content type, reason and the start of the excerpt.
func (e *HTTPError) Error() string {
	var b strings.Builder
	b.WriteString("HTTP ")
	switch {
	case e.Status != "":
		b.WriteString(e.Status)
	default:
		b.WriteString(strconv.Itoa(e.StatusCode))
		if t := http.StatusText(e.StatusCode); t != "" {
			b.WriteString(" " + t)
		}
	}
	if e.ContentType != "" {
		b.WriteString(" (" + e.ContentType + ")")
	}
	if e.URL != "" {
		b.WriteString(" after redirect to " + e.URL)
	}
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	if e.Err != nil {
		b.WriteString(" (" + strings.TrimPrefix(e.Err.Error(), "soap: ") + ")")
	}
	if s := strings.Join(strings.Fields(e.Excerpt), " "); s != "" {
		const max = 160
		if len(s) > max {
			i := max
			for i > 0 && !utf8.RuneStart(s[i]) {
				i--
			}
			s = s[:i] + "..."
		}
		b.WriteString(": " + strconv.Quote(s))
	}
	return errorText(b.String())
}

// Unwrap returns Err.
func (e *HTTPError) Unwrap() error { return e.Err }

// excerpt returns the beginning of body as HTTPError.Excerpt describes it.
func excerpt(body []byte) string {
	body = body[:min(len(body), 4*maxExcerpt)] // enough: each byte gives at most one rune
	if len(body) >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF {
		body = body[3:] // byte order mark
	}
	out := make([]byte, 0, min(len(body), maxExcerpt))
	for len(body) > 0 {
		r, n := utf8.DecodeRune(body)
		switch {
		case r == utf8.RuneError && n <= 1:
			r = unicode.ReplacementChar
		case r == '\r':
			r = '\n'
			if len(body) > 1 && body[1] == '\n' {
				n = 2
			}
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			r = unicode.ReplacementChar
		}
		if len(out)+utf8.RuneLen(r) > maxExcerpt {
			break
		}
		out = utf8.AppendRune(out, r)
		body = body[n:]
	}
	return string(out)
}

// maxErrorText is the most bytes the message of an error of this package holds, "..." included.
const maxErrorText = 1024

// ErrorField is one field of a server's error description, shown by ErrorText.
type ErrorField struct {
	Name, Value string
}

// ErrorText returns the message of a generated error type describing a failure that a reply's header
// blocks report (its Error method): name, then each field with a non-empty value as Name="value",
// then, when inner is not nil, ": " and inner's message. The values come from the server, so each is
// quoted with Go escapes (a line break or control character it holds cannot start a forged line of a
// log), and the message is cut, at a character boundary and marked "...", to at most 1024 bytes, as
// every error message of this package is.
func ErrorText(name string, fields []ErrorField, inner error) string {
	var b strings.Builder
	b.WriteString(name)
	sep := ": "
	for _, f := range fields {
		if f.Value == "" {
			continue
		}
		b.WriteString(sep)
		sep = " "
		b.WriteString(f.Name)
		b.WriteByte('=')
		b.WriteString(strconv.Quote(f.Value))
		if b.Len() > maxErrorText {
			break
		}
	}
	if inner != nil && b.Len() <= maxErrorText {
		b.WriteString(": ")
		b.WriteString(inner.Error())
	}
	return errorText(b.String())
}

// errorText returns msg as the errors of this package show it, the one rule for all of them
// (Fault, HTTPError, DecodeError, ErrorText, and the errors Client.Do returns): on one line, every
// control character (line breaks and tabs included), invalid UTF-8 byte, Unicode line or paragraph
// separator and bidirectional formatting character Go-escaped (\n, \x1b, \u202e), so that text
// from a server can neither start a forged line of a log nor reorder one; and cut, at a character
// boundary and marked "...", to at most 1024 bytes, so that a 25 MB faultstring does not make a 25
// MB message.
func errorText(msg string) string {
	if len(msg) <= maxErrorText && !needsEscape(msg) {
		return msg
	}
	const limit = maxErrorText - len("...")
	var b strings.Builder
	b.Grow(min(len(msg), maxErrorText+8))
	cut := 0 // the length of b at the last character boundary within limit
	for i := 0; i < len(msg); {
		r, n := utf8.DecodeRuneInString(msg[i:])
		piece := msg[i : i+n]
		switch {
		case r == utf8.RuneError && n == 1:
			piece = `\x` + strconv.FormatUint(uint64(msg[i])|0x100, 16)[1:]
		case escapedRune(r):
			q := strconv.QuoteRuneToASCII(r)
			piece = q[1 : len(q)-1]
		}
		if b.Len() <= limit {
			cut = b.Len()
		}
		if b.Len()+len(piece) > maxErrorText {
			return b.String()[:cut] + "..."
		}
		b.WriteString(piece)
		i += n
	}
	return b.String()
}

// shortenMiddle returns s when it has at most max bytes, else its beginning and end, cut at
// character boundaries, joined by "...", in at most max bytes.
func shortenMiddle(s string, max int) string {
	if len(s) <= max {
		return s
	}
	head := (max - len("...")) / 4
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	tail := len(s) - (max - len("...") - head)
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + "..." + s[tail:]
}

// needsEscape reports whether s holds a character errorText escapes.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		} else if c >= 0x80 {
			for _, r := range s[i:] {
				if r == utf8.RuneError || escapedRune(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// escapedRune reports whether errorText escapes r: a control character, a line or paragraph
// separator, or a bidirectional formatting character (which can make a log line read otherwise
// than it is written).
func escapedRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == '\u061c', r == '\u200e', r == '\u200f',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
