package soap

// This file holds value types for the XSD date/time built-ins (and
// xs:decimal) that keep the text they were decoded from, so that a value
// received from a server is sent back byte for byte, while still converting
// to and from Go's time and number types.
//
// The lexical rules follow XML Schema 1.0 Part 2 (Datatypes), sections
// 3.2.3 (decimal), 3.2.6 (duration), 3.2.7 (dateTime), 3.2.8 (time) and
// 3.2.9 (date). Where this code is more lenient than XSD 1.0 the doc
// comment says so.

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/big"
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

// ---------------------------------------------------------------------------
// DateTime

// dtZeroDateTime is the text of the zero DateTime: .NET's DateTime.MinValue,
// which a .NET peer sends for a DateTime it never set.
const dtZeroDateTime = "0001-01-01T00:00:00"

// DateTime is an xs:dateTime value that keeps the text it was decoded from.
//
// A DateTime read from the wire (ParseDateTime, DateTimeFromWire,
// UnmarshalText) is written back exactly as it was received, whatever its
// form: with or without a zone ("Z", "+02:00", "-05:00"), with any number
// of fraction digits, with the end-of-day hour "24:00:00". Use Time to get
// the instant and NewDateTime or NewLocalDateTime to make one from a
// time.Time.
//
// The zero DateTime is "not set"; it reads as .NET's DateTime.MinValue,
// "0001-01-01T00:00:00". DateTime is comparable and may be used as a map
// key; == and Equal compare the text, Compare orders chronologically.
type DateTime struct {
	lex string
	set bool
}

// NewDateTime returns the xs:dateTime for t: yyyy-mm-ddThh:mm:ss, then '.'
// and the fractional seconds if t has sub-second precision (at most seven
// digits, i.e. .NET's 100ns ticks; t is truncated, not rounded, and
// trailing zeros are trimmed), then "Z" if t's location is time.UTC, else
// t's offset from UTC in its location as ±hh:mm (so "+00:00" for a
// non-UTC location at offset zero). An offset XSD cannot express (not a
// whole number of minutes, or beyond ±14:00) is written as the same
// instant in UTC with "Z". Years after 9999 get more digits; years before
// 1 are written in the XSD 1.0 form ("-0001" for Go's year 0), which
// Time does not convert back.
func NewDateTime(t time.Time) DateTime {
	t, zone := dtZoned(t)
	b := make([]byte, 0, 40)
	b = dtAppendDate(b, t)
	b = append(b, 'T')
	b = dtAppendClock(b, t)
	b = append(b, zone...)
	return DateTime{lex: string(b), set: true}
}

// NewLocalDateTime returns the xs:dateTime for the wall clock of t in its
// location, without any zone suffix: what .NET calls a DateTime of kind
// Unspecified. The format is otherwise that of NewDateTime.
func NewLocalDateTime(t time.Time) DateTime {
	b := make([]byte, 0, 40)
	b = dtAppendDate(b, t)
	b = append(b, 'T')
	b = dtAppendClock(b, t)
	return DateTime{lex: string(b), set: true}
}

// ParseDateTime checks that s (after whitespace collapse) is an
// xs:dateTime literal, '-'? yyyy '-' mm '-' dd 'T' hh ':' mm ':' ss ('.'
// s+)? (zone)?, and returns a DateTime that keeps s as given but for
// the white space around it (XML Schema's whiteSpace=collapse, which
// dateTime, date, time, duration and decimal have), so that it re-encodes
// unchanged. The year has four or
// more digits (no leading zero if more than four, not "0000"), the day
// must exist in the month, the hour may be 24 only in "24:00:00" (any
// fraction all zeros), and the zone is "Z" or ±hh:mm up to ±14:00. Any
// number of fraction digits is accepted. As a leniency, February 29 is
// accepted in every negative year. The error is a *LexicalError with Type
// "xs:dateTime".
func ParseDateTime(s string) (DateTime, error) {
	if _, err := dtParseDateTime(lexCollapse(s)); err != nil {
		return DateTime{}, dtLexErr("xs:dateTime", s, err)
	}
	return DateTime{lex: lexCollapse(s), set: true}, nil
}

