package soapimpl

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// lexCase is one row of a parse table: the input, the wanted value (when
// ok) and whether a *LexicalError wrapping strconv.ErrRange is wanted (when
// !ok).
type lexCase[T comparable] struct {
	in    string
	want  T
	ok    bool
	isRng bool
}

// lexCheckErr checks that err is a *LexicalError for typ and text in,
// wrapping strconv.ErrRange exactly when rng.
func lexCheckErr(t *testing.T, err error, typ, in string, rng bool) {
	t.Helper()
	var le *soap.LexicalError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *soap.LexicalError", err, err)
	}
	if le.Type != typ || le.Text != in {
		t.Errorf("LexicalError{Type: %q, Text: %q}, want {%q, %q}", le.Type, le.Text, typ, in)
	}
	if got := errors.Is(err, strconv.ErrRange); got != rng {
		t.Errorf("errors.Is(err, strconv.ErrRange) = %v, want %v (err %v)", got, rng, err)
	}
}

// lexRunTable runs a parse table against parse.
func lexRunTable[T comparable](t *testing.T, typ string, parse func(string) (T, error), cases []lexCase[T]) {
	t.Helper()
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q", c.in), func(t *testing.T) {
			got, err := parse(c.in)
			if c.ok {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if got != c.want {
					t.Fatalf("got %v, want %v", got, c.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("got %v, nil; want error", got)
			}
			lexCheckErr(t, err, typ, c.in, c.isRng)
		})
	}
}

func lexOK[T comparable](in string, want T) lexCase[T] {
	return lexCase[T]{in: in, want: want, ok: true}
}
func lexBad[T comparable](in string) lexCase[T]   { return lexCase[T]{in: in} }
func lexRange[T comparable](in string) lexCase[T] { return lexCase[T]{in: in, isRng: true} }

// lexBadInts are invalid for every integer type.
var lexBadInts = []string{
	"", " ", "+", "-", "12a", "0x10", "1_000", "1.0", "1e3", "++1", "+-1", "1 2", "١٢", "\u00a012",
	"Infinity", "0b1", "0o7",
}

func lexIntCases[T comparable](extra ...lexCase[T]) []lexCase[T] {
	cs := append([]lexCase[T](nil), extra...)
	for _, s := range lexBadInts {
		cs = append(cs, lexBad[T](s))
	}
	return cs
}

func TestLexicalParseInt8(t *testing.T) {
	lexRunTable(t, "xs:byte", lexParseInt8, lexIntCases(
		lexOK[int8]("0", 0), lexOK[int8]("-0", 0), lexOK[int8]("+0", 0),
		lexOK[int8]("127", 127), lexOK[int8]("-128", -128), lexOK[int8]("+127", 127),
		lexOK[int8]("007", 7), lexOK[int8]("-0000128", -128),
		lexOK[int8](" \t\n\r42\r\n\t ", 42),
		lexRange[int8]("128"), lexRange[int8]("-129"), lexRange[int8]("99999999999999999999999"),
	))
}

func TestLexicalParseInt16(t *testing.T) {
	lexRunTable(t, "xs:short", lexParseInt16, lexIntCases(
		lexOK[int16]("32767", 32767), lexOK[int16]("-32768", -32768), lexOK[int16]("+1", 1),
		lexRange[int16]("32768"), lexRange[int16]("-32769"),
	))
}

func TestLexicalParseInt32(t *testing.T) {
	lexRunTable(t, "xs:int", lexParseInt32, lexIntCases(
		lexOK[int32]("2147483647", math.MaxInt32), lexOK[int32]("-2147483648", math.MinInt32),
		lexOK[int32](" +00012 ", 12),
		lexRange[int32]("2147483648"), lexRange[int32]("-2147483649"),
	))
}

func TestLexicalParseInt64(t *testing.T) {
	lexRunTable(t, "xs:long", lexParseInt64, lexIntCases(
		lexOK[int64]("9223372036854775807", math.MaxInt64), lexOK[int64]("-9223372036854775808", math.MinInt64),
		lexOK[int64]("+9223372036854775807", math.MaxInt64),
		lexRange[int64]("9223372036854775808"), lexRange[int64]("-9223372036854775809"),
	))
}

