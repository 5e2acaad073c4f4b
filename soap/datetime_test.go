package soap_test

import (
	"encoding/xml"
	"errors"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// dtZone returns a fixed zone at h hours and m minutes east of UTC (both
// negative for west).
func dtZone(h, m int) *time.Location { return time.FixedZone("", h*3600+m*60) }

// dtWantLexErr checks that err is a *soap.LexicalError for typ and text.
// dtCollapse applies whiteSpace=collapse to s, as decoding does to the types with that facet (all
// but the string types): XML white space (space, tab, line feed, carriage return) trimmed, inner runs
// made one space.
func dtCollapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }), " ")
}

func dtWantLexErr(t *testing.T, err error, typ, text string) {
	t.Helper()
	var le *soap.LexicalError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *soap.LexicalError", err, err)
	}
	if le.Type != typ || le.Text != text {
		t.Fatalf("LexicalError{Type: %q, Text: %q}, want {%q, %q}", le.Type, le.Text, typ, text)
	}
}

// dtWantConvErr checks that err is a conversion error, not a
// *soap.LexicalError, whose message contains sub.
func dtWantConvErr(t *testing.T, err error, sub string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error, want one")
	}
	var le *soap.LexicalError
	if errors.As(err, &le) {
		t.Fatalf("error %v is a *soap.LexicalError, want a conversion error", err)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Fatalf("error %q does not contain %q", err, sub)
	}
}