// DateTimeFromWire returns a DateTime that holds s, white space collapsed
// (whiteSpace=collapse: trimmed, inner runs made one space), without
// checking it. Decoders use it so that one malformed value from a server is
// kept (and sent back as it came) rather than failing the whole reply; Time
// reports the problem.
func DateTimeFromWire(s string) DateTime { return DateTime{lex: collapse(s), set: true} }

// String returns the lexical text of d; for the zero DateTime it returns
// "0001-01-01T00:00:00".
func (d DateTime) String() string {
	if !d.set {
		return dtZeroDateTime
	}
	return d.lex
}

// IsZero reports whether d is the zero DateTime (never set). A DateTime
// decoded from "0001-01-01T00:00:00" is not zero.
func (d DateTime) IsZero() bool { return !d.set }

// Time parses the text of d and returns the instant it denotes. A value
// with a zone is returned in time.UTC for "Z" and in a fixed zone with the
// written offset otherwise; a value without a zone (see HasZone) is
// returned in time.UTC, i.e. its wall clock is taken as UTC. "24:00:00" is
// the first instant of the next day. Fraction digits after the ninth are
// truncated. The zero DateTime returns 0001-01-01 00:00:00 UTC.
//
// The error is a *LexicalError if the text is not an xs:dateTime literal
// (possible for values from DateTimeFromWire), or a plain error for a
// negative (BCE) year, whose meaning differs between XSD 1.0 and 1.1, or a
// year after 999999999.
func (d DateTime) Time() (time.Time, error) {
	if !d.set {
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil
	}
	f, err := dtParseDateTime(lexCollapse(d.lex))
	if err != nil {
		return time.Time{}, dtLexErr("xs:dateTime", d.lex, err)
	}
	return f.toTime("xs:dateTime", d.lex)
}

// HasZone reports whether the text of d is a valid xs:dateTime with a zone
// suffix ("Z" or ±hh:mm). It is false for the zero DateTime and for text
// that does not parse.
func (d DateTime) HasZone() bool {
	f, err := dtParseDateTime(lexCollapse(d.lex))
	return d.set && err == nil && f.zone
}

// Equal reports whether d and o have the same text and are both set or
// both unset. This is lexical identity, the same as ==:
// "2023-09-19T01:24:38Z" and "2023-09-19T03:24:38+02:00" are the same
// instant but not Equal. Use Compare or Time for chronological comparison.
func (d DateTime) Equal(o DateTime) bool { return d == o }

// Compare returns -1, 0 or +1 as d is before, the same as or after o. Values
// whose Time succeeds are ordered by instant (values without a zone taken
// as UTC) and come before values whose Time fails; ties, and values that do
// not convert, are ordered by text, then an unset value before a set one.
// This is a total order consistent with Equal (Compare is 0 exactly when
// Equal is true), suitable for slices.SortFunc.
func (d DateTime) Compare(o DateTime) int {
	ta, errA := d.Time()
	tb, errB := o.Time()
	return dtCompareKeys(errA == nil, errB == nil, func() int { return ta.Compare(tb) },
		d.String(), o.String(), d.set, o.set)
}

