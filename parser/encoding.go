package parser

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns the document data of the file name as UTF-8 text, decoding the character
// encoding it is written in (XML 1.0 section 4.3.3 and Appendix F):
//
//   - a byte order mark decides: EF BB BF is UTF-8, FE FF UTF-16 big-endian, FF FE UTF-16
//     little-endian (the mark is dropped);
//   - without one, a document starting with "<?" in UTF-16 (3C 00 3F 00 or 00 3C 00 3F) is UTF-16
//     when its XML declaration says so (Appendix F; XML 1.0 requires the mark, sogen does not);
//   - otherwise the encoding the XML declaration names is decoded (ISO-8859-*, windows-125x,
//     Shift_JIS, KOI8-R, ...: every name or alias that golang.org/x/text knows, the IANA registry's
//     first, then the WHATWG Encoding Standard's), and a document without one is UTF-8.
//
// A declared encoding sogen does not know or cannot decode, one that contradicts the byte order mark
// (or the form of the declaration itself), UCS-4/UTF-32, and bytes that are not characters of the
// declared encoding are errors naming the file and the line. The XML declaration is left in the text
// as written: charsetReader lets encoding/xml read it over the decoded text.
func decodeText(data []byte, name string) ([]byte, error) {
	var (
		form  string // "" (one byte per ASCII character), "utf-8", "utf-16le" or "utf-16be"
		mark  bool
		order = unicode.LittleEndian
	)
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		form, mark, data = "utf-8", true, data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}),
		bytes.HasPrefix(data, []byte{0x3C, 0, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0, 0x3C}):
		return nil, errorf(Pos{File: name}, "the file is in UCS-4 (UTF-32), which sogen does not read: convert it to UTF-8")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		form, mark, order, data = "utf-16be", true, unicode.BigEndian, data[2:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		form, mark, data = "utf-16le", true, data[2:]
	case bytes.HasPrefix(data, []byte{0, 0x3C, 0, 0x3F}):
		form, order = "utf-16be", unicode.BigEndian
	case bytes.HasPrefix(data, []byte{0x3C, 0, 0x3F, 0}):
		form = "utf-16le"
	}
	text := data
	if strings.HasPrefix(form, "utf-16") {
		if len(data)%2 != 0 {
			return nil, errorf(Pos{File: name}, "the file is in UTF-16 but has an odd number of bytes (truncated?)")
		}
		var err error
		if text, err = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data); err != nil {
			return nil, errorf(Pos{File: name}, "the file is not valid %s: %v", strings.ToUpper(form), err)
		}
	}
	decl := declaration(text)
	if decl.encoding == "" {
		switch {
		case strings.HasPrefix(form, "utf-16") && !mark:
			return nil, errorf(Pos{File: name}, "the file looks like %s without a byte order mark, and its XML declaration names no encoding", strings.ToUpper(form))
		case !strings.HasPrefix(form, "utf-16") && !utf8.Valid(text):
			return nil, invalidBytes(name, text, "UTF-8 (no XML declaration names another encoding)", false)
		}
		return text, nil
	}
	at := func(format string, args ...any) error {
		return errorf(Pos{File: name}, "the XML declaration on line %d names the encoding %q, "+format, append([]any{decl.line, decl.encoding}, args...)...)
	}
	enc, canon, err := lookupEncoding(decl.encoding)
	if err != nil {
		return nil, at("%v", err)
	}
	switch {
	case form == "utf-8":
		if canon != "utf-8" {
			return nil, at("but the file starts with the byte order mark of UTF-8")
		}
		if !utf8.Valid(text) {
			return nil, invalidBytes(name, text, "UTF-8", false)
		}
		return text, nil
	case strings.HasPrefix(form, "utf-16"):
		label := strings.ToLower(decl.encoding)
		if !strings.HasPrefix(canon, "utf-16") || (label == "utf-16le" || label == "utf-16be") && label != form {
			if mark {
				return nil, at("but the file starts with the byte order mark of %s", strings.ToUpper(form))
			}
			return nil, at("but the file is written in %s", strings.ToUpper(form))
		}
		return text, nil
	case canon == "utf-8":
		if !utf8.Valid(text) {
			return nil, invalidBytes(name, text, "UTF-8", false)
		}
		return text, nil
	case strings.HasPrefix(canon, "utf-16"), strings.HasPrefix(canon, "utf-32"):
		return nil, at("but the file is not written in it (no byte order mark, and the declaration is one byte per character)")
	}
	text, err = enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, at("but the file is not written in it: %v", err)
	}
	if got := declaration(text); got.encoding != decl.encoding {
		// An encoding that does not write the declaration's characters as ASCII does (EBCDIC, UTF-7):
		// the declaration, read as ASCII, contradicts itself.
		return nil, at("but the declaration itself is not written in that encoding")
	}
	if _, err := enc.NewEncoder().String("\uFFFD"); err != nil && bytes.ContainsRune(text, utf8.RuneError) {
		// The decoder writes U+FFFD for bytes that are no character of the encoding, which cannot
		// itself write U+FFFD: there were such bytes.
		return nil, invalidBytes(name, text, decl.encoding, true)
	}
	return text, nil
}

