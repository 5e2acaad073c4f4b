package soap

import (
	"time"

	"github.com/sogen-go/sogen/soap/internal/whitespace"
)

// dtZeroDateTime is the text of the zero DateTime: .NET's DateTime.MinValue,
// which a .NET peer sends for a DateTime it never set.
const dtZeroDateTime = "0001-01-01T00:00:00"

// DateTime is an xs:dateTime value that keeps the text it was decoded from.
//
// A DateTime read from the wire (decoded by a generated client, ParseDateTime,
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

// dateTimeFromWire returns a DateTime that holds s, white space collapsed
// (whiteSpace=collapse: trimmed, inner runs made one space), without
// checking it. Decoders use it so that one malformed value from a server is
// kept (and sent back as it came) rather than failing the whole reply; Time
// reports the problem.
func dateTimeFromWire(s string) DateTime { return DateTime{lex: whitespace.Collapse(s), set: true} }

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
// (possible for values decoded from a reply), or a plain error for a
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