// dtSameTime checks that got is the same instant as want with the same
// zone offset.
func dtSameTime(t *testing.T, got, want time.Time) {
	t.Helper()
	_, og := got.Zone()
	_, ow := want.Zone()
	if !got.Equal(want) || og != ow {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// dtCheckTotalOrder checks that cmp is antisymmetric, transitive and
// consistent with eq over vs.
func dtCheckTotalOrder[T any](t *testing.T, vs []T, compare func(a, b T) int, eq func(a, b T) bool) {
	t.Helper()
	for i, a := range vs {
		for j, b := range vs {
			ab, ba := compare(a, b), compare(b, a)
			if ab != -ba {
				t.Errorf("Compare(%d, %d) = %d but Compare(%d, %d) = %d", i, j, ab, j, i, ba)
			}
			if (ab == 0) != eq(a, b) {
				t.Errorf("Compare(%d, %d) = %d but Equal = %v", i, j, ab, eq(a, b))
			}
			for k, c := range vs {
				if ab <= 0 && compare(b, c) <= 0 && compare(a, c) > 0 {
					t.Errorf("not transitive: %d <= %d <= %d but %d > %d", i, j, k, i, k)
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------
// DateTime

func TestDateTimeParseValid(t *testing.T) {
	utc := time.UTC
	cases := []struct {
		in      string
		want    time.Time
		hasZone bool
	}{
		// The forms a WCF server sends.
		{"2023-09-19T01:24:38", time.Date(2023, 9, 19, 1, 24, 38, 0, utc), false},
		{"2023-09-19T01:24:38Z", time.Date(2023, 9, 19, 1, 24, 38, 0, utc), true},
		{"2023-09-19T01:24:38+02:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(2, 0)), true},
		{"2023-09-19T01:24:38-05:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(-5, 0)), true},
		{"2023-09-19T01:24:38.1Z", time.Date(2023, 9, 19, 1, 24, 38, 100000000, utc), true},
		{"2023-09-19T01:24:38.12", time.Date(2023, 9, 19, 1, 24, 38, 120000000, utc), false},
		{"2023-09-19T01:24:38.123+05:30", time.Date(2023, 9, 19, 1, 24, 38, 123000000, dtZone(5, 30)), true},
		{"2023-09-19T01:24:38.1234567Z", time.Date(2023, 9, 19, 1, 24, 38, 123456700, utc), true},
		{"2023-09-19T01:24:38.1234567", time.Date(2023, 9, 19, 1, 24, 38, 123456700, utc), false},
		{"2023-09-19T01:24:38.1234567-07:00", time.Date(2023, 9, 19, 1, 24, 38, 123456700, dtZone(-7, 0)), true},
		{"2023-09-19T01:24:38.0000000Z", time.Date(2023, 9, 19, 1, 24, 38, 0, utc), true},
		// More than seven digits; beyond nine they are truncated.
		{"2023-09-19T01:24:38.123456789", time.Date(2023, 9, 19, 1, 24, 38, 123456789, utc), false},
		{"2023-09-19T01:24:38.123456789999Z", time.Date(2023, 9, 19, 1, 24, 38, 123456789, utc), true},
		// End of day.
		{"2023-09-19T24:00:00Z", time.Date(2023, 9, 20, 0, 0, 0, 0, utc), true},
		{"2023-12-31T24:00:00", time.Date(2024, 1, 1, 0, 0, 0, 0, utc), false},
		{"2024-02-28T24:00:00.000+01:00", time.Date(2024, 2, 29, 0, 0, 0, 0, dtZone(1, 0)), true},
		// Zones at the limits and at zero.
		{"2023-09-19T01:24:38+14:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(14, 0)), true},
		{"2023-09-19T01:24:38-14:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(-14, 0)), true},
		{"2023-09-19T01:24:38-09:30", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(-9, -30)), true},
		{"2023-09-19T01:24:38+00:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(0, 0)), true},
		{"2023-09-19T01:24:38-00:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(0, 0)), true},
		// Calendar edges.
		{"2024-02-29T00:00:00", time.Date(2024, 2, 29, 0, 0, 0, 0, utc), false},
		{"2000-02-29T00:00:00", time.Date(2000, 2, 29, 0, 0, 0, 0, utc), false},
		{"0001-01-01T00:00:00", time.Date(1, 1, 1, 0, 0, 0, 0, utc), false},
		{"9999-12-31T23:59:59.9999999Z", time.Date(9999, 12, 31, 23, 59, 59, 999999900, utc), true},
		{"12023-09-19T01:24:38Z", time.Date(12023, 9, 19, 1, 24, 38, 0, utc), true},
		{"999999999-12-31T00:00:00Z", time.Date(999999999, 12, 31, 0, 0, 0, 0, utc), true},
		// White space around the value is not part of it (whiteSpace=collapse): String drops it.
		{" 2023-09-19T01:24:38Z\n", time.Date(2023, 9, 19, 1, 24, 38, 0, utc), true},
		{"\t\r\n2023-09-19T01:24:38", time.Date(2023, 9, 19, 1, 24, 38, 0, utc), false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			d, err := soap.ParseDateTime(c.in)
			if err != nil {
				t.Fatalf("ParseDateTime: %v", err)
			}
			if got := d.String(); got != dtCollapse(c.in) {
				t.Fatalf("String() = %q, want the input collapsed", got)
			}
			if d.IsZero() {
				t.Fatal("IsZero() = true")
			}
			if got := d.HasZone(); got != c.hasZone {
				t.Fatalf("HasZone() = %v, want %v", got, c.hasZone)
			}
			got, err := d.Time()
			if err != nil {
				t.Fatalf("Time(): %v", err)
			}
			dtSameTime(t, got, c.want)
			// time.UTC for "Z" and for no zone, a fixed zone otherwise.
			wantUTC := !c.hasZone || strings.HasSuffix(strings.TrimSpace(c.in), "Z")
			if (got.Location() == time.UTC) != wantUTC {
				t.Fatalf("Time() location %v, want time.UTC: %v", got.Location(), wantUTC)
			}
			if w := soap.DateTimeFromWire(c.in); w != d {
				t.Fatalf("DateTimeFromWire = %#v, ParseDateTime = %#v", w, d)
			}
			if b, err := d.MarshalText(); err != nil || string(b) != dtCollapse(c.in) {
				t.Fatalf("MarshalText() = %q, %v", b, err)
			}
		})
	}
}

func TestDateTimeNegativeYear(t *testing.T) {
	for _, in := range []string{"-0001-01-01T00:00:00", "-0044-03-15T12:00:00Z", "-12345-02-29T00:00:00", "-0001-02-29T00:00:00"} {
		t.Run(in, func(t *testing.T) {
			d, err := soap.ParseDateTime(in)
			if err != nil {
				t.Fatalf("ParseDateTime: %v", err)
			}
			if d.String() != in {
				t.Fatalf("String() = %q", d.String())
			}
			_, err = d.Time()
			dtWantConvErr(t, err, "negative (BCE) years are not supported")
		})
	}
	t.Run("year too large", func(t *testing.T) {
		for _, in := range []string{"1000000000-01-01T00:00:00Z", "123456789012345678901234567890-01-01T00:00:00"} {
			d, err := soap.ParseDateTime(in)
			if err != nil {
				t.Fatalf("ParseDateTime(%q): %v", in, err)
			}
			_, err = d.Time()
			dtWantConvErr(t, err, "year out of range")
		}
	})
}

var dtInvalidDateTimes = []string{
	"",
	" ",
	"2023-13-01T00:00:00",
	"2023-00-01T00:00:00",
	"2023-09-19 01:24:38",
	"2023-09-19T1:24:38",
	"2023-09-19t01:24:38",
	"2023-09-19",
	"2023-09-19T01:24",
	"2023-09-19T01:24:38.",
	"2023-09-19T01:24:38.Z",
	"2023-09-19T01:24:38,5Z",
	"2023-09-31T00:00:00",
	"2023-02-29T00:00:00",
	"1900-02-29T00:00:00",
	"2023-09-00T00:00:00",
	"2023-9-19T01:24:38",
	"2023-09-9T01:24:38",
	"23-09-19T01:24:38",
	"0000-01-01T00:00:00",
	"-0000-01-01T00:00:00",
	"02023-09-19T01:24:38",
	"+2023-09-19T01:24:38",
	"--2023-09-19T01:24:38",
	"2023-09-19T25:00:00",
	"2023-09-19T24:00:01",
	"2023-09-19T24:01:00",
	"2023-09-19T24:00:00.0000001",
	"2023-09-19T23:60:00",
	"2023-09-19T23:59:60",
	"2023-09-19T01:24:38z",
	"2023-09-19T01:24:38 Z",
	"2023-09-19T01:24:38+0200",
	"2023-09-19T01:24:38+02",
	"2023-09-19T01:24:38+2:00",
	"2023-09-19T01:24:38+02:00Z",
	"2023-09-19T01:24:38Z+02:00",
	"2023-09-19T01:24:38+14:01",
	"2023-09-19T01:24:38+15:00",
	"2023-09-19T01:24:38+02:60",
	"2023-09-19T01:24:38UTC",
	"2023-09-19T01:24:38Z\x00",
	"2023-09-19T01:24:38.12a",
	"2023-09-19T01:24:38\u00a0",
	"２０２３-09-19T01:24:38",
	"2023-09-19T01:24:38 2023-09-19T01:24:38",
}

func TestDateTimeParseInvalid(t *testing.T) {
	for _, in := range dtInvalidDateTimes {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			d, err := soap.ParseDateTime(in)
			if err == nil {
				t.Fatalf("ParseDateTime = %q, nil; want error", d)
			}
			dtWantLexErr(t, err, "xs:dateTime", in)
			if d != (soap.DateTime{}) {
				t.Fatalf("ParseDateTime returned %#v with the error, want the zero DateTime", d)
			}

			// DateTimeFromWire keeps the text (collapsed); Time reports the problem.
			w := soap.DateTimeFromWire(in)
			if w.String() != dtCollapse(in) || w.IsZero() || w.HasZone() {
				t.Fatalf("DateTimeFromWire: String() = %q, IsZero() = %v, HasZone() = %v", w.String(), w.IsZero(), w.HasZone())
			}
			_, err = w.Time()
			dtWantLexErr(t, err, "xs:dateTime", dtCollapse(in))
		})
	}
}

func TestDateTimeErrorCause(t *testing.T) {
	cases := map[string]string{
		"2023-13-01T00:00:00":       `soap: "2023-13-01T00:00:00" is not a valid xs:dateTime: month out of range`,
		"2023-02-29T00:00:00":       `soap: "2023-02-29T00:00:00" is not a valid xs:dateTime: day out of range for month`,
		"2023-09-19 01:24:38":       `soap: "2023-09-19 01:24:38" is not a valid xs:dateTime`,
		"2023-09-19T24:00:01":       `soap: "2023-09-19T24:00:01" is not a valid xs:dateTime: hour 24 is only allowed as 24:00:00`,
		"2023-09-19T01:24:38+15:00": `soap: "2023-09-19T01:24:38+15:00" is not a valid xs:dateTime: time zone out of range`,
		"0000-01-01T00:00:00":       `soap: "0000-01-01T00:00:00" is not a valid xs:dateTime: invalid year`,
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			_, err := soap.ParseDateTime(in)
			if err == nil || err.Error() != want {
				t.Fatalf("error %v, want %s", err, want)
			}
		})
	}
}

func TestDateTimeNew(t *testing.T) {
	lmt := time.FixedZone("LMT", 1172) // +00:19:32, as Amsterdam before 1937
	cases := []struct {
		name      string
		in        time.Time
		want      string
		wantLocal string
	}{
		{"UTC", time.Date(2023, 9, 19, 1, 24, 38, 0, time.UTC), "2023-09-19T01:24:38Z", "2023-09-19T01:24:38"},
		{"+05:30", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(5, 30)), "2023-09-19T01:24:38+05:30", "2023-09-19T01:24:38"},
		{"-03:00", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(-3, 0)), "2023-09-19T01:24:38-03:00", "2023-09-19T01:24:38"},
		{"-09:30", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(-9, -30)), "2023-09-19T01:24:38-09:30", "2023-09-19T01:24:38"},
		{"+00:00 non-UTC location", time.Date(2023, 9, 19, 1, 24, 38, 0, dtZone(0, 0)), "2023-09-19T01:24:38+00:00", "2023-09-19T01:24:38"},
		{"7 digits", time.Date(2023, 9, 19, 1, 24, 38, 123456700, time.UTC), "2023-09-19T01:24:38.1234567Z", "2023-09-19T01:24:38.1234567"},
		{"truncated not rounded", time.Date(2023, 9, 19, 1, 24, 38, 123456789, time.UTC), "2023-09-19T01:24:38.1234567Z", "2023-09-19T01:24:38.1234567"},
		{"all nines", time.Date(2023, 9, 19, 1, 24, 38, 999999999, time.UTC), "2023-09-19T01:24:38.9999999Z", "2023-09-19T01:24:38.9999999"},
		{"trailing zeros trimmed", time.Date(2023, 9, 19, 1, 24, 38, 500000000, time.UTC), "2023-09-19T01:24:38.5Z", "2023-09-19T01:24:38.5"},
		{"one tick", time.Date(2023, 9, 19, 1, 24, 38, 100, time.UTC), "2023-09-19T01:24:38.0000001Z", "2023-09-19T01:24:38.0000001"},
		{"below one tick", time.Date(2023, 9, 19, 1, 24, 38, 99, time.UTC), "2023-09-19T01:24:38Z", "2023-09-19T01:24:38"},
		{"zero time", time.Time{}, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00"},
		{"year 5", time.Date(5, 1, 2, 3, 4, 5, 0, time.UTC), "0005-01-02T03:04:05Z", "0005-01-02T03:04:05"},
		{"year 12345", time.Date(12345, 1, 2, 3, 4, 5, 0, time.UTC), "12345-01-02T03:04:05Z", "12345-01-02T03:04:05"},
		{"year 0 is 1 BCE", time.Date(0, 1, 2, 3, 4, 5, 0, time.UTC), "-0001-01-02T03:04:05Z", "-0001-01-02T03:04:05"},
		{"sub-minute offset in UTC", time.Date(1930, 1, 1, 0, 0, 0, 0, lmt), "1929-12-31T23:40:28Z", "1930-01-01T00:00:00"},
		{"offset beyond 14h in UTC", time.Date(2023, 9, 19, 12, 0, 0, 0, dtZone(15, 0)), "2023-09-18T21:00:00Z", "2023-09-19T12:00:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := soap.NewDateTime(c.in)
			if got := d.String(); got != c.want {
				t.Fatalf("NewDateTime = %q, want %q", got, c.want)
			}
			if got := soap.NewLocalDateTime(c.in).String(); got != c.wantLocal {
				t.Fatalf("NewLocalDateTime = %q, want %q", got, c.wantLocal)
			}
			if _, err := soap.ParseDateTime(c.want); err != nil {
				t.Fatalf("NewDateTime output does not parse: %v", err)
			}
			if _, err := soap.ParseDateTime(c.wantLocal); err != nil {
				t.Fatalf("NewLocalDateTime output does not parse: %v", err)
			}
			if c.in.Year() <= 0 {
				return
			}
			// Round trip: the same instant, truncated to 100ns.
			got, err := d.Time()
			if err != nil {
				t.Fatalf("Time(): %v", err)
			}
			if want := c.in.Truncate(100); !got.Equal(want) {
				t.Fatalf("Time() = %v, want %v", got, want)
			}
			// And the result re-encodes to the same text.
			if again := soap.NewDateTime(got).String(); again != c.want {
				t.Fatalf("NewDateTime(Time()) = %q, want %q", again, c.want)
			}
		})
	}
}

func TestDateTimeNewLocalKeepsWallClock(t *testing.T) {
	in := time.Date(2023, 9, 19, 23, 30, 0, 0, dtZone(-5, 0))
	d := soap.NewLocalDateTime(in)
	if d.HasZone() {
		t.Fatal("HasZone() = true")
	}
	got, err := d.Time()
	if err != nil {
		t.Fatal(err)
	}
	// The wall clock comes back in UTC.
	dtSameTime(t, got, time.Date(2023, 9, 19, 23, 30, 0, 0, time.UTC))
}

func TestDateTimeZero(t *testing.T) {
	var z soap.DateTime
	if !z.IsZero() {
		t.Error("IsZero() = false for the zero DateTime")
	}
	if got := z.String(); got != "0001-01-01T00:00:00" {
		t.Errorf("String() = %q", got)
	}
	if z.HasZone() {
		t.Error("HasZone() = true")
	}
	tm, err := z.Time()
	if err != nil || !tm.Equal(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)) || tm.Location() != time.UTC {
		t.Errorf("Time() = %v, %v", tm, err)
	}
	if b, err := z.MarshalText(); err != nil || string(b) != "0001-01-01T00:00:00" {
		t.Errorf("MarshalText() = %q, %v", b, err)
	}

	minValue, err := soap.ParseDateTime("0001-01-01T00:00:00")
	if err != nil {
		t.Fatal(err)
	}
	if minValue.IsZero() {
		t.Error("DateTime decoded from 0001-01-01T00:00:00 is zero")
	}
	if minValue.Equal(z) || minValue == z {
		t.Error("decoded MinValue is Equal to the zero DateTime")
	}
	if c := z.Compare(minValue); c != -1 {
		t.Errorf("zero.Compare(MinValue) = %d, want -1", c)
	}
	if soap.DateTimeFromWire("").IsZero() {
		t.Error(`DateTimeFromWire("") is zero`)
	}
}

func TestDateTimeEqualCompare(t *testing.T) {
	must := func(s string) soap.DateTime {
		d, err := soap.ParseDateTime(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a := must("2023-09-19T01:24:38Z")
	b := must("2023-09-19T03:24:38+02:00")
	t.Run("same instant, different text", func(t *testing.T) {
		if a.Equal(b) {
			t.Error("Equal = true for different text")
		}
		ta, _ := a.Time()
		tb, _ := b.Time()
		if !ta.Equal(tb) {
			t.Errorf("Time() %v and %v differ", ta, tb)
		}
		// The tie is broken by text, in both directions.
		if a.Compare(b) != -1 || b.Compare(a) != 1 {
			t.Errorf("Compare = %d / %d, want -1 / 1", a.Compare(b), b.Compare(a))
		}
	})
	t.Run("same text", func(t *testing.T) {
		a2 := must("2023-09-19T01:24:38Z")
		if !a.Equal(a2) || a.Compare(a2) != 0 || a != a2 {
			t.Error("equal text does not compare equal")
		}
	})
	t.Run("chronological, not textual", func(t *testing.T) {
		early := must("2023-09-19T01:00:00+05:00") // 2023-09-18T20:00Z
		late := must("2023-09-18T21:00:00Z")
		if early.Compare(late) != -1 || late.Compare(early) != 1 {
			t.Errorf("Compare = %d, want -1", early.Compare(late))
		}
	})
	t.Run("zone-less as UTC", func(t *testing.T) {
		local := must("2023-09-19T01:24:39")
		if local.Compare(a) != 1 {
			t.Errorf("Compare = %d, want 1", local.Compare(a))
		}
	})
	t.Run("end of day", func(t *testing.T) {
		eod := must("2023-09-19T24:00:00Z")
		next := must("2023-09-20T00:00:00Z")
		if eod.Compare(next) != -1 { // same instant, "2023-09-19..." < "2023-09-20..."
			t.Errorf("Compare = %d", eod.Compare(next))
		}
		if eod.Compare(must("2023-09-19T23:59:59.9999999Z")) != 1 {
			t.Error("24:00:00 is not after 23:59:59.9999999")
		}
	})
	t.Run("sort", func(t *testing.T) {
		vs := []soap.DateTime{
			soap.DateTimeFromWire("garbage"),
			must("2023-09-19T03:24:38+02:00"),
			must("-0001-01-01T00:00:00"),
			must("2023-09-19T01:24:38Z"),
			soap.DateTimeFromWire("0001-01-01T00:00:00"),
			{},
			must("2023-09-18T21:00:00Z"),
			must("2023-09-19T01:00:00+05:00"),
			soap.DateTimeFromWire(""),
		}
		slices.SortFunc(vs, soap.DateTime.Compare)
		var got []string
		for _, v := range vs {
			s := v.String()
			if v.IsZero() {
				s = "<zero>"
			}
			got = append(got, s)
		}
		want := []string{
			"<zero>",
			"0001-01-01T00:00:00",
			"2023-09-19T01:00:00+05:00",
			"2023-09-18T21:00:00Z",
			"2023-09-19T01:24:38Z",
			"2023-09-19T03:24:38+02:00",
			"", // values Time cannot convert come last, by text
			"-0001-01-01T00:00:00",
			"garbage",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sorted order (-want +got):\n%s", diff)
		}
		dtCheckTotalOrder(t, vs, soap.DateTime.Compare, soap.DateTime.Equal)
	})
}

func TestDateTimeMapKeyAndCmp(t *testing.T) {
	m := map[soap.DateTime]int{}
	for _, s := range []string{"2023-09-19T01:24:38Z", "2023-09-19T01:24:38Z", "2023-09-19T03:24:38+02:00"} {
		d, err := soap.ParseDateTime(s)
		if err != nil {
			t.Fatal(err)
		}
		m[d]++
	}
	m[soap.DateTime{}]++
	m[soap.DateTimeFromWire("0001-01-01T00:00:00")]++
	if len(m) != 4 || m[soap.DateTimeFromWire("2023-09-19T01:24:38Z")] != 2 {
		t.Fatalf("map = %v", m)
	}

	// go-cmp uses the Equal method, so structs holding these types can be
	// compared without cmp options for unexported fields.
	type rec struct {
		When  soap.DateTime
		Day   soap.Date
		At    soap.TimeOfDay
		Span  soap.Duration
		Price soap.Decimal
	}
	x := rec{soap.DateTimeFromWire("2023-09-19T01:24:38Z"), soap.DateFromWire("2023-09-19"),
		soap.TimeOfDayFromWire("01:24:38"), soap.DurationFromWire("PT1H"), soap.DecimalFromWire("1.50")}
	y := x
	if diff := cmp.Diff(x, y); diff != "" {
		t.Errorf("identical values differ:\n%s", diff)
	}
	y.Price = soap.DecimalFromWire("1.5")
	if cmp.Equal(x, y) {
		t.Error("cmp.Equal ignores a lexical difference")
	}
}

func TestDateTimeText(t *testing.T) {
	t.Run("unmarshal valid", func(t *testing.T) {
		var d soap.DateTime
		if err := d.UnmarshalText([]byte("2023-09-19T01:24:38.1234567Z")); err != nil {
			t.Fatal(err)
		}
		if d.String() != "2023-09-19T01:24:38.1234567Z" {
			t.Fatalf("String() = %q", d)
		}
	})
	t.Run("unmarshal invalid leaves value", func(t *testing.T) {
		d := soap.DateTimeFromWire("2023-09-19T01:24:38Z")
		err := d.UnmarshalText([]byte("2023-09-19 01:24:38"))
		dtWantLexErr(t, err, "xs:dateTime", "2023-09-19 01:24:38")
		if d.String() != "2023-09-19T01:24:38Z" {
			t.Fatalf("value changed to %q", d)
		}
	})
	t.Run("encoding/xml round trip", func(t *testing.T) {
		type msg struct {
			XMLName xml.Name      `xml:"m"`
			At      soap.DateTime `xml:"at"`
			Attr    soap.DateTime `xml:"a,attr"`
		}
		in := `<m a="2023-09-19T01:24:38+02:00"><at>2023-09-19T01:24:38.1234567</at></m>`
		var v msg
		if err := xml.Unmarshal([]byte(in), &v); err != nil {
			t.Fatal(err)
		}
		out, err := xml.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != in {
			t.Fatalf("re-encoded as\n%s\nwant\n%s", out, in)
		}
	})
}

// ---------------------------------------------------------------------------
// Date

func TestDateParse(t *testing.T) {
	valid := []struct {
		in      string
		want    time.Time
		hasZone bool
	}{
		{"2023-09-19", time.Date(2023, 9, 19, 0, 0, 0, 0, time.UTC), false},
		{"2023-09-19Z", time.Date(2023, 9, 19, 0, 0, 0, 0, time.UTC), true},
		{"2023-09-19+02:00", time.Date(2023, 9, 19, 0, 0, 0, 0, dtZone(2, 0)), true},
		{"2023-09-19-05:00", time.Date(2023, 9, 19, 0, 0, 0, 0, dtZone(-5, 0)), true},
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), false},
		{"0001-01-01", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"12023-01-31", time.Date(12023, 1, 31, 0, 0, 0, 0, time.UTC), false},
		{" 2023-09-19\n", time.Date(2023, 9, 19, 0, 0, 0, 0, time.UTC), false},
	}
	for _, c := range valid {
		t.Run(c.in, func(t *testing.T) {
			d, err := soap.ParseDate(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != dtCollapse(c.in) || d.IsZero() || d.HasZone() != c.hasZone {
				t.Fatalf("String() = %q, IsZero() = %v, HasZone() = %v", d, d.IsZero(), d.HasZone())
			}
			got, err := d.Time()
			if err != nil {
				t.Fatal(err)
			}
			dtSameTime(t, got, c.want)
		})
	}
	t.Run("negative year", func(t *testing.T) {
		d, err := soap.ParseDate("-0044-03-15")
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.Time()
		dtWantConvErr(t, err, "negative (BCE) years")
	})
	invalid := []string{
		"", "2023-09-19T00:00:00", "2023-9-19", "2023-09-1", "20230919", "2023-02-29", "2023-04-31", "2023-13-01",
		"0000-01-01", "02023-01-01", "2023-09-19 Z", "2023-09-19z", "2023-09-19+14:30", "2023-09-19+02", "23-09-19",
		"2023/09/19", "2023-09-19T", "2023-09-19-",
	}
	for _, in := range invalid {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			d, err := soap.ParseDate(in)
			if err == nil {
				t.Fatalf("ParseDate = %q, nil; want error", d)
			}
			dtWantLexErr(t, err, "xs:date", in)
			w := soap.DateFromWire(in)
			if w.String() != in || w.IsZero() {
				t.Fatalf("DateFromWire: String() = %q, IsZero() = %v", w, w.IsZero())
			}
			_, err = w.Time()
			dtWantLexErr(t, err, "xs:date", in)
		})
	}
}

func TestDateNewZeroCompare(t *testing.T) {
	t.Run("new", func(t *testing.T) {
		cases := map[string]time.Time{
			"2023-09-19":  time.Date(2023, 9, 19, 2, 0, 0, 0, dtZone(5, 30)), // 2023-09-18 in UTC
			"2023-09-18":  time.Date(2023, 9, 18, 23, 59, 59, 999999999, dtZone(-12, 0)),
			"0001-01-01":  {},
			"12345-06-07": time.Date(12345, 6, 7, 0, 0, 0, 0, time.UTC),
		}
		for want, in := range cases {
			if got := soap.NewDate(in).String(); got != want {
				t.Errorf("NewDate(%v) = %q, want %q", in, got, want)
			}
		}
	})
	t.Run("zero", func(t *testing.T) {
		var z soap.Date
		if !z.IsZero() || z.String() != "0001-01-01" || z.HasZone() {
			t.Fatalf("zero Date: IsZero() = %v, String() = %q", z.IsZero(), z)
		}
		tm, err := z.Time()
		if err != nil || !tm.Equal(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("Time() = %v, %v", tm, err)
		}
		if z.Equal(soap.DateFromWire("0001-01-01")) || soap.DateFromWire("0001-01-01").IsZero() {
			t.Fatal("zero Date equals decoded 0001-01-01")
		}
	})
	t.Run("compare", func(t *testing.T) {
		vs := []soap.Date{
			soap.DateFromWire("2023-09-19-12:00"), // 2023-09-19T12:00Z
			soap.DateFromWire("bad"),
			soap.DateFromWire("2023-09-19+14:00"), // 2023-09-18T10:00Z
			soap.DateFromWire("2023-09-19Z"),
			soap.DateFromWire("2023-09-19"),
			soap.DateFromWire("2023-09-18Z"),
			{},
		}
		slices.SortFunc(vs, soap.Date.Compare)
		var got []string
		for _, v := range vs {
			got = append(got, v.String())
		}
		want := []string{"0001-01-01", "2023-09-18Z", "2023-09-19+14:00", "2023-09-19", "2023-09-19Z", "2023-09-19-12:00", "bad"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sorted order (-want +got):\n%s", diff)
		}
		dtCheckTotalOrder(t, vs, soap.Date.Compare, soap.Date.Equal)
	})
	t.Run("text", func(t *testing.T) {
		var d soap.Date
		if err := d.UnmarshalText([]byte("2023-09-19+02:00")); err != nil || d.String() != "2023-09-19+02:00" {
			t.Fatalf("UnmarshalText: %q, %v", d, err)
		}
		err := d.UnmarshalText([]byte("2023-09-19T00:00:00"))
		dtWantLexErr(t, err, "xs:date", "2023-09-19T00:00:00")
		if b, _ := d.MarshalText(); string(b) != "2023-09-19+02:00" {
			t.Fatalf("MarshalText = %q", b)
		}
	})
	t.Run("map key", func(t *testing.T) {
		m := map[soap.Date]bool{soap.DateFromWire("2023-09-19"): true}
		if d, _ := soap.ParseDate("2023-09-19"); !m[d] {
			t.Fatal("lookup by equal Date failed")
		}
	})
}

// ---------------------------------------------------------------------------
// TimeOfDay

func TestTimeOfDayParse(t *testing.T) {
	type clock struct{ h, m, s, ns int }
	valid := []struct {
		in      string
		want    clock
		hasZone bool
	}{
		{"01:24:38", clock{1, 24, 38, 0}, false},
		{"01:24:38Z", clock{1, 24, 38, 0}, true},
		{"01:24:38.1234567+02:00", clock{1, 24, 38, 123456700}, true},
		{"23:59:59.999999999999", clock{23, 59, 59, 999999999}, false},
		{"00:00:00-14:00", clock{0, 0, 0, 0}, true},
		{"24:00:00", clock{0, 0, 0, 0}, false},
		{"24:00:00.00Z", clock{0, 0, 0, 0}, true},
		{" 12:00:00 ", clock{12, 0, 0, 0}, false},
	}
	for _, c := range valid {
		t.Run(c.in, func(t *testing.T) {
			v, err := soap.ParseTimeOfDay(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if v.String() != dtCollapse(c.in) || v.IsZero() || v.HasZone() != c.hasZone {
				t.Fatalf("String() = %q, IsZero() = %v, HasZone() = %v", v, v.IsZero(), v.HasZone())
			}
			h, m, s, ns, err := v.Clock()
			if err != nil {
				t.Fatal(err)
			}
			if got := (clock{h, m, s, ns}); got != c.want {
				t.Fatalf("Clock() = %v, want %v", got, c.want)
			}
		})
	}
	invalid := []string{
		"", "1:24:38", "01:24", "01:24:60", "01:60:00", "25:00:00", "24:00:01", "24:00:00.5", "01:24:38.",
		"T01:24:38", "01:24:38+2:00", "01:24:38+15:00", "01-24-38", "01:24:38 Z", "2023-09-19T01:24:38", "012438",
	}
	for _, in := range invalid {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			v, err := soap.ParseTimeOfDay(in)
			if err == nil {
				t.Fatalf("ParseTimeOfDay = %q, nil; want error", v)
			}
			dtWantLexErr(t, err, "xs:time", in)
			w := soap.TimeOfDayFromWire(in)
			if w.String() != in || w.IsZero() {
				t.Fatalf("TimeOfDayFromWire: String() = %q", w)
			}
			_, _, _, _, err = w.Clock()
			dtWantLexErr(t, err, "xs:time", in)
		})
	}
}

func TestTimeOfDayNewZeroCompare(t *testing.T) {
	t.Run("new", func(t *testing.T) {
		cases := map[string]time.Time{
			"01:24:38":         time.Date(2023, 9, 19, 1, 24, 38, 0, time.UTC),
			"01:24:38.1234567": time.Date(2023, 9, 19, 1, 24, 38, 123456789, dtZone(5, 30)),
			"23:59:59.5":       time.Date(2023, 9, 19, 23, 59, 59, 500000000, dtZone(-8, 0)),
			"00:00:00":         {},
			"00:00:00.0000001": time.Date(1, 1, 1, 0, 0, 0, 100, time.UTC),
		}
		for want, in := range cases {
			got := soap.NewTimeOfDay(in)
			if got.String() != want || got.HasZone() {
				t.Errorf("NewTimeOfDay(%v) = %q, want %q", in, got, want)
			}
		}
	})
	t.Run("zero", func(t *testing.T) {
		var z soap.TimeOfDay
		h, m, s, ns, err := z.Clock()
		if !z.IsZero() || z.String() != "00:00:00" || h|m|s|ns != 0 || err != nil {
			t.Fatalf("zero TimeOfDay: %q %d %d %d %d %v", z, h, m, s, ns, err)
		}
		if z.Equal(soap.TimeOfDayFromWire("00:00:00")) {
			t.Fatal("zero equals decoded 00:00:00")
		}
	})
	t.Run("compare", func(t *testing.T) {
		vs := []soap.TimeOfDay{
			soap.TimeOfDayFromWire("23:00:00-02:00"), // 25:00 UTC on the reference day
			soap.TimeOfDayFromWire("02:00:00Z"),
			soap.TimeOfDayFromWire("10:00:00+02:00"), // 08:00 UTC
			soap.TimeOfDayFromWire("08:00:00Z"),
			soap.TimeOfDayFromWire("24:00:00"),
			soap.TimeOfDayFromWire("00:00:00"),
			soap.TimeOfDayFromWire("x"),
			{},
			soap.TimeOfDayFromWire("08:00:00.0000001"),
		}
		slices.SortFunc(vs, soap.TimeOfDay.Compare)
		var got []string
		for _, v := range vs {
			got = append(got, v.String())
		}
		want := []string{"00:00:00", "00:00:00", "24:00:00", "02:00:00Z", "08:00:00Z", "10:00:00+02:00",
			"08:00:00.0000001", "23:00:00-02:00", "x"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sorted order (-want +got):\n%s", diff)
		}
		if !vs[0].IsZero() {
			t.Error("the zero TimeOfDay does not sort first")
		}
		dtCheckTotalOrder(t, vs, soap.TimeOfDay.Compare, soap.TimeOfDay.Equal)
	})
	t.Run("text", func(t *testing.T) {
		var v soap.TimeOfDay
		if err := v.UnmarshalText([]byte("01:24:38Z")); err != nil || v.String() != "01:24:38Z" {
			t.Fatalf("UnmarshalText: %q, %v", v, err)
		}
		err := v.UnmarshalText([]byte("1:24:38"))
		dtWantLexErr(t, err, "xs:time", "1:24:38")
		if b, _ := v.MarshalText(); string(b) != "01:24:38Z" {
			t.Fatalf("MarshalText = %q", b)
		}
	})
}

// ---------------------------------------------------------------------------
// Duration

func TestDurationParse(t *testing.T) {
	valid := []struct {
		in   string
		want time.Duration
		err  string // conversion error substring, "" for none
	}{
		{"P1DT2H", 26 * time.Hour, ""},
		{"-PT0.5S", -500 * time.Millisecond, ""},
		{"PT0S", 0, ""},
		{"P0D", 0, ""},
		{"-P0D", 0, ""},
		{"PT36H", 36 * time.Hour, ""},
		{"PT90M", 90 * time.Minute, ""},
		{"PT1H30M", 90 * time.Minute, ""},
		{"P2DT3H4M5.5S", 2*24*time.Hour + 3*time.Hour + 4*time.Minute + 5500*time.Millisecond, ""},
		{"PT1.123456789123S", 1123456789 * time.Nanosecond, ""},
		{"PT0.0000001S", 100 * time.Nanosecond, ""},
		{"PT1.S", time.Second, ""},     // XSD 1.1 syntax, accepted
		{"PT.5S", time.Second / 2, ""}, // XSD 1.1 syntax, accepted
		{"P0Y0M1D", 24 * time.Hour, ""},
		{"P0001D", 24 * time.Hour, ""},
		{" PT1H\n", time.Hour, ""},
		{"PT9223372036.854775807S", math.MaxInt64, ""},
		{"-PT9223372036.854775808S", math.MinInt64, ""},
		{"P106751DT23H47M16.854775807S", math.MaxInt64, ""},
		{"PT9223372036.854775808S", 0, "value out of range"},
		{"P200000D", 0, "value out of range"},
		{"PT99999999999999999999999H", 0, "value out of range"},
		{"P1Y", 0, "years and months have no fixed length"},
		{"P1M", 0, "years and months have no fixed length"},
		{"-P1Y2M", 0, "years and months have no fixed length"},
		{"P1Y2M3DT4H5M6.789S", 0, "years and months have no fixed length"},
		{"P99999999999999999999Y", 0, "years and months have no fixed length"},
	}
	for _, c := range valid {
		t.Run(c.in, func(t *testing.T) {
			d, err := soap.ParseDuration(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != dtCollapse(c.in) || d.IsZero() {
				t.Fatalf("String() = %q, IsZero() = %v", d, d.IsZero())
			}
			if w := soap.DurationFromWire(c.in); w != d {
				t.Fatalf("DurationFromWire differs: %#v", w)
			}
			got, err := d.Duration()
			if c.err != "" {
				dtWantConvErr(t, err, c.err)
				if c.err == "value out of range" && !errors.Is(err, strconv.ErrRange) {
					t.Fatalf("error %v does not wrap strconv.ErrRange", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("Duration() = %v, want %v", got, c.want)
			}
		})
	}
	invalid := []string{
		"", " ", "P", "-P", "PT", "P1DT", "-PT", "1Y", "P1S", "P-1Y", "P1M2Y", "P1Y-1M", "P1.5D", "PT1.5M", "PT1.5H",
		"P1YT", "PT1H2H", "P1D1D", "+P1D", "P 1D", "p1d", "P1d", "PT1HT1M", "P1DT1H2S3M", "PT.S", "PT1,5S", "P1DT1H1S1S",
		"P1W", "P1Y2M3D4H", "T1H", "PT-1S", "PT1E3S", "--P1D", "P1DTT1H", "PT1H-", "P1Y1Y",
	}
	for _, in := range invalid {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			d, err := soap.ParseDuration(in)
			if err == nil {
				t.Fatalf("ParseDuration = %q, nil; want error", d)
			}
			dtWantLexErr(t, err, "xs:duration", in)
			w := soap.DurationFromWire(in)
			if w.String() != dtCollapse(in) || w.IsZero() {
				t.Fatalf("DurationFromWire: String() = %q", w)
			}
			_, err = w.Duration()
			dtWantLexErr(t, err, "xs:duration", dtCollapse(in))
		})
	}
}

func TestDurationNew(t *testing.T) {
	cases := []struct {
		in   time.Duration
		want string
	}{
		{0, "PT0S"},
		{90 * time.Minute, "PT1H30M"},
		{26 * time.Hour, "P1DT2H"},
		{24 * time.Hour, "P1D"},
		{time.Second, "PT1S"},
		{time.Minute, "PT1M"},
		{-1500 * time.Millisecond, "-PT1.5S"},
		{-(time.Hour + time.Second), "-PT1H1S"},
		{500 * time.Millisecond, "PT0.5S"},
		{100 * time.Nanosecond, "PT0.0000001S"},
		{150 * time.Nanosecond, "PT0.0000001S"},
		{99 * time.Nanosecond, "PT0S"},
		{-99 * time.Nanosecond, "PT0S"},
		{time.Nanosecond, "PT0S"},
		{1234567891 * time.Nanosecond, "PT1.2345678S"},
		{100*24*time.Hour + time.Millisecond, "P100DT0.001S"},
		{49*time.Hour + 59*time.Second, "P2DT1H59S"},
		{math.MaxInt64, "P106751DT23H47M16.8547758S"},
		{math.MinInt64, "-P106751DT23H47M16.8547758S"},
	}
	for _, c := range cases {
		t.Run(c.want+"/"+c.in.String(), func(t *testing.T) {
			d := soap.NewDuration(c.in)
			if d.String() != c.want {
				t.Fatalf("NewDuration(%v) = %q, want %q", c.in, d, c.want)
			}
			if _, err := soap.ParseDuration(d.String()); err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			got, err := d.Duration()
			if err != nil {
				t.Fatal(err)
			}
			if want := c.in.Truncate(100); got != want {
				t.Fatalf("Duration() = %v, want %v", got, want)
			}
		})
	}
}

func TestDurationZeroCompare(t *testing.T) {
	t.Run("zero", func(t *testing.T) {
		var z soap.Duration
		got, err := z.Duration()
		if !z.IsZero() || z.String() != "PT0S" || got != 0 || err != nil {
			t.Fatalf("zero Duration: IsZero() = %v, String() = %q, Duration() = %v, %v", z.IsZero(), z, got, err)
		}
		if soap.NewDuration(0).IsZero() || z.Equal(soap.NewDuration(0)) {
			t.Fatal("NewDuration(0) is the zero Duration")
		}
	})
	t.Run("compare", func(t *testing.T) {
		vs := []soap.Duration{
			soap.DurationFromWire("PT60M"),
			soap.DurationFromWire("PT1H"),
			soap.DurationFromWire("P1M"),  // 30.436875 days
			soap.DurationFromWire("P30D"), // less than a month
			soap.DurationFromWire("P31D"), // more than a month
			soap.DurationFromWire("P1Y"),  // 365.2425 days
			soap.DurationFromWire("P365D"),
			soap.DurationFromWire("-P1D"),
			soap.DurationFromWire("PT0S"),
			soap.DurationFromWire("-PT0S"),
			soap.DurationFromWire("nonsense"),
			soap.DurationFromWire("PT0.0000000001S"),
			{},
		}
		slices.SortFunc(vs, soap.Duration.Compare)
		var got []string
		for _, v := range vs {
			got = append(got, v.String())
		}
		want := []string{"-P1D", "-PT0S", "PT0S", "PT0S", "PT0.0000000001S", "PT1H", "PT60M", "P30D", "P1M", "P31D",
			"P365D", "P1Y", "nonsense"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sorted order (-want +got):\n%s", diff)
		}
		if !vs[2].IsZero() {
			t.Error("the zero Duration does not sort before the other zero-length ones")
		}
		dtCheckTotalOrder(t, vs, soap.Duration.Compare, soap.Duration.Equal)
	})
	t.Run("text", func(t *testing.T) {
		var d soap.Duration
		if err := d.UnmarshalText([]byte("P1DT2H")); err != nil || d.String() != "P1DT2H" {
			t.Fatalf("UnmarshalText: %q, %v", d, err)
		}
		err := d.UnmarshalText([]byte("P1S"))
		dtWantLexErr(t, err, "xs:duration", "P1S")
		if b, _ := d.MarshalText(); string(b) != "P1DT2H" {
			t.Fatalf("MarshalText = %q", b)
		}
	})
}

// ---------------------------------------------------------------------------
// Decimal

func TestDecimalParse(t *testing.T) {
	valid := []struct {
		in  string
		rat string // big.Rat.RatString of the value
		f   float64
	}{
		{"0", "0", 0},
		{"-0", "0", math.Copysign(0, -1)},
		{"1", "1", 1},
		{"-1.5", "-3/2", -1.5},
		{"+.5", "1/2", 0.5},
		{"5.", "5", 5},
		{".5", "1/2", 0.5},
		{"-.5", "-1/2", -0.5},
		{"00012.3400", "617/50", 12.34},
		{"0.1", "1/10", 0.1},
		{" 1.5\n", "3/2", 1.5},
		{"123456789012345678901234567890.123456789", "123456789012345678901234567890123456789/1000000000", 1.2345678901234568e29},
		{"-9223372036854775809", "-9223372036854775809", -9223372036854775809},
	}
	for _, c := range valid {
		t.Run(c.in, func(t *testing.T) {
			d, err := soap.ParseDecimal(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != dtCollapse(c.in) || d.IsZero() {
				t.Fatalf("String() = %q, IsZero() = %v", d, d.IsZero())
			}
			r, err := d.Rat()
			if err != nil {
				t.Fatal(err)
			}
			if r.RatString() != c.rat {
				t.Fatalf("Rat() = %s, want %s", r.RatString(), c.rat)
			}
			f, err := d.Float64()
			if err != nil {
				t.Fatal(err)
			}
			if !lexSameFloat(f, c.f) {
				t.Fatalf("Float64() = %v, want %v", f, c.f)
			}
		})
	}
	t.Run("float64 overflow", func(t *testing.T) {
		d, err := soap.ParseDecimal("1" + strings.Repeat("0", 400))
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.Float64()
		dtWantConvErr(t, err, "value out of range")
		if !errors.Is(err, strconv.ErrRange) {
			t.Fatalf("error %v does not wrap strconv.ErrRange", err)
		}
		if r, err := d.Rat(); err != nil || r.Cmp(new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil))) != 0 {
			t.Fatalf("Rat() = %v, %v", r, err)
		}
	})
	invalid := []string{"", " ", ".", "+", "-", "+.", "1e5", "1E5", "1.2.3", "NaN", "INF", "-INF", "1,5", "--1", "+-1",
		"0x10", "1_000", "1 000", ". 5", "1.5.", "١"}
	for _, in := range invalid {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			d, err := soap.ParseDecimal(in)
			if err == nil {
				t.Fatalf("ParseDecimal = %q, nil; want error", d)
			}
			dtWantLexErr(t, err, "xs:decimal", in)
			w := soap.DecimalFromWire(in)
			if w.String() != dtCollapse(in) || w.IsZero() {
				t.Fatalf("DecimalFromWire: String() = %q", w)
			}
			_, err = w.Rat()
			dtWantLexErr(t, err, "xs:decimal", dtCollapse(in))
			_, err = w.Float64()
			dtWantLexErr(t, err, "xs:decimal", dtCollapse(in))
		})
	}
}

