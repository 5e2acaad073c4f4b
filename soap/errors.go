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
	return e.prefix + strings.TrimPrefix(e.err.Error(), "soap: ")
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
	return b.String()
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

// maxErrorText is the most bytes ErrorText returns, "..." included.
const maxErrorText = 1024

// ErrorField is one field of a server's error description, shown by ErrorText.
type ErrorField struct {
	Name, Value string
}

// ErrorText returns the message of a generated error type describing a failure that a reply's header
// blocks report (its Error method): name, then each field with a non-empty value as Name="value",
// then, when inner is not nil, ": " and inner's message. The values come from the server, so each is
// quoted with Go escapes (a line break or control character it holds cannot start a forged line of a
// log), and the message is cut, at a character boundary and marked "...", to at most 1024 bytes.
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
	s := b.String()
	if len(s) <= maxErrorText {
		return s
	}
	i := maxErrorText - len("...")
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