func TestLexicalParseUint8(t *testing.T) {
	lexRunTable(t, "xs:unsignedByte", lexParseUint8, lexIntCases(
		lexOK[uint8]("0", 0), lexOK[uint8]("255", 255), lexOK[uint8]("+255", 255), lexOK[uint8]("0255", 255),
		lexOK[uint8]("-0", 0), lexOK[uint8]("-000", 0), lexOK[uint8](" 1 ", 1),
		lexRange[uint8]("256"), lexRange[uint8]("-1"), lexRange[uint8]("-01"),
	))
}

func TestLexicalParseUint16(t *testing.T) {
	lexRunTable(t, "xs:unsignedShort", lexParseUint16, lexIntCases(
		lexOK[uint16]("65535", 65535), lexOK[uint16]("+0", 0),
		lexRange[uint16]("65536"), lexRange[uint16]("-1"),
	))
}

func TestLexicalParseUint32(t *testing.T) {
	lexRunTable(t, "xs:unsignedInt", lexParseUint32, lexIntCases(
		lexOK[uint32]("4294967295", math.MaxUint32),
		lexRange[uint32]("4294967296"), lexRange[uint32]("-4294967295"),
	))
}

func TestLexicalParseUint64(t *testing.T) {
	lexRunTable(t, "xs:unsignedLong", lexParseUint64, lexIntCases(
		lexOK[uint64]("18446744073709551615", math.MaxUint64), lexOK[uint64]("+18446744073709551615", math.MaxUint64),
		lexRange[uint64]("18446744073709551616"), lexRange[uint64]("-18446744073709551615"),
	))
}