func TestDecimalNew(t *testing.T) {
	ints := map[int64]string{0: "0", -42: "-42", math.MaxInt64: "9223372036854775807", math.MinInt64: "-9223372036854775808"}
	for in, want := range ints {
		t.Run(want, func(t *testing.T) {
			if got := soap.NewDecimalFromInt(in).String(); got != want {
				t.Fatalf("NewDecimalFromInt(%d) = %q, want %q", in, got, want)
			}
		})
	}
	floats := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{0.1, "0.1"},
		{-1.5, "-1.5"},
		{1e21, "1000000000000000000000"},
		{123456789.125, "123456789.125"},
		{math.SmallestNonzeroFloat64, "0." + strings.Repeat("0", 323) + "5"},
		{math.MaxFloat64, "179769313486231570" + strings.Repeat("0", 291)},
	}
	for _, c := range floats {
		t.Run(strconv.FormatFloat(c.in, 'g', -1, 64), func(t *testing.T) {
			d := soap.NewDecimalFromFloat(c.in)
			if d.String() != c.want {
				t.Fatalf("NewDecimalFromFloat(%v) = %q, want %q", c.in, d, c.want)
			}
			d2, err := soap.DecimalFromFloat(c.in)
			if err != nil || d2 != d {
				t.Fatalf("DecimalFromFloat = %q, %v", d2, err)
			}
			if _, err := soap.ParseDecimal(d.String()); err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			f, err := d.Float64()
			if err != nil || !lexSameFloat(f, c.in) {
				t.Fatalf("Float64() = %v, %v; want %v", f, err, c.in)
			}
		})
	}
	for _, in := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		t.Run(strconv.FormatFloat(in, 'g', -1, 64), func(t *testing.T) {
			if d := soap.NewDecimalFromFloat(in); !d.IsZero() {
				t.Fatalf("NewDecimalFromFloat(%v) = %q, want the zero Decimal", in, d)
			}
			d, err := soap.DecimalFromFloat(in)
			dtWantLexErr(t, err, "xs:decimal", strconv.FormatFloat(in, 'g', -1, 64))
			if !d.IsZero() {
				t.Fatalf("DecimalFromFloat(%v) returned %q with the error", in, d)
			}
		})
	}
}

