package soapimpl

import (
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/soap/internal/errtext"
)

// maxErrorText is the most bytes the message of an error of this package holds, "..." included.
const maxErrorText = errtext.Max

// errorText returns msg as the errors of packages soap and soapimpl show it, the one rule for all of
// them (soap.Fault, soap.HTTPError, soap.DecodeError, ErrorText, and the errors Invoke returns): on
// one line, every control character, invalid UTF-8 byte, line or paragraph separator and
// bidirectional formatting character Go-escaped, and cut to at most 1024 bytes.
func errorText(msg string) string { return errtext.Text(msg) }

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
