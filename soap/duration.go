package soap

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/sogen-go/sogen/soap/internal/whitespace"
)

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

// durationFromWire returns a Duration that holds s, white space collapsed, without
// checking it (see dateTimeFromWire).
func durationFromWire(s string) Duration { return Duration{lex: whitespace.Collapse(s), set: true} }

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