func TestDecimalZeroCompare(t *testing.T) {
	t.Run("zero", func(t *testing.T) {
		var z soap.Decimal
		r, err := z.Rat()
		if err != nil || r.Sign() != 0 {
			t.Fatalf("Rat() = %v, %v", r, err)
		}
		f, err := z.Float64()
		if !z.IsZero() || z.String() != "0" || f != 0 || err != nil {
			t.Fatalf("zero Decimal: IsZero() = %v, String() = %q, Float64() = %v, %v", z.IsZero(), z, f, err)
		}
		if z.Equal(soap.NewDecimalFromInt(0)) || soap.NewDecimalFromInt(0).IsZero() {
			t.Fatal("NewDecimalFromInt(0) is the zero Decimal")
		}
	})
	t.Run("compare", func(t *testing.T) {
		vs := []soap.Decimal{
			soap.DecimalFromWire("1.0"),
			soap.DecimalFromWire("1"),
			soap.DecimalFromWire("-2"),
			soap.DecimalFromWire("9.99"),
			soap.DecimalFromWire("10"),
			soap.DecimalFromWire("abc"),
			soap.DecimalFromWire("0"),
			soap.DecimalFromWire("-0"),
			soap.DecimalFromWire("0.30000000000000000000000000000000000001"),
			soap.DecimalFromWire("0.3"),
			{},
		}
		slices.SortFunc(vs, soap.Decimal.Compare)
		var got []string
		for _, v := range vs {
			got = append(got, v.String())
		}
		want := []string{"-2", "-0", "0", "0", "0.3", "0.30000000000000000000000000000000000001", "1", "1.0", "9.99", "10", "abc"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sorted order (-want +got):\n%s", diff)
		}
		if !vs[2].IsZero() {
			t.Error("the zero Decimal does not sort before decoded \"0\"")
		}
		dtCheckTotalOrder(t, vs, soap.Decimal.Compare, soap.Decimal.Equal)
	})
	t.Run("text", func(t *testing.T) {
		var d soap.Decimal
		if err := d.UnmarshalText([]byte("12.50")); err != nil || d.String() != "12.50" {
			t.Fatalf("UnmarshalText: %q, %v", d, err)
		}
		err := d.UnmarshalText([]byte("1e5"))
		dtWantLexErr(t, err, "xs:decimal", "1e5")
		if b, _ := d.MarshalText(); string(b) != "12.50" {
			t.Fatalf("MarshalText = %q", b)
		}
	})
}

