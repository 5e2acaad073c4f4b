package soap

import (
	"math"
	"math/big"
	"strconv"

	"github.com/sogen-go/sogen/soap/internal/whitespace"
)

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

// decimalFromWire returns a Decimal that holds s, white space collapsed, without checking
// it (see dateTimeFromWire).
func decimalFromWire(s string) Decimal { return Decimal{lex: whitespace.Collapse(s), set: true} }

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