// MarshalText implements encoding.TextMarshaler; it returns String.
func (d DateTime) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseDateTime; on
// error d is left unchanged.
func (d *DateTime) UnmarshalText(b []byte) error {
	v, err := ParseDateTime(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ---------------------------------------------------------------------------
// Date

// dtZeroDate is the text of the zero Date.
const dtZeroDate = "0001-01-01"

// Date is an xs:date value, "2023-09-19" with an optional zone ("Z",
// "+02:00"), that keeps the text it was decoded from; see DateTime for the
// pattern. The zero Date is "not set" and reads as "0001-01-01". Date is
// comparable and may be used as a map key.
type Date struct {
	lex string
	set bool
}

// NewDate returns the xs:date, yyyy-mm-dd without a zone, for the calendar
// date of t in its location. Years are written as by NewDateTime.
func NewDate(t time.Time) Date {
	return Date{lex: string(dtAppendDate(make([]byte, 0, 16), t)), set: true}
}

// ParseDate checks that s (after whitespace collapse) is an xs:date literal,
// '-'? yyyy '-' mm '-' dd (zone)?, with the rules of ParseDateTime, and
// returns a Date that keeps s as given but for the white space around it. The error is a
// *LexicalError with Type "xs:date".
func ParseDate(s string) (Date, error) {
	if _, err := dtParseDateOnly(lexCollapse(s)); err != nil {
		return Date{}, dtLexErr("xs:date", s, err)
	}
	return Date{lex: lexCollapse(s), set: true}, nil
}

// DateFromWire returns a Date that holds s, white space collapsed, without
// checking it (see DateTimeFromWire).
func DateFromWire(s string) Date { return Date{lex: collapse(s), set: true} }

// String returns the lexical text of d; for the zero Date it returns
// "0001-01-01".
func (d Date) String() string {
	if !d.set {
		return dtZeroDate
	}
	return d.lex
}

// IsZero reports whether d is the zero Date (never set).
func (d Date) IsZero() bool { return !d.set }

// Time returns midnight at the start of the day d denotes: in time.UTC if
// d has no zone or the zone "Z", else in a fixed zone with the written
// offset. The zero Date returns 0001-01-01 00:00:00 UTC. Errors are as for
// DateTime.Time.
func (d Date) Time() (time.Time, error) {
	if !d.set {
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil
	}
	f, err := dtParseDateOnly(lexCollapse(d.lex))
	if err != nil {
		return time.Time{}, dtLexErr("xs:date", d.lex, err)
	}
	return f.toTime("xs:date", d.lex)
}

// HasZone reports whether the text of d is a valid xs:date with a zone
// suffix.
func (d Date) HasZone() bool {
	f, err := dtParseDateOnly(lexCollapse(d.lex))
	return d.set && err == nil && f.zone
}

// Equal reports whether d and o have the same text and are both set or
// both unset (lexical identity, the same as ==). Use Compare for
// chronological comparison.
func (d Date) Equal(o Date) bool { return d == o }

// Compare orders dates by the instant Time returns (midnight, UTC if no
// zone), with the tie-breaks and the treatment of unconvertible values of
// DateTime.Compare. It is a total order consistent with Equal.
func (d Date) Compare(o Date) int {
	ta, errA := d.Time()
	tb, errB := o.Time()
	return dtCompareKeys(errA == nil, errB == nil, func() int { return ta.Compare(tb) },
		d.String(), o.String(), d.set, o.set)
}

// MarshalText implements encoding.TextMarshaler; it returns String.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseDate; on
// error d is left unchanged.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ---------------------------------------------------------------------------
// TimeOfDay

// dtZeroTime is the text of the zero TimeOfDay.
const dtZeroTime = "00:00:00"

// TimeOfDay is an xs:time value, "01:24:38" with optional fractional
// seconds and zone, that keeps the text it was decoded from; see DateTime
// for the pattern. The zero TimeOfDay is "not set" and reads as
// "00:00:00". TimeOfDay is comparable and may be used as a map key.
type TimeOfDay struct {
	lex string
	set bool
}

// NewTimeOfDay returns the xs:time, without a zone, for the wall clock of
// t in its location: hh:mm:ss and, for sub-second precision, '.' and at
// most seven fraction digits (truncated to 100ns, trailing zeros trimmed).
func NewTimeOfDay(t time.Time) TimeOfDay {
	return TimeOfDay{lex: string(dtAppendClock(make([]byte, 0, 16), t)), set: true}
}

// ParseTimeOfDay checks that s (after whitespace collapse) is an xs:time
// literal, hh ':' mm ':' ss ('.' s+)? (zone)?, with the rules of
// ParseDateTime ("24:00:00" is accepted), and returns a TimeOfDay that
// keeps s as given but for the white space around it. The error is a
// *LexicalError with Type
// "xs:time".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	if _, err := dtParseTimeOnly(lexCollapse(s)); err != nil {
		return TimeOfDay{}, dtLexErr("xs:time", s, err)
	}
	return TimeOfDay{lex: lexCollapse(s), set: true}, nil
}

