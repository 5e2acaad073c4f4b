package parser

import (
	"encoding/xml"
	"fmt"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// encodedSchema is a schema whose element name and documentation are not ASCII, after decl.
func encodedSchema(decl string) string {
	return decl + "\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:a\">\n" +
		"<xs:element name=\"Größe\" type=\"xs:int\"><xs:annotation><xs:documentation>Die Größe in € (außen)</xs:documentation></xs:annotation></xs:element>\n" +
		"</xs:schema>\n"
}

// le and be write UTF-16 without a byte order mark (the fixtures add it, or not).
var (
	le = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding the fixture: %v", err)
	}
	return b
}

// TestEncodings reads the same schema written in the encodings XML 1.0 requires (UTF-8, UTF-16 with
// a byte order mark) and in declared ones, and requires the same UTF-8 names and documentation.
func TestEncodings(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF-8, no declaration", []byte(encodedSchema(""))},
		{"UTF-8 with a byte order mark and a declaration", append([]byte("\xEF\xBB\xBF"), encodedSchema(`<?xml version="1.0" encoding="UTF-8"?>`)...)},
		{"UTF-16LE with a byte order mark", append([]byte{0xFF, 0xFE}, encode(t, le, encodedSchema(`<?xml version="1.0" encoding="utf-16"?>`))...)},
		{"UTF-16BE with a byte order mark", append([]byte{0xFE, 0xFF}, encode(t, be, encodedSchema(`<?xml version="1.0" encoding="UTF-16"?>`))...)},
		{"UTF-16LE with a byte order mark, no declaration", append([]byte{0xFF, 0xFE}, encode(t, le, encodedSchema(""))...)},
		{"UTF-16BE with a byte order mark declared UTF-16BE", append([]byte{0xFE, 0xFF}, encode(t, be, encodedSchema(`<?xml version="1.0" encoding="UTF-16BE"?>`))...)},
		{"UTF-16LE without a byte order mark, declared (Appendix F)", encode(t, le, encodedSchema(`<?xml version="1.0" encoding="UTF-16"?>`))},
		{"UTF-16BE without a byte order mark, declared (Appendix F)", encode(t, be, encodedSchema(`<?xml version='1.0' encoding='UTF-16'?>`))},
		{"windows-1252", encode(t, charmap.Windows1252, encodedSchema(`<?xml version="1.0" encoding="windows-1252"?>`))},
		{"cp1252 (an Encoding Standard label)", encode(t, charmap.Windows1252, encodedSchema(`<?xml version="1.0" encoding="cp1252"?>`))},
		{"ISO-8859-15", encode(t, charmap.ISO8859_15, encodedSchema(`<?xml version="1.0" encoding="iso-8859-15"?>`))},
		{"utf8 (an Encoding Standard label)", []byte(encodedSchema(`<?xml version="1.0" encoding="utf8"?>`))},
		{"comment and blank line before the declaration", encode(t, charmap.Windows1252, encodedSchema("<!-- saved -->\n<?xml version=\"1.0\" encoding=\"Windows-1252\" standalone=\"yes\"?>"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(fstest.MapFS{"a.xsd": {Data: tt.data}}, []string{"a.xsd"}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			e := s.Elements[xml.Name{Space: "urn:a", Local: "Größe"}]
			if e == nil {
				t.Fatalf("element Größe not found; elements: %v", sortedNames(s.Elements))
			}
			if want := "Die Größe in € (außen)"; e.Doc != want {
				t.Errorf("documentation %q, want %q", e.Doc, want)
			}
		})
	}
	// ISO-8859-1 has no € nor „“: its own fixture.
	latin1 := encode(t, charmap.ISO8859_1, `<?xml version="1.0" encoding="ISO-8859-1"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:element name="Größe" type="xs:int"><xs:annotation><xs:documentation>Maße «außen», 5 µm</xs:documentation></xs:annotation></xs:element></xs:schema>`)
	s, err := Parse(fstest.MapFS{"a.xsd": {Data: latin1}}, []string{"a.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e := s.Elements[xml.Name{Space: "urn:a", Local: "Größe"}]; e == nil || e.Doc != "Maße «außen», 5 µm" {
		t.Errorf("ISO-8859-1: %+v", e)
	}
	// ISO-8859-1 is read as itself (byte 0x80 is U+0080), not as the windows-1252 browsers read for it.
	c1 := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:a\"><xs:element name=\"E\" type=\"xs:int\"><xs:annotation><xs:documentation>\x80</xs:documentation></xs:annotation></xs:element></xs:schema>")
	s, err = Parse(fstest.MapFS{"a.xsd": {Data: c1}}, []string{"a.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e := s.Elements[xml.Name{Space: "urn:a", Local: "E"}]; e == nil || e.Doc != "\u0080" {
		t.Errorf("ISO-8859-1 byte 0x80: %+v", e)
	}
}

// TestEncodingErrors: an unknown, undecodable or inconsistent encoding, and bytes that are not
// characters of the encoding, are errors naming the file and the line.
func TestEncodingErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"unknown", []byte(encodedSchema(`<?xml version="1.0" encoding="klingon-1"?>`)),
			`a.xsd: the XML declaration on line 1 names the encoding "klingon-1", which is not a character encoding sogen knows`},
		{"registered but not decodable", []byte("\n\n" + encodedSchema(`<?xml version="1.0" encoding="UTF-7"?>`)),
			`a.xsd: the XML declaration on line 3 names the encoding "UTF-7", which sogen cannot decode: convert the file to UTF-8`},
		{"UTF-8 mark, other declaration", append([]byte("\xEF\xBB\xBF"), encodedSchema(`<?xml version="1.0" encoding="ISO-8859-1"?>`)...),
			`a.xsd: the XML declaration on line 1 names the encoding "ISO-8859-1", but the file starts with the byte order mark of UTF-8`},
		{"UTF-16 mark, other declaration", append([]byte{0xFF, 0xFE}, encode(t, le, encodedSchema(`<?xml version="1.0" encoding="windows-1252"?>`))...),
			`a.xsd: the XML declaration on line 1 names the encoding "windows-1252", but the file starts with the byte order mark of UTF-16LE`},
		{"UTF-16 mark of the other byte order", append([]byte{0xFE, 0xFF}, encode(t, be, encodedSchema(`<?xml version="1.0" encoding="UTF-16LE"?>`))...),
			`a.xsd: the XML declaration on line 1 names the encoding "UTF-16LE", but the file starts with the byte order mark of UTF-16BE`},
		{"UTF-16 declared in single bytes", []byte(encodedSchema(`<?xml version="1.0" encoding="UTF-16"?>`)),
			`a.xsd: the XML declaration on line 1 names the encoding "UTF-16", but the file is not written in it (no byte order mark, and the declaration is one byte per character)`},
		{"UTF-16 without a mark or a declaration", encode(t, le, "<?xml version=\"1.0\"?><xs:schema/>"),
			`a.xsd: the file looks like UTF-16LE without a byte order mark, and its XML declaration names no encoding`},
		{"EBCDIC declared in ASCII", []byte(encodedSchema(`<?xml version="1.0" encoding="IBM037"?>`)),
			`a.xsd: the XML declaration on line 1 names the encoding "IBM037", but the declaration itself is not written in that encoding`},
		{"Latin-1 bytes without a declaration", encode(t, charmap.ISO8859_1, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n\n<!-- Größe --></xs:schema>"),
			`a.xsd: line 3 holds bytes that are not characters of UTF-8 (no XML declaration names another encoding): the file is in another encoding (declare it in the XML declaration, or convert the file)`},
		{"Latin-1 bytes declared UTF-8", encode(t, charmap.ISO8859_1, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Größe --><xs:schema/>"),
			`a.xsd: line 2 holds bytes that are not characters of UTF-8: the file is in another encoding (declare it in the XML declaration, or convert the file)`},
		{"a byte ISO-8859-3 does not define", []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-3\"?>\n<xs:schema>\n\xA5</xs:schema>"),
			`a.xsd: line 3 holds bytes that are not characters of ISO-8859-3: the file is in another encoding (declare it in the XML declaration, or convert the file)`},
		{"UCS-4", []byte{0, 0, 0xFE, 0xFF, 0, 0, 0, '<'},
			`a.xsd: the file is in UCS-4 (UTF-32), which sogen does not read: convert it to UTF-8`},
		{"truncated UTF-16", append([]byte{0xFF, 0xFE}, append(encode(t, le, "<xs:schema/>"), '\n')...),
			`a.xsd: the file is in UTF-16 but has an odd number of bytes (truncated?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(fstest.MapFS{"a.xsd": {Data: tt.data}}, []string{"a.xsd"}, Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestDoctypeInOtherEncodings: the DTD refusal sees through every encoding.
func TestDoctypeInOtherEncodings(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"%s\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>"
	for _, tt := range []struct {
		enc  string
		data func(string) []byte
	}{
		{"ISO-8859-1", func(s string) []byte { return []byte(s) }},
		{"UTF-16", func(s string) []byte {
			return append([]byte{0xFF, 0xFE}, encode(t, le, s)...)
		}},
	} {
		_, err := Parse(fstest.MapFS{"a.xsd": {Data: tt.data(fmt.Sprintf(doc, tt.enc))}}, []string{"a.xsd"}, Options{})
		if want := "a.xsd: document type declarations (<!DOCTYPE ...>) are not supported: sogen does not process DTDs or their entities"; err == nil || err.Error() != want {
			t.Errorf("%s: got %v", tt.enc, err)
		}
	}
}

// FuzzDecodeText: decodeText never panics, and what it accepts is UTF-8.
func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{
		encodedSchema(`<?xml version="1.0" encoding="ISO-8859-1"?>`),
		encodedSchema(`<?xml version="1.0" encoding="UTF-16"?>`),
		"\xFF\xFE<\x00?\x00x\x00m\x00l\x00",
		"\xFE\xFF\x00<\x00?",
		"<\x00?\x00x\x00m\x00l\x00 \x00e\x00n\x00c\x00o\x00d\x00i\x00n\x00g\x00=\x00'\x00U\x00T\x00F\x00-\x001\x006\x00'\x00?\x00>\x00",
		"\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?><a/>",
		"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a>\x82\xa0</a>",
		"<!-- c --><?xml encoding=\"windows-1252\"?>\x80\x81",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := decodeText(data, "a.xsd")
		if err == nil && !utf8.Valid(out) {
			t.Errorf("accepted %q as %q, which is not UTF-8", data, out)
		}
	})
}