// invalidBytes is the error for text holding bytes that are not characters of enc, on the line it
// names: the first byte that is not UTF-8, or, when decoded says text was decoded from enc, the first
// U+FFFD the decoder wrote in place of such bytes.
func invalidBytes(name string, text []byte, enc string, decoded bool) error {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && (decoded || n == 1) {
			break
		}
		i += n
	}
	line := 1 + bytes.Count(text[:i], []byte("\n"))
	return errorf(Pos{File: name}, "line %d holds bytes that are not characters of %s: the file is in another encoding (declare it in the XML declaration, or convert the file)", line, enc)
}

// lookupEncoding returns the encoding named label and its canonical name, lower-case ("utf-8",
// "utf-16", "iso_8859-1:1987", "windows-1252", ...): the IANA registry's encoding first (so that
// ISO-8859-1 is ISO-8859-1, not the windows-1252 that browsers read for it), then the Encoding
// Standard's for the labels IANA does not list (cp1252, utf8, x-sjis, ...).
func lookupEncoding(label string) (encoding.Encoding, string, error) {
	known := false
	if e, err := ianaindex.IANA.Encoding(label); err == nil {
		if e != nil {
			if n, err := ianaindex.IANA.Name(e); err == nil {
				return e, strings.ToLower(n), nil
			}
		}
		known = true // a registered name golang.org/x/text has no decoder for
	}
	if e, err := htmlindex.Get(label); err == nil {
		if n, err := htmlindex.Name(e); err == nil && n != "replacement" {
			return e, n, nil
		}
	}
	if known {
		return nil, "", fmt.Errorf("which sogen cannot decode: convert the file to UTF-8")
	}
	return nil, "", fmt.Errorf("which is not a character encoding sogen knows")
}

// xmlDecl is the XML declaration of a document: the encoding it names ("" when none), and its line.
type xmlDecl struct {
	encoding string
	line     int
}

var encodingAttr = regexp.MustCompile(`\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// declaration finds the XML declaration in text (UTF-8, or any encoding that writes ASCII as ASCII):
// the first processing instruction "<?xml ...?>", after any white space and comments (which sogen
// accepts before it, as encoding/xml does).
func declaration(text []byte) xmlDecl {
	line := 1
	for {
		trimmed := bytes.TrimLeft(text, " \t\r\n")
		line += bytes.Count(text[:len(text)-len(trimmed)], []byte("\n"))
		text = trimmed
		if !bytes.HasPrefix(text, []byte("<!--")) {
			break
		}
		end := bytes.Index(text, []byte("-->"))
		if end < 0 {
			return xmlDecl{}
		}
		line += bytes.Count(text[:end], []byte("\n"))
		text = text[end+3:]
	}
	if !bytes.HasPrefix(text, []byte("<?xml")) || len(text) < 6 || !strings.ContainsRune(" \t\r\n?", rune(text[5])) {
		return xmlDecl{}
	}
	end := bytes.Index(text, []byte("?>"))
	if end < 0 {
		return xmlDecl{}
	}
	m := encodingAttr.FindSubmatch(text[5:end])
	if m == nil {
		return xmlDecl{line: line}
	}
	return xmlDecl{encoding: string(append(m[1], m[2]...)), line: line}
}

// charsetReader is the CharsetReader of the XML decoders reading a document: decodeText made the
// text UTF-8 and checked the encoding its declaration names, which is left as written, so the text
// is read as it is.
func charsetReader(_ string, input io.Reader) (io.Reader, error) { return input, nil }

// newDecoder returns an encoding/xml decoder over text that decodeText returned.
func newDecoder(text []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(text))
	d.CharsetReader = charsetReader
	return d
}
