package soap

import (
	"cmp"
	"time"

	"github.com/sogen-go/sogen/soap/internal/whitespace"
)

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

// timeOfDayFromWire returns a TimeOfDay that holds s, white space collapsed, without
// checking it (see dateTimeFromWire).
func timeOfDayFromWire(s string) TimeOfDay { return TimeOfDay{lex: whitespace.Collapse(s), set: true} }

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