// TimeOfDayFromWire returns a TimeOfDay that holds s, white space collapsed, without
// checking it (see DateTimeFromWire).
func TimeOfDayFromWire(s string) TimeOfDay { return TimeOfDay{lex: collapse(s), set: true} }

// String returns the lexical text of t; for the zero TimeOfDay it returns
// "00:00:00".
func (t TimeOfDay) String() string {
	if !t.set {
		return dtZeroTime
	}
	return t.lex
}

// IsZero reports whether t is the zero TimeOfDay (never set).
func (t TimeOfDay) IsZero() bool { return !t.set }

// Clock returns the wall-clock fields as written, ignoring any zone (see
// HasZone). "24:00:00" (end of day) is returned as midnight, 0:00:00.
// Fraction digits after the ninth are truncated. The zero TimeOfDay
// returns all zeros. The error is a *LexicalError if the text is not an
// xs:time literal.
func (t TimeOfDay) Clock() (hour, min, sec, nsec int, err error) {
	if !t.set {
		return 0, 0, 0, 0, nil
	}
	f, err := dtParseTimeOnly(lexCollapse(t.lex))
	if err != nil {
		return 0, 0, 0, 0, dtLexErr("xs:time", t.lex, err)
	}
	if f.hour == 24 {
		return 0, 0, 0, 0, nil
	}
	return f.hour, f.minute, f.second, f.nanos(), nil
}

// HasZone reports whether the text of t is a valid xs:time with a zone
// suffix.
func (t TimeOfDay) HasZone() bool {
	f, err := dtParseTimeOnly(lexCollapse(t.lex))
	return t.set && err == nil && f.zone
}

// Equal reports whether t and o have the same text and are both set or
// both unset (lexical identity, the same as ==). Use Compare for
// chronological comparison.
func (t TimeOfDay) Equal(o TimeOfDay) bool { return t == o }

// utcNanos returns the time of day as nanoseconds after midnight UTC on a
// common reference day, so may be negative or above 24h ("23:00:00-02:00"
// is 25h), as XSD compares times by placing them on one reference date. A
// value without a zone is taken as UTC.
func (t TimeOfDay) utcNanos() (int64, bool) {
	if !t.set {
		return 0, true
	}
	f, err := dtParseTimeOnly(lexCollapse(t.lex))
	if err != nil {
		return 0, false
	}
	h := f.hour
	if h == 24 {
		h = 0
	}
	sec := int64(h*3600+f.minute*60+f.second) - int64(f.offset)*60
	return sec*int64(time.Second) + int64(f.nanos()), true
}

// Compare orders times of day chronologically, placing them on a common
// reference day after converting to UTC (a value without a zone taken as
// UTC), with the tie-breaks and the treatment of unparseable values of
// DateTime.Compare. It is a total order consistent with Equal.
func (t TimeOfDay) Compare(o TimeOfDay) int {
	na, okA := t.utcNanos()
	nb, okB := o.utcNanos()
	return dtCompareKeys(okA, okB, func() int { return cmp.Compare(na, nb) },
		t.String(), o.String(), t.set, o.set)
}

// MarshalText implements encoding.TextMarshaler; it returns String.
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseTimeOfDay;
// on error t is left unchanged.
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ---------------------------------------------------------------------------
// Duration

// dtZeroDuration is the text of the zero Duration.
const dtZeroDuration = "PT0S"

