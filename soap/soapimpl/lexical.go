package soapimpl

// This file holds the parse and append functions for the XSD built-in simple types that map onto
// Go's basic types. The lexical rules follow XML Schema 1.0 Part 2 (Datatypes). Every type handled
// here has whiteSpace=collapse, so the parsers first trim leading and trailing XML whitespace (space,
// tab, newline, carriage return). The parsers take the text as a string or as the bytes the reader
// decoded in place, and allocate nothing on success.

import (
	"encoding/base64"
	"encoding/hex"
	"math"
	"strconv"

	"github.com/sogen-go/sogen/soap"
)

type text interface{ ~string | ~[]byte }

func lexErr[S text](typ string, s S, cause error) *soap.LexicalError {
	return &soap.LexicalError{Type: typ, Text: string(s), Err: cause}
}

func lexIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func lexIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// lexTrim trims leading and trailing XML whitespace. For the types in this file (all atomic,
// whiteSpace=collapse) that is all collapsing does to a valid literal, since none of them may
// contain inner spaces.
func lexTrim[S text](s S) S {
	i, j := 0, len(s)
	for i < j && lexIsSpace(s[i]) {
		i++
	}
	for j > i && lexIsSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

func lexEqual[S text](s S, lit string) bool { return string(s) == lit }

// parseBool parses an xs:boolean: "true", "false", "1" or "0" after whitespace collapse. Anything
// else (including "True" or "TRUE") is an error.
func parseBool[S text](s S) (bool, error) {
	switch t := lexTrim(s); {
	case lexEqual(t, "true"), lexEqual(t, "1"):
		return true, nil
	case lexEqual(t, "false"), lexEqual(t, "0"):
		return false, nil
	}
	return false, lexErr("xs:boolean", s, nil)
}

// appendBool appends the canonical xs:boolean form of v: "true" or "false".
func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// parseDigits parses the decimal digits of s (no sign) into a uint64, reporting false on a
// character that is not a digit, on no digits at all, and on overflow.
func parseDigits[S text](s S) (uint64, bool) {
	if len(s) == 0 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !lexIsDigit(c) {
			return 0, false
		}
		if n > (math.MaxUint64-9)/10 {
			// Close to overflowing: finish carefully.
			d := uint64(c - '0')
			if n > (math.MaxUint64-d)/10 {
				return 0, false
			}
			n = n*10 + d
			continue
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// isInteger reports whether s matches [+-]?[0-9]+.
func isInteger[S text](s S) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !lexIsDigit(s[i]) {
			return false
		}
	}
	return true
}

// parseSigned parses s as a signed decimal integer that must fit in bits bits; typ names the XSD type
// in errors.
func parseSigned[S text](s S, typ string, bits int) (int64, error) {
	t := lexTrim(s)
	if !isInteger(t) {
		return 0, lexErr(typ, s, nil)
	}
	neg := false
	switch t[0] {
	case '-':
		neg = true
		t = t[1:]
	case '+':
		t = t[1:]
	}
	u, ok := parseDigits(t)
	limit := uint64(1) << (bits - 1) // the magnitude of the most negative value
	if !ok || u > limit || !neg && u == limit {
		return 0, lexErr(typ, s, strconv.ErrRange)
	}
	if neg {
		return -int64(u-1) - 1, nil
	}
	return int64(u), nil
}

// parseUnsigned parses s as an unsigned decimal integer that must fit in bits bits. As in
// xs:nonNegativeInteger, a '-' sign is allowed only on a literal denoting zero ("-0", "-000").
func parseUnsigned[S text](s S, typ string, bits int) (uint64, error) {
	t := lexTrim(s)
	if !isInteger(t) {
		return 0, lexErr(typ, s, nil)
	}
	switch t[0] {
	case '-':
		for i := 1; i < len(t); i++ {
			if t[i] != '0' {
				return 0, lexErr(typ, s, strconv.ErrRange)
			}
		}
		return 0, nil
	case '+':
		t = t[1:]
	}
	u, ok := parseDigits(t)
	if !ok || bits < 64 && u >= 1<<bits {
		return 0, lexErr(typ, s, strconv.ErrRange)
	}
	return u, nil
}

// parseInt8 parses an xs:byte: an optional '+' or '-' sign followed by decimal digits (leading zeros
// allowed), in the range -128..127. A value outside the range is a *soap.LexicalError wrapping
// strconv.ErrRange.
func parseInt8[S text](s S) (int8, error) {
	v, err := parseSigned(s, "xs:byte", 8)
	return int8(v), err
}

// parseInt16 parses an xs:short (see parseInt8 for the syntax).
func parseInt16[S text](s S) (int16, error) {
	v, err := parseSigned(s, "xs:short", 16)
	return int16(v), err
}

// parseInt32 parses an xs:int (see parseInt8 for the syntax).
func parseInt32[S text](s S) (int32, error) {
	v, err := parseSigned(s, "xs:int", 32)
	return int32(v), err
}

// parseInt64 parses an xs:long (see parseInt8 for the syntax). It is also used for xs:integer and its
// signed subtypes whose values fit in an int64; errors name the type as "xs:long".
func parseInt64[S text](s S) (int64, error) { return parseSigned(s, "xs:long", 64) }

// parseUint8 parses an xs:unsignedByte: an optional '+' sign followed by decimal digits, in the range
// 0..255. As for xs:nonNegativeInteger, "-0" is accepted as zero; any other negative value is a
// *soap.LexicalError wrapping strconv.ErrRange.
func parseUint8[S text](s S) (uint8, error) {
	v, err := parseUnsigned(s, "xs:unsignedByte", 8)
	return uint8(v), err
}

// parseUint16 parses an xs:unsignedShort (see parseUint8 for the syntax).
func parseUint16[S text](s S) (uint16, error) {
	v, err := parseUnsigned(s, "xs:unsignedShort", 16)
	return uint16(v), err
}

// parseUint32 parses an xs:unsignedInt (see parseUint8 for the syntax).
func parseUint32[S text](s S) (uint32, error) {
	v, err := parseUnsigned(s, "xs:unsignedInt", 32)
	return uint32(v), err
}

// parseUint64 parses an xs:unsignedLong (see parseUint8 for the syntax). It is also used for
// xs:nonNegativeInteger and xs:positiveInteger values that fit in a uint64; errors name the type as
// "xs:unsignedLong".
func parseUint64[S text](s S) (uint64, error) { return parseUnsigned(s, "xs:unsignedLong", 64) }

// isFloat reports whether s matches the finite xs:float/xs:double lexical form: an optional sign, a
// mantissa of digits with an optional '.' and fraction (at least one digit in all: "5", "5.", ".5",
// "5.5"), and an optional exponent [eE][+-]?[0-9]+. It does not match the specials.
func isFloat[S text](s S) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	n := 0
	for i < len(s) && lexIsDigit(s[i]) {
		i, n = i+1, n+1
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && lexIsDigit(s[i]) {
			i, n = i+1, n+1
		}
	}
	if n == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if !lexIsDigit(s[i]) {
			return false
		}
	}
	return true
}

