package soapimpl

import (
	"encoding/xml"
	"errors"
	"math"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// codecDecode decodes <v>text</v> (inside the field tests' root) with c.
func codecDecode[T any](t *testing.T, c codecT[T], text string) (T, error) {
	t.Helper()
	d := fldDecoder(t, `<v>`+text+`</v>`, nil)
	decChild(t, d, "v")
	var v T
	f := fld("", "v", "V", 0, c.c)
	err := fldDec(d, &f, nil, &v)
	return v, err
}

// codecT is a codec seen with the Go type T of its values, as the tests below use it.
type codecT[T any] struct {
	c    *Codec
	Type xml.Name
}

// cv returns the view of c, a codec of values of type T.
func cv[T any](c *Codec) codecT[T] { return codecT[T]{c: c, Type: opsOf[T](c).typ} }

// cvc is cv for a codec value.
func cvc[T any](c Codec) codecT[T] { return cv[T](&c) }

func (c codecT[T]) Format(e *Encoder, v T) string                     { return opsOf[T](c.c).format(e, v) }
func (c codecT[T]) Parse(d *Decoder, s string) (T, error)             { return opsOf[T](c.c).parse(d, []byte(s)) }
func (c codecT[T]) IsZero(v T) bool                                   { return opsOf[T](c.c).zero(v) }
func (c codecT[T]) Encode(e *Encoder, f *elem, p *soap.Presence, v T) { c.c.c.enc(0, e, f, "", p, &v) }

// codecErrorType is the type named in the errors of the unbounded integer types, which are parsed
// as xs:long or xs:unsignedLong (as ParseInt64 and ParseUint64 document; their sign facets are not
// checked either).
var codecErrorType = map[string]string{
	"integer":            "xs:long",
	"nonPositiveInteger": "xs:long",
	"negativeInteger":    "xs:long",
	"nonNegativeInteger": "xs:unsignedLong",
	"positiveInteger":    "xs:unsignedLong",
}

// codecCase checks that codec c has schema type xs:typ, decodes in to want, formats want as out,
// treats its Go zero value (and only that) as zero, and, when bad is not empty, rejects bad with a
// *soap.LexicalError of type xs:typ.
func codecCase[T any](c codecT[T], typ, in string, want T, out, bad string) func(t *testing.T) {
	return func(t *testing.T) {
		if c.Type != (xml.Name{Space: soap.XSDNamespace, Local: typ}) {
			t.Errorf("Type = %v, want xs:%s", c.Type, typ)
		}
		got, err := codecDecode(t, c, in)
		if err != nil {
			t.Fatalf("decode %q: %v", in, err)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("decode %q (-want +got):\n%s", in, diff)
		}
		if s := c.Format(NewEncoder(nil), want); s != out {
			t.Errorf("Format = %q, want %q", s, out)
		}
		var zero T
		if !c.IsZero(zero) {
			t.Error("IsZero(zero value) = false")
		}
		if c.IsZero(want) {
			t.Errorf("IsZero(%v) = true", want)
		}
		if bad == "" {
			return
		}
		errType := "xs:" + typ
		if base, ok := codecErrorType[typ]; ok {
			errType = base
		}
		_, err = codecDecode(t, c, bad)
		de := decWantDecodeError(t, err, "is not a valid "+errType)
		var le *soap.LexicalError
		if !errors.As(de, &le) || le.Type != errType || le.Text != bad {
			t.Errorf("error %v does not wrap a LexicalError of %s", err, errType)
		}
	}
}

func TestXSCodecs(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"boolean", codecCase(cv[bool](&XSBoolean), "boolean", " 1 ", true, "true", "yes")},
		{"byte", codecCase(cv[int8](&XSByte), "byte", "-128", int8(-128), "-128", "128")},
		{"short", codecCase(cv[int16](&XSShort), "short", "+32767", int16(32767), "32767", "32768")},
		{"int", codecCase(cv[int32](&XSInt), "int", "\n 42\t", int32(42), "42", "x")},
		{"long", codecCase(cv[int64](&XSLong), "long", "-9223372036854775808", int64(math.MinInt64), "-9223372036854775808", "1.0")},
		{"integer", codecCase(cv[int64](&XSInteger), "integer", "0123", int64(123), "123", "9223372036854775808")},
		{"nonPositiveInteger", codecCase(cv[int64](&XSNonPositiveInteger), "nonPositiveInteger", "-5", int64(-5), "-5", "--5")},
		{"negativeInteger", codecCase(cv[int64](&XSNegativeInteger), "negativeInteger", "-1", int64(-1), "-1", "")},
		{"unsignedByte", codecCase(cv[uint8](&XSUnsignedByte), "unsignedByte", "255", uint8(255), "255", "256")},
		{"unsignedShort", codecCase(cv[uint16](&XSUnsignedShort), "unsignedShort", "65535", uint16(65535), "65535", "-1")},
		{"unsignedInt", codecCase(cv[uint32](&XSUnsignedInt), "unsignedInt", "4294967295", uint32(math.MaxUint32), "4294967295", "4294967296")},
		{"unsignedLong", codecCase(cv[uint64](&XSUnsignedLong), "unsignedLong", "18446744073709551615", uint64(math.MaxUint64), "18446744073709551615", "18446744073709551616")},
		{"nonNegativeInteger", codecCase(cv[uint64](&XSNonNegativeInteger), "nonNegativeInteger", "5", uint64(5), "5", "-5")},
		{"positiveInteger", codecCase(cv[uint64](&XSPositiveInteger), "positiveInteger", "+1", uint64(1), "1", "1e3")},
		{"float", codecCase(cv[float32](&XSFloat), "float", "1.5", float32(1.5), "1.5", "1,5")},
		{"float INF", codecCase(cv[float32](&XSFloat), "float", "-INF", float32(math.Inf(-1)), "-INF", "-inf")},
		{"double", codecCase(cv[float64](&XSDouble), "double", "-0.25E2", -25.0, "-25", "e")},
		{"double exponent", codecCase(cv[float64](&XSDouble), "double", "1e21", 1e21, "1E+21", "1e")},
		{"base64Binary", codecCase(cv[[]byte](&XSBase64Binary), "base64Binary", "AQID\n/w==", []byte{1, 2, 3, 0xff}, "AQID/w==", "!!!!")},
		{"hexBinary", codecCase(cv[[]byte](&XSHexBinary), "hexBinary", " 0aff ", []byte{0x0a, 0xff}, "0AFF", "0g")},
		{"decimal", codecCase(cv[soap.Decimal](&XSDecimal), "decimal", "-1.50", wireDecimal("-1.50"), "-1.50", "")},
		{"dateTime", codecCase(cv[soap.DateTime](&XSDateTime), "dateTime", "2024-02-29T12:00:00.5+01:00", wireDateTime("2024-02-29T12:00:00.5+01:00"), "2024-02-29T12:00:00.5+01:00", "")},
		{"date", codecCase(cv[soap.Date](&XSDate), "date", "2024-02-29Z", wireDate("2024-02-29Z"), "2024-02-29Z", "")},
		{"time", codecCase(cv[soap.TimeOfDay](&XSTime), "time", "23:59:59.5", wireTimeOfDay("23:59:59.5"), "23:59:59.5", "")},
		{"duration", codecCase(cv[soap.Duration](&XSDuration), "duration", "-P1DT2H", wireDuration("-P1DT2H"), "-P1DT2H", "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestXSCodecsBinaryZero(t *testing.T) {
	for _, c := range []codecT[[]byte]{cv[[]byte](&XSBase64Binary), cv[[]byte](&XSHexBinary)} {
		t.Run(c.Type.Local, func(t *testing.T) {
			got, err := codecDecode(t, c, "")
			if err != nil {
				t.Fatal(err)
			}
			if got == nil || len(got) != 0 {
				t.Errorf("empty element decoded as %#v, want an empty non-nil slice", got)
			}
			if c.IsZero(got) {
				t.Error("IsZero(empty non-nil slice) = true: an empty value would be dropped")
			}
			if s := c.Format(nil, []byte{}); s != "" {
				t.Errorf("Format(empty) = %q", s)
			}
		})
	}
}

func TestXSCodecsKeepWireText(t *testing.T) {
	// The date, time, duration and decimal codecs keep malformed text from a peer instead of
	// failing the whole reply; the conversion methods report it.
	t.Run("decimal", func(t *testing.T) {
		v, err := codecDecode(t, cv[soap.Decimal](&XSDecimal), "1.2.3")
		if err != nil || v.String() != "1.2.3" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Float64(); err == nil {
			t.Error("Float64 of 1.2.3: no error")
		}
	})
	t.Run("dateTime", func(t *testing.T) {
		v, err := codecDecode(t, cv[soap.DateTime](&XSDateTime), " yesterday  at\tnoon ")
		if err != nil || v.String() != "yesterday at noon" { // kept, but collapsed (whiteSpace=collapse)
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Time(); err == nil {
			t.Error("Time of yesterday: no error")
		}
	})
	t.Run("date", func(t *testing.T) {
		v, err := codecDecode(t, cv[soap.Date](&XSDate), "2023-02-29")
		if err != nil || v.String() != "2023-02-29" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Time(); err == nil {
			t.Error("Time of 2023-02-29: no error")
		}
	})
	t.Run("time", func(t *testing.T) {
		v, err := codecDecode(t, cv[soap.TimeOfDay](&XSTime), "25:00:00")
		if err != nil || v.String() != "25:00:00" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, _, _, _, err := v.Clock(); err == nil {
			t.Error("Clock of 25:00:00: no error")
		}
	})
	t.Run("duration", func(t *testing.T) {
		v, err := codecDecode(t, cv[soap.Duration](&XSDuration), "P")
		if err != nil || v.String() != "P" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Duration(); err == nil {
			t.Error("Duration of P: no error")
		}
	})
}

func TestXSStringCodecs(t *testing.T) {
	const in = " a \t b\r\n  c "
	const preserved = " a \t b\n  c " // the parser normalises the line end
	const replaced = " a   b   c "
	const collapsed = "a b c"
	tests := []struct {
		codec codecT[string]
		typ   string
		want  string
	}{
		{cv[string](&XSString), "string", preserved},
		{cv[string](&XSAnySimpleType), "anySimpleType", preserved},
		{cv[string](&XSNormalizedString), "normalizedString", replaced},
		{cv[string](&XSToken), "token", collapsed},
		{cv[string](&XSLanguage), "language", collapsed},
		{cv[string](&XSName), "Name", collapsed},
		{cv[string](&XSNCName), "NCName", collapsed},
		{cv[string](&XSID), "ID", collapsed},
		{cv[string](&XSIDREF), "IDREF", collapsed},
		{cv[string](&XSIDREFS), "IDREFS", collapsed},
		{cv[string](&XSENTITY), "ENTITY", collapsed},
		{cv[string](&XSENTITIES), "ENTITIES", collapsed},
		{cv[string](&XSNMTOKEN), "NMTOKEN", collapsed},
		{cv[string](&XSNMTOKENS), "NMTOKENS", collapsed},
		{cv[string](&XSAnyURI), "anyURI", collapsed},
		{cv[string](&XSNOTATION), "NOTATION", collapsed},
		{cv[string](&XSGYearMonth), "gYearMonth", collapsed},
		{cv[string](&XSGYear), "gYear", collapsed},
		{cv[string](&XSGMonthDay), "gMonthDay", collapsed},
		{cv[string](&XSGDay), "gDay", collapsed},
		{cv[string](&XSGMonth), "gMonth", collapsed},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			if tt.codec.Type != (xml.Name{Space: soap.XSDNamespace, Local: tt.typ}) {
				t.Errorf("Type = %v", tt.codec.Type)
			}
			got, err := codecDecode(t, tt.codec, in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("decoded %q, want %q", got, tt.want)
			}
			// Parse applies the facet to text given directly too.
			if got, _ := tt.codec.Parse(nil, " x\ty  "); tt.want == collapsed && got != "x y" || tt.want == replaced && got != " x y  " || tt.want == preserved && got != " x\ty  " {
				t.Errorf("Parse = %q", got)
			}
			// Encoding writes the value as it is.
			if s := tt.codec.Format(nil, in); s != in {
				t.Errorf("Format = %q", s)
			}
			if !tt.codec.IsZero("") || tt.codec.IsZero(" ") {
				t.Error("IsZero")
			}
		})
	}
}

func TestXSQName(t *testing.T) {
	t.Run("decode", func(t *testing.T) {
		d := fldDecoder(t, `<v xmlns:p="urn:p"> p:x </v>`, nil)
		decChild(t, d, "v")
		var v xml.Name
		f := fld("", "v", "V", 0, &XSQName)
		if err := fldDec(d, &f, nil, &v); err != nil {
			t.Fatal(err)
		}
		if v != encN("urn:p", "x") {
			t.Errorf("decoded %v", v)
		}
	})
	for _, bad := range []string{"u:x", "p:", "a b"} {
		t.Run("decode invalid "+bad, func(t *testing.T) {
			_, err := codecDecode(t, cv[xml.Name](&XSQName), bad)
			decWantDecodeError(t, err, bad)
		})
	}
	t.Run("encode declares the prefix", func(t *testing.T) {
		f := fld("", "v", "V", 0, &XSQName)
		got := fldMustEncode(t, func(e *Encoder) { cv[xml.Name](&XSQName).Encode(e, &f, nil, encN("urn:q", "n")) })
		if want := `<v xmlns:ns1="urn:q">ns1:n</v>`; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		got = fldMustEncode(t, func(e *Encoder) { cv[xml.Name](&XSQName).Encode(e, &f, nil, fldN("n")) })
		if want := `<v>f:n</v>`; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	if cv[xml.Name](&XSQName).Type != encN(soap.XSDNamespace, "QName") || !cv[xml.Name](&XSQName).IsZero(xml.Name{}) || cv[xml.Name](&XSQName).IsZero(xml.Name{Local: "x"}) {
		t.Error("Type or IsZero")
	}
}

type (
	codecColor string
	codecChar  int32
	codecBlob  []byte
	codecFlag  bool
	codecI8    int8
	codecI16   int16
	codecI64   int64
	codecU8    uint8
	codecU16   uint16
	codecU32   uint32
	codecU64   uint64
	codecF32   float32
	codecF64   float64
)

// adapterCase checks a derived codec: its Type, a parse, a format, IsZero and a rejected value.
func adapterCase[T any](c codecT[T], typ xml.Name, in string, want T, out, bad string) func(t *testing.T) {
	return func(t *testing.T) {
		if c.Type != typ {
			t.Errorf("Type = %v, want %v", c.Type, typ)
		}
		got, err := c.Parse(nil, in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("Parse(%q) (-want +got):\n%s", in, diff)
		}
		if s := c.Format(nil, want); s != out {
			t.Errorf("Format = %q, want %q", s, out)
		}
		var zero T
		if !c.IsZero(zero) || c.IsZero(want) {
			t.Errorf("IsZero(zero) = %v, IsZero(%v) = %v", c.IsZero(zero), want, c.IsZero(want))
		}
		if bad != "" {
			if _, err := c.Parse(nil, bad); err == nil {
				t.Errorf("Parse(%q): no error", bad)
			} else if le := (*soap.LexicalError)(nil); !errors.As(err, &le) {
				t.Errorf("Parse(%q): %v is not a LexicalError", bad, err)
			}
		}
	}
}

func TestCodecAdapters(t *testing.T) {
	typ := fldN("T")
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"StringType over token", adapterCase(cvc[codecColor](StringType[codecColor](&XSToken, typ)), typ, "  dark \n red ", codecColor("dark red"), "dark red", "")},
		{"StringType over string", adapterCase(cvc[codecColor](StringType[codecColor](&XSString, typ)), typ, " a ", codecColor(" a "), " a ", "")},
		{"Enum", adapterCase(cvc[codecColor](Enum[codecColor](typ)), typ, " Red", codecColor(" Red"), " Red", "")},
		{"Int32Type", adapterCase(cvc[codecChar](Int32Type[codecChar](&XSInt, typ)), typ, " 65 ", codecChar(65), "65", "A")},
		{"BytesType hex", adapterCase(cvc[codecBlob](BytesType[codecBlob](&XSHexBinary, typ)), typ, "0102", codecBlob{1, 2}, "0102", "012")},
		{"BytesType base64", adapterCase(cvc[codecBlob](BytesType[codecBlob](&XSBase64Binary, typ)), typ, "AQI=", codecBlob{1, 2}, "AQI=", "AQI")},
		{"BoolType", adapterCase(cvc[codecFlag](BoolType[codecFlag](&XSBoolean, typ)), typ, "true", codecFlag(true), "true", "on")},
		{"Int8Type", adapterCase(cvc[codecI8](Int8Type[codecI8](&XSByte, typ)), typ, "-1", codecI8(-1), "-1", "200")},
		{"Int16Type", adapterCase(cvc[codecI16](Int16Type[codecI16](&XSShort, typ)), typ, "300", codecI16(300), "300", "40000")},
		{"Int64Type", adapterCase(cvc[codecI64](Int64Type[codecI64](&XSLong, typ)), typ, "-7", codecI64(-7), "-7", "7.5")},
		{"Uint8Type", adapterCase(cvc[codecU8](Uint8Type[codecU8](&XSUnsignedByte, typ)), typ, "8", codecU8(8), "8", "-8")},
		{"Uint16Type", adapterCase(cvc[codecU16](Uint16Type[codecU16](&XSUnsignedShort, typ)), typ, "16", codecU16(16), "16", "65536")},
		{"Uint32Type", adapterCase(cvc[codecU32](Uint32Type[codecU32](&XSUnsignedInt, typ)), typ, "32", codecU32(32), "32", "x")},
		{"Uint64Type", adapterCase(cvc[codecU64](Uint64Type[codecU64](&XSUnsignedLong, typ)), typ, "64", codecU64(64), "64", "x")},
		{"Float32Type", adapterCase(cvc[codecF32](Float32Type[codecF32](&XSFloat, typ)), typ, "0.5", codecF32(0.5), "0.5", "x")},
		{"Float64Type", adapterCase(cvc[codecF64](Float64Type[codecF64](&XSDouble, typ)), typ, "INF", codecF64(math.Inf(1)), "INF", "inf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
	t.Run("BytesType zero", func(t *testing.T) {
		c := cvc[codecBlob](BytesType[codecBlob](&XSHexBinary, typ))
		if !c.IsZero(nil) || c.IsZero(codecBlob{}) {
			t.Error("IsZero(nil) must be true and IsZero(empty) false")
		}
	})
	t.Run("adapted codec encodes and decodes", func(t *testing.T) {
		c := cvc[codecChar](Int32Type[codecChar](&XSInt, typ))
		f := fld("", "v", "V", Optional|ZeroUnset, c.c)
		got := fldMustEncode(t, func(e *Encoder) {
			c.Encode(e, &f, nil, 66)
			c.Encode(e, &f, nil, 0)
		})
		if got != `<v>66</v>` {
			t.Errorf("got %q", got)
		}
		v, err := codecDecode(t, c, "67")
		if err != nil || v != 67 {
			t.Errorf("decoded %v, %v", v, err)
		}
		_, err = codecDecode(t, c, "C")
		decWantDecodeError(t, err, `"C" is not a valid xs:int`)
	})
}

// TestXSCodecsWhiteSpace decodes a value of every built-in type with white space around it (and
// inside, where the type's lexical space allows a space) and checks what the value holds, by its
// lexical form: XML Schema Part 2 section 4.3.6 gives xs:string whiteSpace=preserve,
// xs:normalizedString replace, and every other built-in (the types derived from token, and every
// atomic type not derived from string) collapse, fixed; the built-in list types (NMTOKENS, IDREFS,
// ENTITIES) collapse too. xs:anySimpleType has no whiteSpace facet: its text is kept.
func TestXSCodecsWhiteSpace(t *testing.T) {
	const around = " \n\t&#13; " // &#13;: a carriage return (a literal one is read as a line feed)
	text := func(s string) string { return around + s + around }
	check := func(t *testing.T, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("decoded to %q, want %q", got, want)
		}
	}
	strs := []struct {
		c        codecT[string]
		in, want string
	}{
		{cv[string](&XSString), text("a  b"), " \n\t\r a  b \n\t\r "},
		{cv[string](&XSAnySimpleType), text("a  b"), " \n\t\r a  b \n\t\r "},
		{cv[string](&XSNormalizedString), "\ta\n b\r", " a  b "},
		{cv[string](&XSToken), text("a \n b"), "a b"},
		{cv[string](&XSLanguage), text("en-GB"), "en-GB"},
		{cv[string](&XSName), text("a:b"), "a:b"},
		{cv[string](&XSNCName), text("ab"), "ab"},
		{cv[string](&XSID), text("id1"), "id1"},
		{cv[string](&XSIDREF), text("id1"), "id1"},
		{cv[string](&XSIDREFS), text("id1 \n id2"), "id1 id2"},
		{cv[string](&XSENTITY), text("e"), "e"},
		{cv[string](&XSENTITIES), text("e1\t\te2"), "e1 e2"},
		{cv[string](&XSNMTOKEN), text("n-1"), "n-1"},
		{cv[string](&XSNMTOKENS), text("n1  n2"), "n1 n2"},
		{cv[string](&XSAnyURI), text("http://example.com/a"), "http://example.com/a"},
		{cv[string](&XSNOTATION), text("n"), "n"},
		{cv[string](&XSGYearMonth), text("2024-05"), "2024-05"},
		{cv[string](&XSGYear), text("2024"), "2024"},
		{cv[string](&XSGMonthDay), text("--05-01"), "--05-01"},
		{cv[string](&XSGDay), text("---01"), "---01"},
		{cv[string](&XSGMonth), text("--05"), "--05"},
		// A no-break space is not XML white space: it stays.
		{cv[string](&XSToken), "\u00a0a\u00a0", "\u00a0a\u00a0"},
	}
	for _, c := range strs {
		t.Run(c.c.Type.Local, func(t *testing.T) {
			v, err := codecDecode(t, c.c, c.in)
			if err != nil {
				t.Fatal(err)
			}
			check(t, v, c.want)
		})
	}
	others := []struct {
		name     string
		in, want string
		decode   func(t *testing.T, in string) (string, error)
	}{
		{"boolean", "true", "true", lexical(cv[bool](&XSBoolean))},
		{"byte", "-8", "-8", lexical(cv[int8](&XSByte))},
		{"short", "-16", "-16", lexical(cv[int16](&XSShort))},
		{"int", "-32", "-32", lexical(cv[int32](&XSInt))},
		{"long", "-64", "-64", lexical(cv[int64](&XSLong))},
		{"integer", "7", "7", lexical(cv[int64](&XSInteger))},
		{"nonPositiveInteger", "-7", "-7", lexical(cv[int64](&XSNonPositiveInteger))},
		{"negativeInteger", "-7", "-7", lexical(cv[int64](&XSNegativeInteger))},
		{"unsignedByte", "8", "8", lexical(cv[uint8](&XSUnsignedByte))},
		{"unsignedShort", "16", "16", lexical(cv[uint16](&XSUnsignedShort))},
		{"unsignedInt", "32", "32", lexical(cv[uint32](&XSUnsignedInt))},
		{"unsignedLong", "64", "64", lexical(cv[uint64](&XSUnsignedLong))},
		{"nonNegativeInteger", "7", "7", lexical(cv[uint64](&XSNonNegativeInteger))},
		{"positiveInteger", "7", "7", lexical(cv[uint64](&XSPositiveInteger))},
		{"float", "1.5", "1.5", lexical(cv[float32](&XSFloat))},
		{"double", "2.5", "2.5", lexical(cv[float64](&XSDouble))},
		{"decimal", "12.50", "12.50", lexical(cv[soap.Decimal](&XSDecimal))},
		{"dateTime", "2024-05-01T12:00:00.5+02:00", "2024-05-01T12:00:00.5+02:00", lexical(cv[soap.DateTime](&XSDateTime))},
		{"date", "2024-05-01Z", "2024-05-01Z", lexical(cv[soap.Date](&XSDate))},
		{"time", "12:00:00", "12:00:00", lexical(cv[soap.TimeOfDay](&XSTime))},
		{"duration", "P1DT2H", "P1DT2H", lexical(cv[soap.Duration](&XSDuration))},
		{"base64Binary", "aGVs\n bG8=", "aGVsbG8=", lexical(cv[[]byte](&XSBase64Binary))},
		{"hexBinary", "0aFF", "0AFF", lexical(cv[[]byte](&XSHexBinary))},
		{"QName", "xsd:int", "{" + soap.XSDNamespace + "}int", func(t *testing.T, in string) (string, error) {
			v, err := codecDecode(t, cv[xml.Name](&XSQName), in)
			return "{" + v.Space + "}" + v.Local, err
		}},
	}
	for _, c := range others {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.decode(t, text(c.in))
			if err != nil {
				t.Fatal(err)
			}
			check(t, got, c.want)
		})
	}
	// The same holds for the text and attribute values of the runtime types, however they are
	// decoded: String and MarshalText of a decoded date carry no white space.
	d, err := codecDecode(t, cv[soap.Date](&XSDate), text("2024-05-01"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := d.MarshalText(); string(b) != "2024-05-01" || d.String() != "2024-05-01" {
		t.Errorf("MarshalText %q, String %q", b, d.String())
	}
	var a soap.Date
	if err := XSDate.c.attrDec(nil, &attrInfo{}, &a, []byte(" \n\t2024-05-01\r ")); err != nil || a.String() != "2024-05-01" {
		t.Errorf("attribute decoded to %q, %v", a.String(), err)
	}
}

// lexical returns a function decoding text with c and returning the lexical form of the value.
func lexical[T any](c codecT[T]) func(t *testing.T, in string) (string, error) {
	return func(t *testing.T, in string) (string, error) {
		t.Helper()
		v, err := codecDecode(t, c, in)
		return c.Format(nil, v), err
	}
}