// Duration is an xs:duration value, e.g. "P1DT2H", "-PT0.5S" or "P1Y2M",
// that keeps the text it was decoded from; see DateTime for the pattern.
// The zero Duration is "not set" and reads as "PT0S". Duration is
// comparable and may be used as a map key.
type Duration struct {
	lex string
	set bool
}

// durFields holds the parts of a parsed xs:duration; each is a string of
// digits, "" when absent.
type durFields struct {
	neg                           bool
	years, months, days           string
	hours, minutes, seconds, frac string
}

// durParse parses a collapsed xs:duration literal:
// '-'? 'P' (n 'Y')? (n 'M')? (n 'D')? ('T' (n 'H')? (n 'M')? (n ('.' n?)? 'S')?)?
// with at least one part, and at least one time part after 'T'.
func durParse(s string) (durFields, bool) {
	var f durFields
	if s != "" && s[0] == '-' {
		f.neg = true
		s = s[1:]
	}
	if s == "" || s[0] != 'P' {
		return f, false
	}
	s = s[1:]
	if s == "" {
		return f, false
	}
	dateParts := [3]*string{&f.years, &f.months, &f.days}
	timeParts := [3]*string{&f.hours, &f.minutes, &f.seconds}
	parts, order := dateParts, "YMD"
	inTime := false
	next := 0 // index in order of the next designator allowed
	for s != "" {
		if s[0] == 'T' {
			if inTime || len(s) == 1 {
				return f, false // a second 'T', or 'T' with no time part
			}
			parts, order, inTime, next = timeParts, "HMS", true, 0
			s = s[1:]
			continue
		}
		n := lexDigits(s)
		num := s[:n]
		s = s[n:]
		frac, point := "", false
		if inTime && s != "" && s[0] == '.' {
			// Only seconds may have a fraction. XSD 1.1 syntax, which
			// allows "1.S" and ".5S", is accepted.
			point = true
			k := lexDigits(s[1:])
			frac = s[1 : 1+k]
			s = s[1+k:]
		}
		if (n == 0 && frac == "") || s == "" {
			return f, false
		}
		i := strings.IndexByte(order[next:], s[0])
		if i < 0 {
			return f, false // unknown or out-of-order designator
		}
		i += next
		if point && i != 2 {
			return f, false
		}
		if num == "" {
			num = "0"
		}
		*parts[i] = num
		if point {
			f.frac = frac
		}
		next = i + 1
		s = s[1:]
	}
	return f, true
}

// durBig returns the big.Int for a digit string ("" is zero).
func durBig(s string) *big.Int {
	v := new(big.Int)
	if s != "" {
		v.SetString(s, 10)
	}
	return v
}

// durIsZero reports whether the digit string s denotes zero.
func durIsZero(s string) bool { return strings.Trim(s, "0") == "" }

// dayTimeNanos returns the days, hours, minutes and seconds of f in
// nanoseconds (fraction digits after the ninth truncated), with the sign.
func (f *durFields) dayTimeNanos() *big.Int {
	v := durBig(f.days)
	v.Mul(v, big.NewInt(24)).Add(v, durBig(f.hours))
	v.Mul(v, big.NewInt(60)).Add(v, durBig(f.minutes))
	v.Mul(v, big.NewInt(60)).Add(v, durBig(f.seconds))
	v.Mul(v, big.NewInt(1e9))
	frac := f.frac
	if len(frac) > 9 {
		frac = frac[:9]
	}
	frac += strings.Repeat("0", 9-len(frac))
	v.Add(v, durBig(frac))
	if f.neg {
		v.Neg(v)
	}
	return v
}

// durSecondsPerMonth is the length of the average Gregorian month
// (146097 days / 4800 months) in seconds, used only for ordering.
const durSecondsPerMonth = 2629746

