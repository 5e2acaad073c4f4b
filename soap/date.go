package soap

import (
	"time"

	"github.com/sogen-go/sogen/soap/internal/whitespace"
)

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

// dateFromWire returns a Date that holds s, white space collapsed, without
// checking it (see dateTimeFromWire).
func dateFromWire(s string) Date { return Date{lex: whitespace.Collapse(s), set: true} }

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
