package soap

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sogen-go/sogen/soap/internal/errtext"
)

// ErrResponseTooLarge is wrapped by the error a call returns when a reply is longer than the
// client's MaxResponseSize.
var ErrResponseTooLarge = errors.New("soap: response too large")

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

// DecodeError is an error met while decoding, with the position where it happened.
type DecodeError struct {
	// Path is the slash-separated local names of the elements open at the error.
	Path string
	// Line and Column locate the error in the input (1-based).
	Line, Column int
	// Err is the underlying error.
	Err error
}

// Error returns "soap: decode: <path> (line L, column C): <error>", on one line and cut to 1024 bytes;
// a path longer than 256 bytes is shown by its two ends.
func (e *DecodeError) Error() string {
	if e.Path == "" {
		return errorText(fmt.Sprintf("soap: decode: line %d, column %d: %v", e.Line, e.Column, e.Err))
	}
	return errorText(fmt.Sprintf("soap: decode: %s (line %d, column %d): %v", errtext.ShortenMiddle(e.Path, 256), e.Line, e.Column, e.Err))
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// errorText returns msg as every error message of this package and of the generated code's runtime
// is shown: on one line, control characters, invalid UTF-8, line separators and bidirectional
// formatting characters Go-escaped, cut to at most 1024 bytes.
func errorText(msg string) string { return errtext.Text(msg) }

// ResponseChecker is implemented by a generated response header struct whose header blocks report whether the call
// succeeded: sogen generates CheckResponse for the response header structs of the APIs that report
// failure in a reply's headers (SuperOffice's Succeeded and ExceptionInfo, for instance; see the
// README's reply-header status contract), and a hand-written file may add it to another. After a reply
// without fault, the call calls CheckResponse and returns its error: when the body was decoded, as an
// error for which ResultDecoded reports true; when the body could not be used, the failure it reports
// takes precedence over the body's error, which its message keeps.
type ResponseChecker interface {
	// CheckResponse returns the failure the decoded headers report, or nil.
	CheckResponse() error
}

// checkedError is the failure a ResponseChecker reported for a reply whose body was decoded into
// the result without error (see ResultDecoded).
type checkedError struct{ err error }

func (e *checkedError) Error() string { return e.err.Error() }

func (e *checkedError) Unwrap() error { return e.err }

// ResultDecoded reports whether err, returned by a generated client's method, is the failure the reply's header blocks
// report (ResponseChecker) for a reply whose body was decoded into the result without error. The
// result then holds what the reply carried: the methods return it together with err. For any
// other error, and for nil, it reports false.
func ResultDecoded(err error) bool {
	var c *checkedError
	return errors.As(err, &c)
}

// LexicalError reports text that is not in the lexical space of an XSD type.
//
// ParseDateTime, ParseDate, ParseTimeOfDay, ParseDuration and ParseDecimal return a *LexicalError
// when they reject their input, and a DecodeError wraps one for a value a reply holds that is not of
// its type; use errors.As to get at it.
type LexicalError struct {
	// Type is the XSD type the text was checked against, e.g. "xs:int".
	Type string
	// Text is the offending text, exactly as it was given (not collapsed,
	// not shortened; Error shortens it).
	Text string
	// Err is an optional cause, e.g. strconv.ErrRange for a well-formed
	// number outside the range of the type. It may be nil.
	Err error
}

// lexMaxErrText is the maximum number of bytes of the offending text that
// an error message quotes.
const lexMaxErrText = 64

// Error returns a message of the form
//
//	soap: "12a" is not a valid xs:int
//
// followed by ": " and the cause when Err is not nil. Text longer than 64
// bytes is cut (at a UTF-8 boundary) and marked with "...".
func (e *LexicalError) Error() string {
	var b strings.Builder
	b.WriteString("soap: ")
	b.WriteString(lexQuote(e.Text))
	b.WriteString(" is not a valid ")
	b.WriteString(e.Type)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause, which may be nil.
func (e *LexicalError) Unwrap() error { return e.Err }

// lexQuote quotes s with strconv.Quote (as %q does), after cutting it to at
// most lexMaxErrText bytes; a cut string is followed by "...".
func lexQuote(s string) string {
	if len(s) <= lexMaxErrText {
		return strconv.Quote(s)
	}
	n := lexMaxErrText
	// Do not split a multi-byte UTF-8 sequence (which would be quoted as
	// \x escapes); back up at most UTFMax-1 bytes.
	for i := 0; i < utf8.UTFMax-1 && n > 0 && !utf8.RuneStart(s[n]); i++ {
		n--
	}
	return strconv.Quote(s[:n]) + "..."
}