func TestLexicalFormatInt(t *testing.T) {
	for _, c := range []struct {
		in   int64
		want string
	}{{0, "0"}, {-1, "-1"}, {math.MaxInt64, "9223372036854775807"}, {math.MinInt64, "-9223372036854775808"}} {
		t.Run(c.want, func(t *testing.T) {
			if got := lexFormatInt(c.in); got != c.want {
				t.Fatalf("FormatInt(%d) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	for _, c := range []struct {
		in   uint64
		want string
	}{{0, "0"}, {math.MaxUint64, "18446744073709551615"}} {
		t.Run(c.want, func(t *testing.T) {
			if got := lexFormatUint(c.in); got != c.want {
				t.Fatalf("FormatUint(%d) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestLexicalParseBool(t *testing.T) {
	lexRunTable(t, "xs:boolean", lexParseBool, []lexCase[bool]{
		lexOK("true", true), lexOK("false", false), lexOK("1", true), lexOK("0", false),
		lexOK(" \n true \t", true), lexOK("\r\n0\n", false),
		lexBad[bool](""), lexBad[bool]("True"), lexBad[bool]("TRUE"), lexBad[bool]("yes"), lexBad[bool]("t"),
		lexBad[bool]("01"), lexBad[bool]("-0"), lexBad[bool]("+1"), lexBad[bool]("tr ue"),
	})
	if lexFormatBool(true) != "true" || lexFormatBool(false) != "false" {
		t.Errorf("FormatBool: got %q, %q", lexFormatBool(true), lexFormatBool(false))
	}
}

func TestLexicalErrorMessage(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"syntax", lexErrOf(lexParseInt32("12a")), `soap: "12a" is not a valid xs:int`},
		{"range", lexErrOf(lexParseInt8("128")), `soap: "128" is not a valid xs:byte: value out of range`},
		{"long", lexErrOf(lexParseInt64(strings.Repeat("9", 100))),
			`soap: "` + strings.Repeat("9", 64) + `"... is not a valid xs:long: value out of range`},
		// 63 ASCII bytes and a 2-byte rune: cut before the rune, not inside it.
		{"utf8", lexErrOf(lexParseBool(strings.Repeat("a", 63) + "éé")),
			`soap: "` + strings.Repeat("a", 63) + `"... is not a valid xs:boolean`},
		{"quoted", lexErrOf(lexParseBool("x\"\n")), `soap: "x\"\n" is not a valid xs:boolean`},
		{"cause", &soap.LexicalError{Type: "xs:foo", Text: "t", Err: errors.New("why")}, `soap: "t" is not a valid xs:foo: why`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.err.Error(); got != c.want {
				t.Fatalf("Error() =\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	t.Run("unwrap", func(t *testing.T) {
		cause := errors.New("cause")
		e := &soap.LexicalError{Type: "xs:int", Text: "x", Err: cause}
		if e.Unwrap() != cause || !errors.Is(e, cause) {
			t.Fatal("Unwrap does not return the cause")
		}
		if (&soap.LexicalError{}).Unwrap() != nil {
			t.Fatal("Unwrap of a LexicalError without cause is not nil")
		}
	})
}

func lexErrOf[T any](_ T, err error) error { return err }

// lexSameFloat reports whether a and b are the same float64, telling -0
// from +0 and treating all NaNs as equal.
func lexSameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}

// lexBadFloats are invalid for both float types.
var lexBadFloats = []string{
	"", " ", "+", "-", ".", "e5", "1e", "1e+", "1.e", "--1", "1..2", "1.2.3", "1e5.5", "1 e5",
	"Inf", "inf", "+Inf", "-Inf", "Infinity", "-infinity", "INFINITY", "nan", "NAN", "-NaN", "+NaN", "-nan",
	"0x1p-2", "0x10", "1_000", "1_0.5", "1f", "1d", "1,5", "I NF", "1\u00a0",
}

func lexFloatCases(valid map[string]float64, extra ...lexCase[float64]) []lexCase[float64] {
	var cs []lexCase[float64]
	for in, want := range valid {
		cs = append(cs, lexOK(in, want))
	}
	for _, s := range lexBadFloats {
		cs = append(cs, lexBad[float64](s))
	}
	return append(cs, extra...)
}

// lexFloatTable checks parse against cases with lexSameFloat.
func lexFloatTable(t *testing.T, typ string, parse func(string) (float64, error), cases []lexCase[float64]) {
	t.Helper()
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q", c.in), func(t *testing.T) {
			got, err := parse(c.in)
			if c.ok {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if !lexSameFloat(got, c.want) {
					t.Fatalf("got %v, want %v", got, c.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("got %v, nil; want error", got)
			}
			lexCheckErr(t, err, typ, c.in, c.isRng)
		})
	}
}

var lexValidFloats = map[string]float64{
	"0": 0, "-0": math.Copysign(0, -1), "+0": 0, "0.0": 0, "1": 1, "-1": -1, "+1.5": 1.5,
	".5": 0.5, "5.": 5, "-.5": -0.5, "+5.": 5, "1e3": 1000, "1E3": 1000, "1e+3": 1000, "1e-3": 0.001,
	"1.5E-2": 0.015, ".5e1": 5, "5.e1": 50, "0012.50": 12.5, "1e0003": 1000,
	"INF": math.Inf(1), "+INF": math.Inf(1), "-INF": math.Inf(-1), "NaN": math.NaN(),
	" \n INF \t": math.Inf(1), "\t12.5\r\n": 12.5,
}

func TestLexicalParseFloat64(t *testing.T) {
	valid := map[string]float64{
		"0.1":                     0.1,
		"1.7976931348623157E+308": math.MaxFloat64,
		"4.9406564584124654E-324": math.SmallestNonzeroFloat64,
		"5E-324":                  math.SmallestNonzeroFloat64,
		"1e-400":                  0, // underflow rounds to zero
	}
	for k, v := range lexValidFloats {
		valid[k] = v
	}
	lexFloatTable(t, "xs:double", lexParseFloat64, lexFloatCases(valid,
		lexRange[float64]("1e309"), lexRange[float64]("-1.8e308")))
}

func TestLexicalParseFloat32(t *testing.T) {
	valid := map[string]float64{
		"0.1":            float64(float32(0.1)),
		"3.4028235E+38":  math.MaxFloat32,
		"1E-45":          math.SmallestNonzeroFloat32,
		"16777217":       16777216, // rounded to float32
		"1.0000001":      float64(float32(1.0000001)),
		"-3.4028235E+38": -math.MaxFloat32,
	}
	for k, v := range lexValidFloats {
		valid[k] = float64(float32(v))
	}
	parse := func(s string) (float64, error) {
		v, err := lexParseFloat32(s)
		return float64(v), err
	}
	lexFloatTable(t, "xs:float", parse, lexFloatCases(valid,
		lexRange[float64]("3.5e38"), lexRange[float64]("-1e39")))
}

var lexFloat64Spread = []float64{
	0, math.Copysign(0, -1), 0.1, 0.2, 0.3, 1, -1, 1.5, 100, 1e20, 1e21, 1e22, 1e-5, 1e-7, 123456789, 1.23456789e-300,
	math.Pi, -math.E, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
	math.MaxInt64, 1 << 53, 1<<53 + 2, math.Inf(1), math.Inf(-1), math.NaN(),
}

func TestLexicalFormatFloat64(t *testing.T) {
	exact := map[float64]string{
		0.1: "0.1", 1e21: "1E+21", 100: "100", 1e-5: "1E-05", 1.5: "1.5", math.MaxFloat64: "1.7976931348623157E+308",
		math.SmallestNonzeroFloat64: "5E-324",
	}
	for in, want := range exact {
		t.Run(want, func(t *testing.T) {
			if got := lexFormatFloat64(in); got != want {
				t.Fatalf("FormatFloat64(%v) = %q, want %q", in, got, want)
			}
		})
	}
	specials := []struct {
		in   float64
		want string
	}{{math.NaN(), "NaN"}, {math.Inf(1), "INF"}, {math.Inf(-1), "-INF"}, {math.Copysign(0, -1), "-0"}, {0, "0"}}
	for _, c := range specials {
		t.Run(c.want, func(t *testing.T) {
			if got := lexFormatFloat64(c.in); got != c.want {
				t.Fatalf("FormatFloat64(%v) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	for _, v := range lexFloat64Spread {
		t.Run("roundtrip/"+strconv.FormatFloat(v, 'g', -1, 64), func(t *testing.T) {
			s := lexFormatFloat64(v)
			got, err := lexParseFloat64(s)
			if err != nil {
				t.Fatalf("ParseFloat64(%q): %v", s, err)
			}
			if !lexSameFloat(got, v) {
				t.Fatalf("ParseFloat64(FormatFloat64(%v) = %q) = %v", v, s, got)
			}
		})
	}
}

func TestLexicalFormatFloat32(t *testing.T) {
	specials := []struct {
		in   float32
		want string
	}{
		{float32(math.NaN()), "NaN"}, {float32(math.Inf(1)), "INF"}, {float32(math.Inf(-1)), "-INF"},
		{float32(math.Copysign(0, -1)), "-0"}, {0.1, "0.1"}, {1e21, "1E+21"}, {math.MaxFloat32, "3.4028235E+38"},
		{math.SmallestNonzeroFloat32, "1E-45"},
	}
	for _, c := range specials {
		t.Run(c.want, func(t *testing.T) {
			if got := lexFormatFloat32(c.in); got != c.want {
				t.Fatalf("FormatFloat32(%v) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	for _, v64 := range lexFloat64Spread {
		v := float32(v64)
		t.Run("roundtrip/"+strconv.FormatFloat(float64(v), 'g', -1, 32), func(t *testing.T) {
			s := lexFormatFloat32(v)
			got, err := lexParseFloat32(s)
			if err != nil {
				t.Fatalf("ParseFloat32(%q): %v", s, err)
			}
			if !lexSameFloat(float64(got), float64(v)) {
				t.Fatalf("ParseFloat32(FormatFloat32(%v) = %q) = %v", v, s, got)
			}
		})
	}
}

func TestLexicalParseBase64(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []byte // nil: error wanted
	}{
		{"empty", "", []byte{}},
		{"spaces only", " \n\t\r ", []byte{}},
		{"simple", "aGVsbG8=", []byte("hello")},
		{"no padding needed", "AAEC", []byte{0, 1, 2}},
		{"two pad", "AA==", []byte{0}},
		{"plus slash", "+/+/", []byte{0xfb, 0xff, 0xbf}},
		{"newlines", "aGVs\nbG8=\n", []byte("hello")},
		{"crlf 76 columns", strings.Repeat("QUJD", 19) + "\r\n" + "QUJD", bytes.Repeat([]byte("ABC"), 20)},
		{"spaces everywhere", " a G V s b G 8 = ", []byte("hello")},
		{"tabs", "\taGVsbG8=\t", []byte("hello")},
		{"lenient trailing bits", "AB==", []byte{0}},
		{"missing padding", "aGVsbG8", nil},
		{"bad char", "aGVs*G8=", nil},
		{"url alphabet", "-_-_", nil},
		{"too much padding", "AA===", nil},
		{"nbsp not whitespace", "aGVs\u00a0bG8=", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := lexParseBase64(c.in)
			if c.want == nil {
				if err == nil {
					t.Fatalf("got %x, want error", got)
				}
				lexCheckErr(t, err, "xs:base64Binary", c.in, false)
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got == nil || !bytes.Equal(got, c.want) {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
		})
	}
	t.Run("format", func(t *testing.T) {
		for in, want := range map[string]string{"": "", "hello": "aGVsbG8=", "\xfb\xff\xbf": "+/+/"} {
			if got := lexFormatBase64([]byte(in)); got != want {
				t.Errorf("FormatBase64(%q) = %q, want %q", in, got, want)
			}
		}
	})
}

func TestLexicalParseHex(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []byte // nil: error wanted
	}{
		{"empty", "", []byte{}},
		{"upper", "0FB7", []byte{0x0f, 0xb7}},
		{"lower", "0fb7", []byte{0x0f, 0xb7}},
		{"mixed", "aBcD", []byte{0xab, 0xcd}},
		{"collapse", " \n0fb7\t ", []byte{0x0f, 0xb7}},
		{"odd", "0FB", nil},
		{"bad char", "0G", nil},
		{"inner space", "0F B7", nil},
		{"prefix", "0x0F", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := lexParseHex(c.in)
			if c.want == nil {
				if err == nil {
					t.Fatalf("got %x, want error", got)
				}
				lexCheckErr(t, err, "xs:hexBinary", c.in, false)
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got == nil || !bytes.Equal(got, c.want) {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
		})
	}
	t.Run("format", func(t *testing.T) {
		if got := lexFormatHex([]byte{0x0f, 0xb7, 0x00, 0xff}); got != "0FB700FF" {
			t.Errorf("FormatHex = %q, want 0FB700FF", got)
		}
		if got := lexFormatHex(nil); got != "" {
			t.Errorf("FormatHex(nil) = %q, want empty", got)
		}
	})
}

// Fuzz targets. Under plain "go test" only the seeds run.

var lexIntSeeds = []string{"0", "-0", "+0", "127", "-128", "255", "65535", "2147483647", "-2147483648",
	"9223372036854775807", "-9223372036854775808", "18446744073709551615", "0x10", "1_0", " 12 ", "", "-", "١"}

// lexFuzzInt checks a signed integer parser: no panic, errors are
// *LexicalError, and the formatted value parses back to itself.
func lexFuzzInt[T int8 | int16 | int32 | int64](f *testing.F, parse func(string) (T, error)) {
	for _, s := range lexIntSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		back, err := parse(lexFormatInt(int64(v)))
		if err != nil || back != v {
			t.Fatalf("%q: %d formats as %q, which parses as %d, %v", s, v, lexFormatInt(int64(v)), back, err)
		}
	})
}

// lexFuzzUint is lexFuzzInt for unsigned parsers.
func lexFuzzUint[T uint8 | uint16 | uint32 | uint64](f *testing.F, parse func(string) (T, error)) {
	for _, s := range lexIntSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		back, err := parse(lexFormatUint(uint64(v)))
		if err != nil || back != v {
			t.Fatalf("%q: %d formats as %q, which parses as %d, %v", s, v, lexFormatUint(uint64(v)), back, err)
		}
	})
}

func FuzzParseInt8(f *testing.F)   { lexFuzzInt(f, lexParseInt8) }
func FuzzParseInt16(f *testing.F)  { lexFuzzInt(f, lexParseInt16) }
func FuzzParseInt32(f *testing.F)  { lexFuzzInt(f, lexParseInt32) }
func FuzzParseInt64(f *testing.F)  { lexFuzzInt(f, lexParseInt64) }
func FuzzParseUint8(f *testing.F)  { lexFuzzUint(f, lexParseUint8) }
func FuzzParseUint16(f *testing.F) { lexFuzzUint(f, lexParseUint16) }
func FuzzParseUint32(f *testing.F) { lexFuzzUint(f, lexParseUint32) }
func FuzzParseUint64(f *testing.F) { lexFuzzUint(f, lexParseUint64) }

var lexFloatSeeds = []string{"0", "-0", "0.1", "1e21", "1E+21", ".5", "5.", "INF", "-INF", "+INF", "NaN", "Inf",
	"0x1p-2", "1_0", "4.9406564584124654E-324", "1.7976931348623157E+308", "1e309", "3.5e38", " 1 ", ""}

func FuzzParseFloat64(f *testing.F) {
	for _, s := range lexFloatSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := lexParseFloat64(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		out := lexFormatFloat64(v)
		back, err := lexParseFloat64(out)
		if err != nil || !lexSameFloat(back, v) {
			t.Fatalf("%q: %v formats as %q, which parses as %v, %v", s, v, out, back, err)
		}
	})
}

func FuzzParseFloat32(f *testing.F) {
	for _, s := range lexFloatSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := lexParseFloat32(s)
		if err != nil {
			var le *soap.LexicalError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LexicalError", err)
			}
			return
		}
		out := lexFormatFloat32(v)
		back, err := lexParseFloat32(out)
		if err != nil || !lexSameFloat(float64(back), float64(v)) {
			t.Fatalf("%q: %v formats as %q, which parses as %v, %v", s, v, out, back, err)
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"true", "false", "1", "0", " true ", "True", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := lexParseBool(s)
		if err != nil {
			return
		}
		if back, err := lexParseBool(lexFormatBool(v)); err != nil || back != v {
			t.Fatalf("%q: round trip gives %v, %v", s, back, err)
		}
	})
}

func FuzzParseBase64(f *testing.F) {
	for _, s := range []string{"", "aGVsbG8=", "aGVs\nbG8=", "AB==", "AA===", " a G 8 = "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := lexParseBase64(s)
		if err != nil {
			return
		}
		if b == nil {
			t.Fatalf("%q: nil slice without error", s)
		}
		if back, err := lexParseBase64(lexFormatBase64(b)); err != nil || !bytes.Equal(back, b) {
			t.Fatalf("%q: round trip gives %x, %v", s, back, err)
		}
	})
}

func FuzzParseHex(f *testing.F) {
	for _, s := range []string{"", "0fb7", "0FB7", " 0f ", "0G", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := lexParseHex(s)
		if err != nil {
			return
		}
		if b == nil {
			t.Fatalf("%q: nil slice without error", s)
		}
		if back, err := lexParseHex(lexFormatHex(b)); err != nil || !bytes.Equal(back, b) {
			t.Fatalf("%q: round trip gives %x, %v", s, back, err)
		}
	})
}

// The parse and format functions of the built-in types the tests above check, on strings: the
// codecs' own (the parse functions also take the []byte the Decoder gives them).
var (
	lexParseInt8    = parseInt8[string]
	lexParseInt16   = parseInt16[string]
	lexParseInt32   = parseInt32[string]
	lexParseInt64   = parseInt64[string]
	lexParseUint8   = parseUint8[string]
	lexParseUint16  = parseUint16[string]
	lexParseUint32  = parseUint32[string]
	lexParseUint64  = parseUint64[string]
	lexParseFloat32 = parseFloat32[string]
	lexParseFloat64 = parseFloat64[string]
	lexParseBase64  = parseBase64[string]
	lexParseHex     = parseHex[string]
	lexParseBool    = parseBool[string]
)

func lexFormatInt(v int64) string       { return string(strconv.AppendInt(nil, v, 10)) }
func lexFormatUint(v uint64) string     { return string(strconv.AppendUint(nil, v, 10)) }
func lexFormatBool(v bool) string       { return string(appendBool(nil, v)) }
func lexFormatFloat32(v float32) string { return string(appendFloat(nil, float64(v), 32)) }
func lexFormatFloat64(v float64) string { return string(appendFloat(nil, v, 64)) }
func lexFormatBase64(v []byte) string   { return base64.StdEncoding.EncodeToString(v) }
func lexFormatHex(v []byte) string      { return string(appendHex(nil, v)) }
