package soap

// This file holds what the value types of the XSD date/time built-ins (and xs:decimal) share: they
// keep the text they were decoded from, so that a value received from a server is sent back byte for
// byte, while still converting to and from Go's time and number types. Each type is in its own file
// (datetime.go, date.go, timeofday.go, duration.go, decimal.go).
//
// The lexical rules follow XML Schema 1.0 Part 2 (Datatypes), sections
// 3.2.3 (decimal), 3.2.6 (duration), 3.2.7 (dateTime), 3.2.8 (time) and
// 3.2.9 (date). Where this code is more lenient than XSD 1.0 the doc
// comment says so.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Causes reported in LexicalError.Err by the date/time parsers.
var (
	errDTYear   = errors.New("invalid year")
	errDTMonth  = errors.New("month out of range")
	errDTDay    = errors.New("day out of range for month")
	errDTHour   = errors.New("hour out of range")
	errDTMinute = errors.New("minute out of range")
	errDTSecond = errors.New("second out of range")
	errDT24     = errors.New("hour 24 is only allowed as 24:00:00")
	errDTZone   = errors.New("time zone out of range")
	// errDTSyntax marks text that does not have the expected shape; it is
	// not shown to users (LexicalError.Err is left nil).
	errDTSyntax = errors.New("syntax")
)

// dtLexErr builds the *LexicalError for a date/time parse failure.
func dtLexErr(typ, text string, cause error) *LexicalError {
	if cause == errDTSyntax {
		cause = nil
	}
	return &LexicalError{Type: typ, Text: text, Err: cause}
}

// dtConvErr reports a lexically valid value that cannot be represented as
// the Go type target. It is deliberately not a *LexicalError.
func dtConvErr(typ, text, target string, cause error) error {
	return fmt.Errorf("soap: %s %s cannot be represented as %s: %w", typ, lexQuote(text), target, cause)
}

// dtFields holds the fields of a parsed date, time or dateTime literal.
type dtFields struct {
	neg     bool  // the year has a leading '-'
	year    int64 // the magnitude of the year; valid unless bigYear
	bigYear bool  // the year has more digits than fit in year

	month, day           int
	hour, minute, second int
	frac                 string // fractional second digits, without '.'

	zone   bool // a zone suffix is present
	offset int  // zone offset in minutes east of UTC
	utc    bool // the zone is "Z"
}

