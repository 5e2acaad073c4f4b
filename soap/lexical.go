package soap

// This file holds the parse and format functions for the XSD built-in
// simple types that map onto Go's basic types. The lexical rules follow
// XML Schema 1.0 Part 2 (Datatypes). Every type handled here has
// whiteSpace=collapse, so the parsers first trim leading and trailing XML
// whitespace (space, tab, newline, carriage return).

import (
	"encoding/base64"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LexicalError reports text that is not in the lexical space of an XSD type.
//
// Every Parse function in this package returns a *LexicalError when it
// rejects its input; use errors.As to get at it.
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

// lexCollapse trims leading and trailing XML whitespace. For the types in
// this package (all atomic, whiteSpace=collapse) that is all collapsing
// does to a valid literal, since none of them may contain inner spaces.
func lexCollapse(s string) string {
	return strings.Trim(s, " \t\n\r")
}

// lexIsSpace reports whether c is XML whitespace.
func lexIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// lexIsDigit reports whether c is an ASCII decimal digit.
func lexIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// lexDigits returns the length of the run of ASCII digits at the start of s.
func lexDigits(s string) int {
	i := 0
	for i < len(s) && lexIsDigit(s[i]) {
		i++
	}
	return i
}

// ParseBool parses an xs:boolean: "true", "false", "1" or "0" after
// whitespace collapse. Anything else (including "True" or "TRUE") is an
// error.
func ParseBool(s string) (bool, error) {
	switch lexCollapse(s) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, &LexicalError{Type: "xs:boolean", Text: s}
}

// FormatBool returns the canonical xs:boolean form of v: "true" or "false".
func FormatBool(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

// lexIsInteger reports whether s matches the xs:integer lexical form
// [+-]?[0-9]+.
func lexIsInteger(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return s != "" && lexDigits(s) == len(s)
}

// lexParseSigned parses s as a signed decimal integer that must fit in
// bits bits; typ names the XSD type in errors.
func lexParseSigned(s, typ string, bits int) (int64, error) {
	t := lexCollapse(s)
	if !lexIsInteger(t) {
		return 0, &LexicalError{Type: typ, Text: s}
	}
	// Base 10 only: no "0x" prefixes, no underscores. The lexical check
	// above already guarantees the syntax, so the only failure is range.
	v, err := strconv.ParseInt(t, 10, bits)
	if err != nil {
		return 0, &LexicalError{Type: typ, Text: s, Err: strconv.ErrRange}
	}
	return v, nil
}

// lexParseUnsigned parses s as an unsigned decimal integer that must fit in
// bits bits. As in xs:nonNegativeInteger, a '-' sign is allowed only on a
// literal denoting zero ("-0", "-000").
func lexParseUnsigned(s, typ string, bits int) (uint64, error) {
	t := lexCollapse(s)
	if !lexIsInteger(t) {
		return 0, &LexicalError{Type: typ, Text: s}
	}
	switch t[0] {
	case '-':
		if strings.Trim(t[1:], "0") != "" {
			return 0, &LexicalError{Type: typ, Text: s, Err: strconv.ErrRange}
		}
		return 0, nil
	case '+':
		t = t[1:] // strconv.ParseUint takes no sign
	}
	v, err := strconv.ParseUint(t, 10, bits)
	if err != nil {
		return 0, &LexicalError{Type: typ, Text: s, Err: strconv.ErrRange}
	}
	return v, nil
}

// ParseInt8 parses an xs:byte: an optional '+' or '-' sign followed by
// decimal digits (leading zeros allowed), in the range -128..127. A value
// outside the range is a *LexicalError wrapping strconv.ErrRange.
func ParseInt8(s string) (int8, error) {
	v, err := lexParseSigned(s, "xs:byte", 8)
	return int8(v), err
}

// ParseInt16 parses an xs:short (see ParseInt8 for the syntax), in the
// range -32768..32767.
func ParseInt16(s string) (int16, error) {
	v, err := lexParseSigned(s, "xs:short", 16)
	return int16(v), err
}

// ParseInt32 parses an xs:int (see ParseInt8 for the syntax), in the range
// of int32.
func ParseInt32(s string) (int32, error) {
	v, err := lexParseSigned(s, "xs:int", 32)
	return int32(v), err
}

// ParseInt64 parses an xs:long (see ParseInt8 for the syntax), in the range
// of int64. It is also used for xs:integer and its signed subtypes
// (xs:nonPositiveInteger, xs:negativeInteger) whose values fit in an int64;
// errors name the type as "xs:long".
func ParseInt64(s string) (int64, error) {
	return lexParseSigned(s, "xs:long", 64)
}

// ParseUint8 parses an xs:unsignedByte: an optional '+' sign followed by
// decimal digits (leading zeros allowed), in the range 0..255. As for
// xs:nonNegativeInteger, "-0" is accepted as zero; any other negative value
// is a *LexicalError wrapping strconv.ErrRange.
func ParseUint8(s string) (uint8, error) {
	v, err := lexParseUnsigned(s, "xs:unsignedByte", 8)
	return uint8(v), err
}

// ParseUint16 parses an xs:unsignedShort (see ParseUint8 for the syntax),
// in the range 0..65535.
func ParseUint16(s string) (uint16, error) {
	v, err := lexParseUnsigned(s, "xs:unsignedShort", 16)
	return uint16(v), err
}

// ParseUint32 parses an xs:unsignedInt (see ParseUint8 for the syntax), in
// the range of uint32.
func ParseUint32(s string) (uint32, error) {
	v, err := lexParseUnsigned(s, "xs:unsignedInt", 32)
	return uint32(v), err
}

// ParseUint64 parses an xs:unsignedLong (see ParseUint8 for the syntax), in
// the range of uint64. It is also used for xs:nonNegativeInteger and
// xs:positiveInteger values that fit in a uint64 (it does not reject 0 for
// xs:positiveInteger); errors name the type as "xs:unsignedLong".
func ParseUint64(s string) (uint64, error) {
	return lexParseUnsigned(s, "xs:unsignedLong", 64)
}

// FormatInt returns the canonical decimal form of v, e.g. "-42".
func FormatInt(v int64) string { return strconv.FormatInt(v, 10) }

// FormatUint returns the canonical decimal form of v, e.g. "42".
func FormatUint(v uint64) string { return strconv.FormatUint(v, 10) }

// lexIsFloat reports whether s matches the finite xs:float/xs:double
// lexical form: an optional sign, a mantissa of digits with an optional
// '.' and fraction (at least one digit in all: "5", "5.", ".5", "5.5"), and
// an optional exponent [eE][+-]?[0-9]+. It does not match the specials.
func lexIsFloat(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	n := lexDigits(s)
	s = s[n:]
	if s != "" && s[0] == '.' {
		f := lexDigits(s[1:])
		n += f
		s = s[1+f:]
	}
	if n == 0 {
		return false
	}
	if s == "" {
		return true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return false
	}
	s = s[1:]
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return s != "" && lexDigits(s) == len(s)
}

// lexParseFloat parses an xs:float (bits 32) or xs:double (bits 64).
func lexParseFloat(s, typ string, bits int) (float64, error) {
	t := lexCollapse(s)
	switch t {
	case "INF", "+INF":
		return math.Inf(1), nil
	case "-INF":
		return math.Inf(-1), nil
	case "NaN":
		return math.NaN(), nil
	}
	// The check keeps out what strconv accepts but XSD does not: "Inf",
	// "infinity", "nan", hexadecimal mantissas and underscores.
	if !lexIsFloat(t) {
		return 0, &LexicalError{Type: typ, Text: s}
	}
	v, err := strconv.ParseFloat(t, bits)
	if err != nil {
		// The syntax is already checked, so this is a magnitude too
		// large for the type.
		return 0, &LexicalError{Type: typ, Text: s, Err: strconv.ErrRange}
	}
	return v, nil
}

// ParseFloat32 parses an xs:float: an optional sign, digits with an optional
// fraction ("5", "5.", ".5", "5.25"), an optional exponent ("1e-3",
// "1.5E+10"), or one of "INF", "+INF", "-INF", "NaN" ("+INF" is XSD 1.1
// syntax, accepted here). Spellings that strconv accepts but XSD does not
// ("Inf", "inf", "Infinity", "nan", "0x1p-2", "1_000") are errors. The
// value is rounded to the nearest float32; a magnitude beyond the float32
// range is a *LexicalError wrapping strconv.ErrRange (values too small
// round to zero).
func ParseFloat32(s string) (float32, error) {
	v, err := lexParseFloat(s, "xs:float", 32)
	return float32(v), err
}

// ParseFloat64 parses an xs:double; the syntax is that of ParseFloat32.
// The value is rounded to the nearest float64; a magnitude beyond the
// float64 range is a *LexicalError wrapping strconv.ErrRange.
func ParseFloat64(s string) (float64, error) {
	return lexParseFloat(s, "xs:double", 64)
}

// lexFormatFloat formats v for xs:float (bits 32) or xs:double (bits 64).
func lexFormatFloat(v float64, bits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "INF"
	case math.IsInf(v, -1):
		return "-INF"
	}
	// 'G' with the shortest precision gives forms such as "0.1", "100",
	// "1E+21", "1E-05", "-0" and "4.9406564584124654E-324", all of which
	// are valid XSD literals that parse back to exactly v.
	return strconv.FormatFloat(v, 'G', -1, bits)
}

// FormatFloat32 returns an xs:float literal for v: "NaN", "INF", "-INF",
// or the shortest decimal that parses back to v (strconv 'G' format, e.g.
// "0.1", "1E+21", "-0").
func FormatFloat32(v float32) string { return lexFormatFloat(float64(v), 32) }

// FormatFloat64 returns an xs:double literal for v: "NaN", "INF", "-INF",
// or the shortest decimal that parses back to v (strconv 'G' format, e.g.
// "0.1", "1E+21", "-0").
func FormatFloat64(v float64) string { return lexFormatFloat(v, 64) }

// ParseBase64 parses an xs:base64Binary. XML whitespace anywhere in s is
// ignored (servers commonly wrap base64 at 76 columns); the rest must be
// standard base64 (RFC 4648 alphabet with '+' and '/') with '=' padding.
// As a leniency, the unused bits of the last quantum are not checked. The
// empty string yields an empty, non-nil slice.
func ParseBase64(s string) ([]byte, error) {
	t := s
	if strings.ContainsAny(t, " \t\n\r") {
		t = strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf && lexIsSpace(byte(r)) {
				return -1
			}
			return r
		}, t)
	}
	b, err := base64.StdEncoding.DecodeString(t)
	if err != nil {
		return nil, &LexicalError{Type: "xs:base64Binary", Text: s, Err: err}
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}

// FormatBase64 returns the standard base64 encoding of b (with padding, no
// line breaks).
func FormatBase64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// ParseHex parses an xs:hexBinary: pairs of hexadecimal digits in either
// case, after whitespace collapse. The empty string yields an empty,
// non-nil slice.
func ParseHex(s string) ([]byte, error) {
	b, err := hex.DecodeString(lexCollapse(s))
	if err != nil {
		return nil, &LexicalError{Type: "xs:hexBinary", Text: s, Err: err}
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}

// FormatHex returns the canonical (upper-case) xs:hexBinary form of b.
func FormatHex(b []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i] = digits[c>>4]
		out[2*i+1] = digits[c&0x0f]
	}
	return string(out)
}