// parseFloat parses an xs:float (bits 32) or xs:double (bits 64).
func parseFloat[S text](s S, typ string, bits int) (float64, error) {
	t := lexTrim(s)
	switch {
	case lexEqual(t, "INF"), lexEqual(t, "+INF"):
		return math.Inf(1), nil
	case lexEqual(t, "-INF"):
		return math.Inf(-1), nil
	case lexEqual(t, "NaN"):
		return math.NaN(), nil
	}
	// The check keeps out what strconv accepts but XSD does not: "Inf", "infinity", "nan",
	// hexadecimal mantissas and underscores.
	if !isFloat(t) {
		return 0, lexErr(typ, s, nil)
	}
	v, err := strconv.ParseFloat(string(t), bits)
	if err != nil {
		// The syntax is already checked, so this is a magnitude too large for the type.
		return 0, lexErr(typ, s, strconv.ErrRange)
	}
	return v, nil
}

// parseFloat32 parses an xs:float: an optional sign, digits with an optional fraction, an optional
// exponent, or one of "INF", "+INF", "-INF", "NaN". Spellings that strconv accepts but XSD does not
// ("Inf", "nan", "0x1p-2", "1_000") are errors; a magnitude beyond the float32 range is a
// *soap.LexicalError wrapping strconv.ErrRange.
func parseFloat32[S text](s S) (float32, error) {
	v, err := parseFloat(s, "xs:float", 32)
	return float32(v), err
}

// parseFloat64 parses an xs:double; the syntax is that of parseFloat32.
func parseFloat64[S text](s S) (float64, error) { return parseFloat(s, "xs:double", 64) }

// appendFloat appends an xs:float (bits 32) or xs:double (bits 64) literal for v: "NaN", "INF",
// "-INF", or the shortest decimal that parses back to v (strconv 'G' format, e.g. "0.1", "1E+21",
// "-0").
func appendFloat(b []byte, v float64, bits int) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, "NaN"...)
	case math.IsInf(v, 1):
		return append(b, "INF"...)
	case math.IsInf(v, -1):
		return append(b, "-INF"...)
	}
	return strconv.AppendFloat(b, v, 'G', -1, bits)
}

// parseBase64 parses an xs:base64Binary. XML whitespace anywhere in s is ignored (servers commonly
// wrap base64 at 76 columns); the rest must be standard base64 with '=' padding. The empty string
// yields an empty, non-nil slice.
func parseBase64[S text](s S) ([]byte, error) {
	src := append([]byte(nil), s...) // compacted below: never the caller's bytes
	n := 0
	for _, c := range src {
		if !lexIsSpace(c) {
			src[n] = c
			n++
		}
	}
	src = src[:n]
	out := make([]byte, base64.StdEncoding.DecodedLen(len(src)))
	m, err := base64.StdEncoding.Decode(out, src)
	if err != nil {
		return nil, lexErr("xs:base64Binary", s, err)
	}
	return out[:m:m], nil
}

// parseHex parses an xs:hexBinary: pairs of hexadecimal digits in either case, after whitespace
// collapse. The empty string yields an empty, non-nil slice.
func parseHex[S text](s S) ([]byte, error) {
	t := lexTrim(s)
	out := make([]byte, len(t)/2)
	if _, err := hex.Decode(out, []byte(t)); err != nil || len(t)%2 != 0 {
		if err == nil {
			err = hex.ErrLength
		}
		return nil, lexErr("xs:hexBinary", s, err)
	}
	return out, nil
}

// appendHex appends the canonical (upper-case) xs:hexBinary form of v.
func appendHex(b []byte, v []byte) []byte {
	const digits = "0123456789ABCDEF"
	for _, c := range v {
		b = append(b, digits[c>>4], digits[c&0x0f])
	}
	return b
}