// orderKey returns the length of f in seconds as an exact rational, counting
// a month as an average Gregorian month.
func (f *durFields) orderKey() *big.Rat {
	months := durBig(f.years)
	months.Mul(months, big.NewInt(12)).Add(months, durBig(f.months))
	sec := months.Mul(months, big.NewInt(durSecondsPerMonth))
	days := durBig(f.days)
	days.Mul(days, big.NewInt(86400))
	sec.Add(sec, days)
	hours := durBig(f.hours)
	hours.Mul(hours, big.NewInt(3600))
	sec.Add(sec, hours)
	mins := durBig(f.minutes)
	mins.Mul(mins, big.NewInt(60))
	sec.Add(sec, mins)
	sec.Add(sec, durBig(f.seconds))
	r := new(big.Rat).SetInt(sec)
	if f.frac != "" {
		den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(f.frac))), nil)
		r.Add(r, new(big.Rat).SetFrac(durBig(f.frac), den))
	}
	if f.neg {
		r.Neg(r)
	}
	return r
}

// NewDuration returns the xs:duration for d in the form .NET's
// XmlConvert.ToString(TimeSpan) writes: a leading '-' if d is negative,
// 'P', the days with 'D' if any, then, if any hours, minutes or seconds
// remain, 'T' and each non-zero one with 'H', 'M' and 'S', the seconds with
// up to seven fraction digits (d is truncated toward zero to 100ns, trailing
// zeros trimmed). Zero is "PT0S". For example 90*time.Minute is "PT1H30M",
// 26*time.Hour is "P1DT2H" and -1500*time.Millisecond is "-PT1.5S".
func NewDuration(d time.Duration) Duration {
	neg := d < 0
	u := uint64(d)
	if neg {
		u = -u // two's complement: correct also for math.MinInt64
	}
	ticks := u / 100
	if ticks == 0 {
		return Duration{lex: dtZeroDuration, set: true}
	}
	const (
		ticksPerSecond = 1e7
		ticksPerMinute = 60 * ticksPerSecond
		ticksPerHour   = 60 * ticksPerMinute
		ticksPerDay    = 24 * ticksPerHour
	)
	days := ticks / ticksPerDay
	hours := ticks / ticksPerHour % 24
	mins := ticks / ticksPerMinute % 60
	secs := ticks / ticksPerSecond % 60
	frac := ticks % ticksPerSecond
	b := make([]byte, 0, 32)
	if neg {
		b = append(b, '-')
	}
	b = append(b, 'P')
	if days != 0 {
		b = strconv.AppendUint(b, days, 10)
		b = append(b, 'D')
	}
	if hours != 0 || mins != 0 || secs != 0 || frac != 0 {
		b = append(b, 'T')
		if hours != 0 {
			b = strconv.AppendUint(b, hours, 10)
			b = append(b, 'H')
		}
		if mins != 0 {
			b = strconv.AppendUint(b, mins, 10)
			b = append(b, 'M')
		}
		if secs != 0 || frac != 0 {
			b = strconv.AppendUint(b, secs, 10)
			b = dtAppendTicks(b, frac)
			b = append(b, 'S')
		}
	}
	return Duration{lex: string(b), set: true}
}

// ParseDuration checks that s (after whitespace collapse) is an
// xs:duration literal, '-'? 'P' nY? nM? nD? ('T' nH? nM? nS?)?, with the
// parts in that order, at least one part, at least one time part after
// 'T', unsigned integers of any length, and a fraction allowed only on the
// seconds. As a leniency (XSD 1.1 syntax), the seconds may be written "1.S"
// or ".5S". It returns a Duration that keeps s as given but for the white
// space around it. The error
// is a *LexicalError with Type "xs:duration".
func ParseDuration(s string) (Duration, error) {
	if _, ok := durParse(lexCollapse(s)); !ok {
		return Duration{}, &LexicalError{Type: "xs:duration", Text: s}
	}
	return Duration{lex: lexCollapse(s), set: true}, nil
}

