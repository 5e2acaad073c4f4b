package soapimpl

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

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