// ---------------------------------------------------------------------------
// Fuzz targets. Under plain "go test" only the seeds run.

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{
		"2023-09-19T01:24:38", "2023-09-19T01:24:38Z", "2023-09-19T01:24:38+02:00", "2023-09-19T01:24:38-05:00",
		"2023-09-19T01:24:38.1234567Z", "2023-09-19T24:00:00", "-0001-01-01T00:00:00", "12023-09-19T01:24:38Z",
		"2023-09-19T01:24:38.123456789999+14:00", " 2024-02-29T00:00:00 ", "1000000000-01-01T00:00:00",
	} {
		f.Add(s)
	}
	for _, s := range dtInvalidDateTimes {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := soap.DateTimeFromWire(s)
		_, _ = w.Time()
		_ = w.HasZone()
		_ = w.Compare(soap.DateTime{})
		d, err := soap.ParseDateTime(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		if d.String() != dtCollapse(s) {
			t.Fatalf("String() = %q, want %q", d, dtCollapse(s))
		}
		tm, err := d.Time()
		if err != nil || tm.Year() > 999999999 {
			// The year limit: "999999999-12-31T24:00:00" converts, but
			// its successor year is past what Time accepts.
			return
		}
		// NewDateTime of the instant parses and gives back the same
		// instant, truncated to 100ns.
		n := soap.NewDateTime(tm)
		if _, err := soap.ParseDateTime(n.String()); err != nil {
			t.Fatalf("NewDateTime(%v) = %q does not parse: %v", tm, n, err)
		}
		back, err := n.Time()
		if err != nil || !back.Equal(tm.Truncate(100)) {
			t.Fatalf("%q: NewDateTime(%v) = %q gives back %v, %v", s, tm, n, back, err)
		}
		if d.Compare(d) != 0 || d.Compare(n) != -n.Compare(d) {
			t.Fatalf("%q: Compare is not consistent", s)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-09-19", "2023-09-19Z", "2023-09-19+02:00", "-0044-03-15", "2023-02-29", "12023-01-01",
		"0000-01-01", " 2023-09-19 ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = soap.DateFromWire(s).Time()
		d, err := soap.ParseDate(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		if d.String() != dtCollapse(s) {
			t.Fatalf("String() = %q, want %q", d, dtCollapse(s))
		}
		tm, err := d.Time()
		if err != nil {
			return
		}
		n := soap.NewDate(tm)
		back, err := n.Time()
		if err != nil || back.Year() != tm.Year() || back.YearDay() != tm.YearDay() {
			t.Fatalf("%q: NewDate(%v) = %q gives back %v, %v", s, tm, n, back, err)
		}
		if d.Compare(d) != 0 {
			t.Fatalf("%q: Compare(self) != 0", s)
		}
	})
}

func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"01:24:38", "01:24:38Z", "01:24:38.1234567+02:00", "24:00:00", "23:59:59.999999999999",
		"24:00:01", "1:24:38", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _, _, _, _ = soap.TimeOfDayFromWire(s).Clock()
		v, err := soap.ParseTimeOfDay(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		if v.String() != s {
			t.Fatalf("String() = %q, want %q", v, s)
		}
		h, m, sec, ns, err := v.Clock()
		if err != nil {
			t.Fatalf("%q parses but Clock fails: %v", s, err)
		}
		n := soap.NewTimeOfDay(time.Date(2000, 1, 1, h, m, sec, ns, time.UTC))
		h2, m2, s2, ns2, err := n.Clock()
		if err != nil || h2 != h || m2 != m || s2 != sec || ns2 != ns/100*100 {
			t.Fatalf("%q: NewTimeOfDay round trip gives %q", s, n)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"P1DT2H", "-PT0.5S", "P1Y2M", "PT0S", "PT1.S", "PT.5S", "PT9223372036.854775808S", "P1S",
		"PT", "P", "P1Y2M3DT4H5M6.789S", "-P106751DT23H47M16.854775808S", " PT1H "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = soap.DurationFromWire(s).Duration()
		d, err := soap.ParseDuration(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		if d.String() != dtCollapse(s) {
			t.Fatalf("String() = %q, want %q", d, dtCollapse(s))
		}
		v, err := d.Duration()
		if err != nil {
			var le *soap.LexicalError
			if errors.As(err, &le) {
				t.Fatalf("%q parses but Duration reports a lexical error: %v", s, err)
			}
			return
		}
		n := soap.NewDuration(v)
		back, err := n.Duration()
		if err != nil || back != v.Truncate(100) {
			t.Fatalf("%q: NewDuration(%v) = %q gives back %v, %v", s, v, n, back, err)
		}
		if d.Compare(d) != 0 || d.Compare(n) != -n.Compare(d) {
			t.Fatalf("%q: Compare is not consistent", s)
		}
	})
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0", "1.5", "+.5", "5.", "00012.3400", "1e5", ".", "", " 1 ",
		"123456789012345678901234567890.123456789"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := soap.DecimalFromWire(s)
		_, _ = w.Rat()
		_, _ = w.Float64()
		d, err := soap.ParseDecimal(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		if d.String() != dtCollapse(s) {
			t.Fatalf("String() = %q, want %q", d, dtCollapse(s))
		}
		r, err := d.Rat()
		if err != nil {
			t.Fatalf("%q parses but Rat fails: %v", s, err)
		}
		// The exact value survives formatting it again.
		back, err := soap.ParseDecimal(r.FloatString(len(s)))
		if err != nil {
			t.Fatalf("%q: FloatString does not parse: %v", s, err)
		}
		if r2, err := back.Rat(); err != nil || r2.Cmp(r) != 0 {
			t.Fatalf("%q: value changed to %v, %v", s, r2, err)
		}
		// And so does the float64 nearest to it.
		if v, err := d.Float64(); err == nil {
			n := soap.NewDecimalFromFloat(v)
			if v2, err := n.Float64(); err != nil || !lexSameFloat(v2, v) {
				t.Fatalf("%q: NewDecimalFromFloat(%v) = %q gives back %v, %v", s, v, n, v2, err)
			}
		}
		if d.Compare(d) != 0 || d.Compare(back) != -back.Compare(d) {
			t.Fatalf("%q: Compare is not consistent", s)
		}
	})
}

// lexSameFloat reports whether a and b are the same float64, NaN and the sign of zero included.
func lexSameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}