// DurationFromWire returns a Duration that holds s, white space collapsed, without
// checking it (see DateTimeFromWire).
func DurationFromWire(s string) Duration { return Duration{lex: collapse(s), set: true} }

// String returns the lexical text of d; for the zero Duration it returns
// "PT0S".
func (d Duration) String() string {
	if !d.set {
		return dtZeroDuration
	}
	return d.lex
}

// IsZero reports whether d is the zero Duration (never set). A Duration
// decoded from "PT0S" is not zero.
func (d Duration) IsZero() bool { return !d.set }

// Duration returns d as a time.Duration, counting a day as 24 hours and
// truncating fraction digits after the ninth. The error is a *LexicalError
// if the text is not an xs:duration literal; a plain error if d has a
// non-zero number of years or months, which have no fixed length (a zero
// count, as in "P0Y1D", is allowed); and a plain error wrapping
// strconv.ErrRange if d does not fit in a time.Duration (about 292 years).
func (d Duration) Duration() (time.Duration, error) {
	if !d.set {
		return 0, nil
	}
	f, ok := durParse(lexCollapse(d.lex))
	if !ok {
		return 0, &LexicalError{Type: "xs:duration", Text: d.lex}
	}
	if !durIsZero(f.years) || !durIsZero(f.months) {
		return 0, dtConvErr("xs:duration", d.lex, "time.Duration", errors.New("years and months have no fixed length"))
	}
	v := f.dayTimeNanos()
	if !v.IsInt64() {
		return 0, dtConvErr("xs:duration", d.lex, "time.Duration", strconv.ErrRange)
	}
	return time.Duration(v.Int64()), nil
}

// Equal reports whether d and o have the same text and are both set or
// both unset (lexical identity, the same as ==): "PT60M" and "PT1H" are
// not Equal. Use Compare to compare lengths.
func (d Duration) Equal(o Duration) bool { return d == o }

// Compare orders durations by length. Durations without years and months
// are compared exactly. XSD orders durations with years or months only
// partially ("P1M" and "P30D" are incomparable); to get a total order,
// Compare counts a month as the average Gregorian month, 30.436875 days.
// Ties and unparseable values (last) are ordered as in DateTime.Compare.
// It is a total order consistent with Equal.
func (d Duration) Compare(o Duration) int {
	ka, okA := d.orderKey()
	kb, okB := o.orderKey()
	return dtCompareKeys(okA, okB, func() int { return ka.Cmp(kb) },
		d.String(), o.String(), d.set, o.set)
}

// orderKey returns the ordering key of d (see Compare).
func (d Duration) orderKey() (*big.Rat, bool) {
	if !d.set {
		return new(big.Rat), true
	}
	f, ok := durParse(lexCollapse(d.lex))
	if !ok {
		return nil, false
	}
	return f.orderKey(), true
}

// MarshalText implements encoding.TextMarshaler; it returns String.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseDuration; on
// error d is left unchanged.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ---------------------------------------------------------------------------
// Decimal

// Decimal is an xs:decimal value kept as its text, so that any precision a
// server sends survives the round trip; see DateTime for the pattern. The
// zero Decimal is "not set" and reads as "0". Decimal is comparable and may
// be used as a map key.
type Decimal struct {
	lex string
	set bool
}

// decParse splits a collapsed xs:decimal literal,
// [+-]? (digits ('.' digits?)? | '.' digits), into sign, integer digits
// and fraction digits.
func decParse(s string) (neg bool, ip, fp string, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := lexDigits(s)
	ip, s = s[:n], s[n:]
	if s != "" && s[0] == '.' {
		k := lexDigits(s[1:])
		fp, s = s[1:1+k], s[1+k:]
	}
	return neg, ip, fp, s == "" && (ip != "" || fp != "")
}

// NewDecimalFromInt returns the xs:decimal for v, e.g. "-42".
func NewDecimalFromInt(v int64) Decimal {
	return Decimal{lex: strconv.FormatInt(v, 10), set: true}
}

