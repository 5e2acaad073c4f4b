package soap_test

import (
	"encoding/xml"
	"errors"
	"math"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// codecDecode decodes <v>text</v> (inside the field tests' root) with c.
func codecDecode[T any](t *testing.T, c soap.Codec[T], text string) (T, error) {
	t.Helper()
	d := fldDecoder(t, `<v>`+text+`</v>`)
	se := decChild(t, d, "v")
	var v T
	f := fldField(false, false, false)
	err := c.Decode(d, se, &f, nil, &v)
	return v, err
}

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
func codecCase[T any](c soap.Codec[T], typ, in string, want T, out, bad string) func(t *testing.T) {
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
		if s := c.Format(soap.NewEncoder(nil), want); s != out {
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
		{"boolean", codecCase(soap.XSBoolean, "boolean", " 1 ", true, "true", "yes")},
		{"byte", codecCase(soap.XSByte, "byte", "-128", int8(-128), "-128", "128")},
		{"short", codecCase(soap.XSShort, "short", "+32767", int16(32767), "32767", "32768")},
		{"int", codecCase(soap.XSInt, "int", "\n 42\t", int32(42), "42", "x")},
		{"long", codecCase(soap.XSLong, "long", "-9223372036854775808", int64(math.MinInt64), "-9223372036854775808", "1.0")},
		{"integer", codecCase(soap.XSInteger, "integer", "0123", int64(123), "123", "9223372036854775808")},
		{"nonPositiveInteger", codecCase(soap.XSNonPositiveInteger, "nonPositiveInteger", "-5", int64(-5), "-5", "--5")},
		{"negativeInteger", codecCase(soap.XSNegativeInteger, "negativeInteger", "-1", int64(-1), "-1", "")},
		{"unsignedByte", codecCase(soap.XSUnsignedByte, "unsignedByte", "255", uint8(255), "255", "256")},
		{"unsignedShort", codecCase(soap.XSUnsignedShort, "unsignedShort", "65535", uint16(65535), "65535", "-1")},
		{"unsignedInt", codecCase(soap.XSUnsignedInt, "unsignedInt", "4294967295", uint32(math.MaxUint32), "4294967295", "4294967296")},
		{"unsignedLong", codecCase(soap.XSUnsignedLong, "unsignedLong", "18446744073709551615", uint64(math.MaxUint64), "18446744073709551615", "18446744073709551616")},
		{"nonNegativeInteger", codecCase(soap.XSNonNegativeInteger, "nonNegativeInteger", "5", uint64(5), "5", "-5")},
		{"positiveInteger", codecCase(soap.XSPositiveInteger, "positiveInteger", "+1", uint64(1), "1", "1e3")},
		{"float", codecCase(soap.XSFloat, "float", "1.5", float32(1.5), "1.5", "1,5")},
		{"float INF", codecCase(soap.XSFloat, "float", "-INF", float32(math.Inf(-1)), "-INF", "-inf")},
		{"double", codecCase(soap.XSDouble, "double", "-0.25E2", -25.0, "-25", "e")},
		{"double exponent", codecCase(soap.XSDouble, "double", "1e21", 1e21, "1E+21", "1e")},
		{"base64Binary", codecCase(soap.XSBase64Binary, "base64Binary", "AQID\n/w==", []byte{1, 2, 3, 0xff}, "AQID/w==", "!!!!")},
		{"hexBinary", codecCase(soap.XSHexBinary, "hexBinary", " 0aff ", []byte{0x0a, 0xff}, "0AFF", "0g")},
		{"decimal", codecCase(soap.XSDecimal, "decimal", "-1.50", soap.DecimalFromWire("-1.50"), "-1.50", "")},
		{"dateTime", codecCase(soap.XSDateTime, "dateTime", "2024-02-29T12:00:00.5+01:00", soap.DateTimeFromWire("2024-02-29T12:00:00.5+01:00"), "2024-02-29T12:00:00.5+01:00", "")},
		{"date", codecCase(soap.XSDate, "date", "2024-02-29Z", soap.DateFromWire("2024-02-29Z"), "2024-02-29Z", "")},
		{"time", codecCase(soap.XSTime, "time", "23:59:59.5", soap.TimeOfDayFromWire("23:59:59.5"), "23:59:59.5", "")},
		{"duration", codecCase(soap.XSDuration, "duration", "-P1DT2H", soap.DurationFromWire("-P1DT2H"), "-P1DT2H", "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestXSCodecsBinaryZero(t *testing.T) {
	for _, c := range []soap.Codec[[]byte]{soap.XSBase64Binary, soap.XSHexBinary} {
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
		v, err := codecDecode(t, soap.XSDecimal, "1.2.3")
		if err != nil || v.String() != "1.2.3" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Float64(); err == nil {
			t.Error("Float64 of 1.2.3: no error")
		}
	})
	t.Run("dateTime", func(t *testing.T) {
		v, err := codecDecode(t, soap.XSDateTime, " yesterday  at\tnoon ")
		if err != nil || v.String() != "yesterday at noon" { // kept, but collapsed (whiteSpace=collapse)
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Time(); err == nil {
			t.Error("Time of yesterday: no error")
		}
	})
	t.Run("date", func(t *testing.T) {
		v, err := codecDecode(t, soap.XSDate, "2023-02-29")
		if err != nil || v.String() != "2023-02-29" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, err := v.Time(); err == nil {
			t.Error("Time of 2023-02-29: no error")
		}
	})
	t.Run("time", func(t *testing.T) {
		v, err := codecDecode(t, soap.XSTime, "25:00:00")
		if err != nil || v.String() != "25:00:00" {
			t.Fatalf("decoded %q, %v", v.String(), err)
		}
		if _, _, _, _, err := v.Clock(); err == nil {
			t.Error("Clock of 25:00:00: no error")
		}
	})
	t.Run("duration", func(t *testing.T) {
		v, err := codecDecode(t, soap.XSDuration, "P")
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
		codec soap.Codec[string]
		typ   string
		want  string
	}{
		{soap.XSString, "string", preserved},
		{soap.XSAnySimpleType, "anySimpleType", preserved},
		{soap.XSNormalizedString, "normalizedString", replaced},
		{soap.XSToken, "token", collapsed},
		{soap.XSLanguage, "language", collapsed},
		{soap.XSName, "Name", collapsed},
		{soap.XSNCName, "NCName", collapsed},
		{soap.XSID, "ID", collapsed},
		{soap.XSIDREF, "IDREF", collapsed},
		{soap.XSIDREFS, "IDREFS", collapsed},
		{soap.XSENTITY, "ENTITY", collapsed},
		{soap.XSENTITIES, "ENTITIES", collapsed},
		{soap.XSNMTOKEN, "NMTOKEN", collapsed},
		{soap.XSNMTOKENS, "NMTOKENS", collapsed},
		{soap.XSAnyURI, "anyURI", collapsed},
		{soap.XSNOTATION, "NOTATION", collapsed},
		{soap.XSGYearMonth, "gYearMonth", collapsed},
		{soap.XSGYear, "gYear", collapsed},
		{soap.XSGMonthDay, "gMonthDay", collapsed},
		{soap.XSGDay, "gDay", collapsed},
		{soap.XSGMonth, "gMonth", collapsed},
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
		d := fldDecoder(t, `<v xmlns:p="urn:p"> p:x </v>`)
		se := decChild(t, d, "v")
		var v xml.Name
		f := fldField(false, false, false)
		if err := soap.XSQName.Decode(d, se, &f, nil, &v); err != nil {
			t.Fatal(err)
		}
		if v != encN("urn:p", "x") {
			t.Errorf("decoded %v", v)
		}
	})
	for _, bad := range []string{"u:x", "p:", "a b"} {
		t.Run("decode invalid "+bad, func(t *testing.T) {
			_, err := codecDecode(t, soap.XSQName, bad)
			decWantDecodeError(t, err, bad)
		})
	}
	t.Run("encode declares the prefix", func(t *testing.T) {
		f := fldField(false, false, false)
		got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSQName.Encode(e, &f, nil, encN("urn:q", "n")) })
		if want := `<v xmlns:ns1="urn:q">ns1:n</v>`; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		got = fldMustEncode(t, func(e *soap.Encoder) { soap.XSQName.Encode(e, &f, nil, fldN("n")) })
		if want := `<v>f:n</v>`; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	if soap.XSQName.Type != encN(soap.XSDNamespace, "QName") || !soap.XSQName.IsZero(xml.Name{}) || soap.XSQName.IsZero(xml.Name{Local: "x"}) {
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
func adapterCase[T any](c soap.Codec[T], typ xml.Name, in string, want T, out, bad string) func(t *testing.T) {
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
		{"StringType over token", adapterCase(soap.StringType[codecColor](soap.XSToken, typ), typ, "  dark \n red ", codecColor("dark red"), "dark red", "")},
		{"StringType over string", adapterCase(soap.StringType[codecColor](soap.XSString, typ), typ, " a ", codecColor(" a "), " a ", "")},
		{"Enum", adapterCase(soap.Enum[codecColor](typ), typ, " Red", codecColor(" Red"), " Red", "")},
		{"Int32Type", adapterCase(soap.Int32Type[codecChar](soap.XSInt, typ), typ, " 65 ", codecChar(65), "65", "A")},
		{"BytesType hex", adapterCase(soap.BytesType[codecBlob](soap.XSHexBinary, typ), typ, "0102", codecBlob{1, 2}, "0102", "012")},
		{"BytesType base64", adapterCase(soap.BytesType[codecBlob](soap.XSBase64Binary, typ), typ, "AQI=", codecBlob{1, 2}, "AQI=", "AQI")},
		{"BoolType", adapterCase(soap.BoolType[codecFlag](soap.XSBoolean, typ), typ, "true", codecFlag(true), "true", "on")},
		{"Int8Type", adapterCase(soap.Int8Type[codecI8](soap.XSByte, typ), typ, "-1", codecI8(-1), "-1", "200")},
		{"Int16Type", adapterCase(soap.Int16Type[codecI16](soap.XSShort, typ), typ, "300", codecI16(300), "300", "40000")},
		{"Int64Type", adapterCase(soap.Int64Type[codecI64](soap.XSLong, typ), typ, "-7", codecI64(-7), "-7", "7.5")},
		{"Uint8Type", adapterCase(soap.Uint8Type[codecU8](soap.XSUnsignedByte, typ), typ, "8", codecU8(8), "8", "-8")},
		{"Uint16Type", adapterCase(soap.Uint16Type[codecU16](soap.XSUnsignedShort, typ), typ, "16", codecU16(16), "16", "65536")},
		{"Uint32Type", adapterCase(soap.Uint32Type[codecU32](soap.XSUnsignedInt, typ), typ, "32", codecU32(32), "32", "x")},
		{"Uint64Type", adapterCase(soap.Uint64Type[codecU64](soap.XSUnsignedLong, typ), typ, "64", codecU64(64), "64", "x")},
		{"Float32Type", adapterCase(soap.Float32Type[codecF32](soap.XSFloat, typ), typ, "0.5", codecF32(0.5), "0.5", "x")},
		{"Float64Type", adapterCase(soap.Float64Type[codecF64](soap.XSDouble, typ), typ, "INF", codecF64(math.Inf(1)), "INF", "inf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
	t.Run("BytesType zero", func(t *testing.T) {
		c := soap.BytesType[codecBlob](soap.XSHexBinary, typ)
		if !c.IsZero(nil) || c.IsZero(codecBlob{}) {
			t.Error("IsZero(nil) must be true and IsZero(empty) false")
		}
	})
	t.Run("adapted codec encodes and decodes", func(t *testing.T) {
		c := soap.Int32Type[codecChar](soap.XSInt, typ)
		f := fldField(true, false, true)
		got := fldMustEncode(t, func(e *soap.Encoder) {
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
		c        soap.Codec[string]
		in, want string
	}{
		{soap.XSString, text("a  b"), " \n\t\r a  b \n\t\r "},
		{soap.XSAnySimpleType, text("a  b"), " \n\t\r a  b \n\t\r "},
		{soap.XSNormalizedString, "\ta\n b\r", " a  b "},
		{soap.XSToken, text("a \n b"), "a b"},
		{soap.XSLanguage, text("en-GB"), "en-GB"},
		{soap.XSName, text("a:b"), "a:b"},
		{soap.XSNCName, text("ab"), "ab"},
		{soap.XSID, text("id1"), "id1"},
		{soap.XSIDREF, text("id1"), "id1"},
		{soap.XSIDREFS, text("id1 \n id2"), "id1 id2"},
		{soap.XSENTITY, text("e"), "e"},
		{soap.XSENTITIES, text("e1\t\te2"), "e1 e2"},
		{soap.XSNMTOKEN, text("n-1"), "n-1"},
		{soap.XSNMTOKENS, text("n1  n2"), "n1 n2"},
		{soap.XSAnyURI, text("http://example.com/a"), "http://example.com/a"},
		{soap.XSNOTATION, text("n"), "n"},
		{soap.XSGYearMonth, text("2024-05"), "2024-05"},
		{soap.XSGYear, text("2024"), "2024"},
		{soap.XSGMonthDay, text("--05-01"), "--05-01"},
		{soap.XSGDay, text("---01"), "---01"},
		{soap.XSGMonth, text("--05"), "--05"},
		// A no-break space is not XML white space: it stays.
		{soap.XSToken, "\u00a0a\u00a0", "\u00a0a\u00a0"},
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
		{"boolean", "true", "true", lexical(soap.XSBoolean)},
		{"byte", "-8", "-8", lexical(soap.XSByte)},
		{"short", "-16", "-16", lexical(soap.XSShort)},
		{"int", "-32", "-32", lexical(soap.XSInt)},
		{"long", "-64", "-64", lexical(soap.XSLong)},
		{"integer", "7", "7", lexical(soap.XSInteger)},
		{"nonPositiveInteger", "-7", "-7", lexical(soap.XSNonPositiveInteger)},
		{"negativeInteger", "-7", "-7", lexical(soap.XSNegativeInteger)},
		{"unsignedByte", "8", "8", lexical(soap.XSUnsignedByte)},
		{"unsignedShort", "16", "16", lexical(soap.XSUnsignedShort)},
		{"unsignedInt", "32", "32", lexical(soap.XSUnsignedInt)},
		{"unsignedLong", "64", "64", lexical(soap.XSUnsignedLong)},
		{"nonNegativeInteger", "7", "7", lexical(soap.XSNonNegativeInteger)},
		{"positiveInteger", "7", "7", lexical(soap.XSPositiveInteger)},
		{"float", "1.5", "1.5", lexical(soap.XSFloat)},
		{"double", "2.5", "2.5", lexical(soap.XSDouble)},
		{"decimal", "12.50", "12.50", lexical(soap.XSDecimal)},
		{"dateTime", "2024-05-01T12:00:00.5+02:00", "2024-05-01T12:00:00.5+02:00", lexical(soap.XSDateTime)},
		{"date", "2024-05-01Z", "2024-05-01Z", lexical(soap.XSDate)},
		{"time", "12:00:00", "12:00:00", lexical(soap.XSTime)},
		{"duration", "P1DT2H", "P1DT2H", lexical(soap.XSDuration)},
		{"base64Binary", "aGVs\n bG8=", "aGVsbG8=", lexical(soap.XSBase64Binary)},
		{"hexBinary", "0aFF", "0AFF", lexical(soap.XSHexBinary)},
		{"QName", "xsd:int", "{" + soap.XSDNamespace + "}int", func(t *testing.T, in string) (string, error) {
			v, err := codecDecode(t, soap.XSQName, in)
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
	d, err := codecDecode(t, soap.XSDate, text("2024-05-01"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := d.MarshalText(); string(b) != "2024-05-01" || d.String() != "2024-05-01" {
		t.Errorf("MarshalText %q, String %q", b, d.String())
	}
	var a soap.Date
	if err := soap.XSDate.DecodeAttr(nil, &soap.Attribute{}, " \n\t2024-05-01\r ", &a); err != nil || a.String() != "2024-05-01" {
		t.Errorf("attribute decoded to %q, %v", a.String(), err)
	}
}

// lexical returns a function decoding text with c and returning the lexical form of the value.
func lexical[T any](c soap.Codec[T]) func(t *testing.T, in string) (string, error) {
	return func(t *testing.T, in string) (string, error) {
		t.Helper()
		v, err := codecDecode(t, c, in)
		return c.Format(nil, v), err
	}
}