// dt2 parses exactly two digits at the start of s.
func dt2(s string) (int, bool) {
	if len(s) < 2 || !lexIsDigit(s[0]) || !lexIsDigit(s[1]) {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// dtParseDate parses '-'? yyyy '-' mm '-' dd at the start of s and returns
// the rest.
func dtParseDate(s string, f *dtFields) (string, error) {
	if s != "" && s[0] == '-' {
		f.neg = true
		s = s[1:]
	}
	n := lexDigits(s)
	if n < 4 {
		return "", errDTSyntax
	}
	y := s[:n]
	if n > 4 && y[0] == '0' {
		return "", errDTYear // more than four digits: no leading zeros
	}
	if y == "0000" {
		return "", errDTYear // XSD 1.0 has no year zero
	}
	if n <= 18 {
		f.year, _ = strconv.ParseInt(y, 10, 64)
	} else {
		f.bigYear = true
	}
	// y mod 400 (and hence mod 100 and mod 4) is fixed by the last four
	// digits, since 400 divides 10000.
	last4, _ := strconv.Atoi(y[n-4:])
	s = s[n:]

	if len(s) < 6 || s[0] != '-' || s[3] != '-' {
		return "", errDTSyntax
	}
	m, ok1 := dt2(s[1:])
	d, ok2 := dt2(s[4:])
	if !ok1 || !ok2 {
		return "", errDTSyntax
	}
	if m < 1 || m > 12 {
		return "", errDTMonth
	}
	// Negative years: XSD 1.0 and 1.1 disagree on which of them are leap
	// years, so February 29 is accepted in every negative year.
	leap := f.neg || (last4%4 == 0 && (last4%100 != 0 || last4%400 == 0))
	if d < 1 || d > dtDaysIn(m, leap) {
		return "", errDTDay
	}
	f.month, f.day = m, d
	return s[6:], nil
}

// dtDaysIn returns the number of days in month m.
func dtDaysIn(m int, leap bool) int {
	switch m {
	case 2:
		if leap {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dtParseClock parses hh ':' mm ':' ss ('.' s+)? at the start of s and
// returns the rest.
func dtParseClock(s string, f *dtFields) (string, error) {
	if len(s) < 8 || s[2] != ':' || s[5] != ':' {
		return "", errDTSyntax
	}
	h, ok1 := dt2(s)
	m, ok2 := dt2(s[3:])
	sec, ok3 := dt2(s[6:])
	if !ok1 || !ok2 || !ok3 {
		return "", errDTSyntax
	}
	s = s[8:]
	if s != "" && s[0] == '.' {
		n := lexDigits(s[1:])
		if n == 0 {
			return "", errDTSyntax
		}
		f.frac = s[1 : 1+n]
		s = s[1+n:]
	}
	switch {
	case h > 24:
		return "", errDTHour
	case m > 59:
		return "", errDTMinute
	case sec > 59:
		return "", errDTSecond
	case h == 24 && (m != 0 || sec != 0 || strings.Trim(f.frac, "0") != ""):
		return "", errDT24
	}
	f.hour, f.minute, f.second = h, m, sec
	return s, nil
}

// dtParseZone parses an optional zone, "Z" or ('+'|'-') hh ':' mm, that
// must make up all of s.
func dtParseZone(s string, f *dtFields) error {
	switch {
	case s == "":
		return nil
	case s == "Z":
		f.zone, f.utc = true, true
		return nil
	case len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':':
		return errDTSyntax
	}
	h, ok1 := dt2(s[1:])
	m, ok2 := dt2(s[4:])
	if !ok1 || !ok2 {
		return errDTSyntax
	}
	if h > 14 || m > 59 || (h == 14 && m != 0) {
		return errDTZone
	}
	f.zone = true
	f.offset = h*60 + m
	if s[0] == '-' {
		f.offset = -f.offset
	}
	return nil
}

// dtParseDateTime parses a collapsed xs:dateTime literal.
func dtParseDateTime(s string) (dtFields, error) {
	var f dtFields
	s, err := dtParseDate(s, &f)
	if err != nil {
		return f, err
	}
	if s == "" || s[0] != 'T' {
		return f, errDTSyntax
	}
	if s, err = dtParseClock(s[1:], &f); err != nil {
		return f, err
	}
	return f, dtParseZone(s, &f)
}

// dtParseDateOnly parses a collapsed xs:date literal.
func dtParseDateOnly(s string) (dtFields, error) {
	var f dtFields
	s, err := dtParseDate(s, &f)
	if err != nil {
		return f, err
	}
	return f, dtParseZone(s, &f)
}

// dtParseTimeOnly parses a collapsed xs:time literal.
func dtParseTimeOnly(s string) (dtFields, error) {
	var f dtFields
	s, err := dtParseClock(s, &f)
	if err != nil {
		return f, err
	}
	return f, dtParseZone(s, &f)
}

// dtMaxYear is the largest year Time converts; time.Time can hold more,
// but this keeps all arithmetic far from overflow.
const dtMaxYear = 999_999_999

// location returns the *time.Location for the zone: time.UTC for "Z" and
// for no zone, else a fixed zone (also for "+00:00", so that NewDateTime
// of the result writes "+00:00" again).
func (f *dtFields) location() *time.Location {
	if !f.zone || f.utc {
		return time.UTC
	}
	return time.FixedZone("", f.offset*60)
}

// nanos returns the fractional seconds in nanoseconds, truncating digits
// beyond the ninth.
func (f *dtFields) nanos() int {
	ns := 0
	for i := 0; i < 9; i++ {
		ns *= 10
		if i < len(f.frac) {
			ns += int(f.frac[i] - '0')
		}
	}
	return ns
}

// toTime converts the fields to a time.Time (with a zero clock for dates).
func (f *dtFields) toTime(typ, text string) (time.Time, error) {
	if f.neg {
		return time.Time{}, dtConvErr(typ, text, "time.Time", errors.New("negative (BCE) years are not supported"))
	}
	if f.bigYear || f.year > dtMaxYear {
		return time.Time{}, dtConvErr(typ, text, "time.Time", errors.New("year out of range"))
	}
	if f.hour == 24 {
		// End of day: the first instant of the next day.
		return time.Date(int(f.year), time.Month(f.month), f.day+1, 0, 0, 0, 0, f.location()), nil
	}
	return time.Date(int(f.year), time.Month(f.month), f.day, f.hour, f.minute, f.second, f.nanos(), f.location()), nil
}

// dtAppendYear appends the XSD year for Go year y: four digits at least,
// and for y <= 0 the XSD 1.0 form ('-0001' is 1 BCE, i.e. Go year 0).
func dtAppendYear(b []byte, y int) []byte {
	if y <= 0 {
		b = append(b, '-')
		y = 1 - y
	}
	return dtAppendPadded(b, y, 4)
}

// dtAppendPadded appends v (>= 0) in decimal, zero-padded to width digits.
func dtAppendPadded(b []byte, v, width int) []byte {
	var buf [20]byte
	s := strconv.AppendInt(buf[:0], int64(v), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// dtAppendClock appends hh:mm:ss and, if t has sub-second precision, '.'
// and at most seven fraction digits (100ns ticks, truncated, trailing zeros
// trimmed).
func dtAppendClock(b []byte, t time.Time) []byte {
	h, m, s := t.Clock()
	b = dtAppendPadded(b, h, 2)
	b = append(b, ':')
	b = dtAppendPadded(b, m, 2)
	b = append(b, ':')
	b = dtAppendPadded(b, s, 2)
	return dtAppendTicks(b, uint64(t.Nanosecond()/100))
}

// dtAppendTicks appends '.' and the 7-digit fraction for ticks (< 1e7) of
// 100ns with trailing zeros trimmed, or nothing if ticks is zero.
func dtAppendTicks(b []byte, ticks uint64) []byte {
	if ticks == 0 {
		return b
	}
	var buf [8]byte
	digits := dtAppendPadded(buf[:0], int(ticks), 7)
	b = append(b, '.')
	return append(b, strings.TrimRight(string(digits), "0")...)
}

// dtAppendDate appends the date of t as yyyy-mm-dd.
func dtAppendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	b = dtAppendYear(b, y)
	b = append(b, '-')
	b = dtAppendPadded(b, int(m), 2)
	b = append(b, '-')
	return dtAppendPadded(b, d, 2)
}

// dtZoned returns t adjusted for writing with a zone suffix, and the suffix:
// "Z" if t's location is time.UTC, else ±hh:mm. An offset that XSD cannot
// express (not a whole number of minutes, as in some historical local
// mean times, or beyond ±14:00) is written as the same instant in UTC.
func dtZoned(t time.Time) (time.Time, string) {
	if t.Location() == time.UTC {
		return t, "Z"
	}
	_, off := t.Zone()
	if off%60 != 0 || off > 14*3600 || off < -14*3600 {
		return t.UTC(), "Z"
	}
	sign := byte('+')
	if off < 0 {
		sign = '-'
		off = -off
	}
	b := []byte{sign}
	b = dtAppendPadded(b, off/3600, 2)
	b = append(b, ':')
	b = dtAppendPadded(b, off/60%60, 2)
	return t, string(b)
}

// dtCompareSet orders an unset value before a set one.
func dtCompareSet(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// dtCompareKeys is the shared total order: values whose key could be
// computed (ok) come first, ordered by cmpKey; then ties and the rest are
// ordered by lexical text, then unset before set.
func dtCompareKeys(okA, okB bool, cmpKey func() int, lexA, lexB string, setA, setB bool) int {
	switch {
	case okA && okB:
		if c := cmpKey(); c != 0 {
			return c
		}
	case okA:
		return -1
	case okB:
		return 1
	}
	if c := strings.Compare(lexA, lexB); c != 0 {
		return c
	}
	return dtCompareSet(setA, setB)
}

// lexCollapse trims leading and trailing XML whitespace. For the types in
// this package (all atomic, whiteSpace=collapse) that is all collapsing
// does to a valid literal, since none of them may contain inner spaces.
func lexCollapse(s string) string {
	return strings.Trim(s, " \t\n\r")
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