// NewDecimalFromFloat returns the xs:decimal for f in the shortest plain
// decimal form that parses back to f (strconv 'f' format with precision
// -1, e.g. "0.1", "1000000000000000000000", "-0"). NaN and ±Inf are not
// decimals: for them it returns the zero Decimal; use DecimalFromFloat to
// get an error instead.
func NewDecimalFromFloat(f float64) Decimal {
	d, _ := DecimalFromFloat(f)
	return d
}

// DecimalFromFloat is like NewDecimalFromFloat but returns a *LexicalError
// with Type "xs:decimal" (and the zero Decimal) for NaN and ±Inf.
func DecimalFromFloat(f float64) (Decimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Decimal{}, &LexicalError{Type: "xs:decimal", Text: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	return Decimal{lex: strconv.FormatFloat(f, 'f', -1, 64), set: true}, nil
}

// ParseDecimal checks that s (after whitespace collapse) is an xs:decimal
// literal, an optional sign and digits with an optional '.' and fraction
// ("1", "-1.5", "+.5", "5."), no exponent, and returns a Decimal that keeps
// s as given but for the white space around it. The error is a
// *LexicalError with Type "xs:decimal".
func ParseDecimal(s string) (Decimal, error) {
	if _, _, _, ok := decParse(lexCollapse(s)); !ok {
		return Decimal{}, &LexicalError{Type: "xs:decimal", Text: s}
	}
	return Decimal{lex: lexCollapse(s), set: true}, nil
}

// DecimalFromWire returns a Decimal that holds s, white space collapsed, without checking
// it (see DateTimeFromWire).
func DecimalFromWire(s string) Decimal { return Decimal{lex: collapse(s), set: true} }

// String returns the lexical text of d; for the zero Decimal it returns
// "0".
func (d Decimal) String() string {
	if !d.set {
		return "0"
	}
	return d.lex
}

// IsZero reports whether d is the zero Decimal (never set). A Decimal
// decoded from "0" is not zero in this sense.
func (d Decimal) IsZero() bool { return !d.set }

// Rat returns the exact value of d. The error is a *LexicalError if the
// text is not an xs:decimal literal.
func (d Decimal) Rat() (*big.Rat, error) {
	s := lexCollapse(d.String())
	neg, ip, fp, ok := decParse(s)
	if !ok {
		return nil, &LexicalError{Type: "xs:decimal", Text: d.lex}
	}
	num := durBig(ip + fp)
	if neg {
		num.Neg(num)
	}
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(fp))), nil)
	return new(big.Rat).SetFrac(num, den), nil
}

// Float64 returns the float64 nearest to d. The error is a *LexicalError if
// the text is not an xs:decimal literal, or a plain error wrapping
// strconv.ErrRange if the magnitude of d is beyond the float64 range.
func (d Decimal) Float64() (float64, error) {
	s := lexCollapse(d.String())
	if _, _, _, ok := decParse(s); !ok {
		return 0, &LexicalError{Type: "xs:decimal", Text: d.lex}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, dtConvErr("xs:decimal", d.lex, "float64", strconv.ErrRange)
	}
	return v, nil
}

// Equal reports whether d and o have the same text and are both set or
// both unset (lexical identity, the same as ==): "1.0" and "1" are not
// Equal. Use Compare for numeric comparison.
func (d Decimal) Equal(o Decimal) bool { return d == o }

// Compare orders decimals numerically (exactly, via big.Rat), with the
// tie-breaks and the treatment of unparseable values of DateTime.Compare.
// It is a total order consistent with Equal.
func (d Decimal) Compare(o Decimal) int {
	ra, errA := d.Rat()
	rb, errB := o.Rat()
	return dtCompareKeys(errA == nil, errB == nil, func() int { return ra.Cmp(rb) },
		d.String(), o.String(), d.set, o.set)
}

// MarshalText implements encoding.TextMarshaler; it returns String.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseDecimal; on
// error d is left unchanged.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
