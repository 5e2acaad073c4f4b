package soapimpl_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

const (
	encXSI = soap.XSINamespace
	encXSD = soap.XSDNamespace
)

func encN(space, local string) xml.Name { return xml.Name{Space: space, Local: local} }

func encStart(space, local string) (xml.Name, xml.Name) { return encN(space, local), xml.Name{} }

// encWantErr fails unless err is non-nil and its message contains sub.
func encWantErr(t *testing.T, err error, sub string) {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want one containing %q", sub)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Fatalf("error = %q, want it to contain %q", err, sub)
	}
}

func TestEncoderNamespaces(t *testing.T) {
	tests := []struct {
		name  string
		hints map[string]string
		write func(e *soapimpl.Encoder)
		want  string
	}{
		{
			name: "declared where first needed and reused below",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "a"))
				e.StartElement(encStart("urn:a", "b"))
				e.StartElement(encStart("urn:b", "c"))
				e.StartElement(encStart("urn:a", "d"))
				e.EndElement()
				e.StartElement(encStart("urn:b", "e"))
				e.EndElement()
				e.EndElement()
				e.EndElement()
				e.EndElement()
			},
			want: `<ns1:a xmlns:ns1="urn:a"><ns1:b><ns2:c xmlns:ns2="urn:b"><ns1:d/><ns2:e/></ns2:c></ns1:b></ns1:a>`,
		},
		{
			name: "declaration on a sibling goes out of scope with it",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("", "r"))
				e.StartElement(encStart("urn:b", "x"))
				e.EndElement()
				e.StartElement(encStart("urn:c", "y"))
				e.EndElement()
				e.StartElement(encStart("urn:b", "z"))
				e.EndElement()
				e.EndElement()
			},
			want: `<r><ns1:x xmlns:ns1="urn:b"/><ns1:y xmlns:ns1="urn:c"/><ns1:z xmlns:ns1="urn:b"/></r>`,
		},
		{
			name: "Bind on the root is used by every descendant, attribute and QName",
			write: func(e *soapimpl.Encoder) {
				e.Bind("p", "urn:a")
				e.Bind("xsi", encXSI)
				e.StartElement(encStart("urn:a", "root"))
				e.StartElement(encStart("urn:a", "child"))
				e.Attr(encN("urn:a", "at"), "1")
				e.TypeAttr(encN("urn:a", "T"))
				e.StartElement(encStart("urn:a", "leaf"))
				e.Text(e.QName(encN("urn:a", "v")))
				e.EndElement()
				e.EndElement()
				e.EndElement()
			},
			want: `<p:root xmlns:p="urn:a" xmlns:xsi="` + encXSI + `"><p:child p:at="1" xsi:type="p:T"><p:leaf>p:v</p:leaf></p:child></p:root>`,
		},
		{
			name: "Bind of a namespace the root does not use",
			write: func(e *soapimpl.Encoder) {
				e.Bind("q", "urn:q")
				e.StartElement(encStart("", "root"))
				e.StartElement(encStart("urn:q", "x"))
				e.EndElement()
				e.EndElement()
			},
			want: `<root xmlns:q="urn:q"><q:x/></root>`,
		},
		{
			name:  "preferred prefix used when free",
			hints: map[string]string{"urn:a": "a", "urn:b": "b"},
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "x"))
				e.StartElement(encStart("urn:b", "y"))
				e.EndElement()
				e.StartElement(encStart("urn:c", "z"))
				e.EndElement()
				e.EndElement()
			},
			want: `<a:x xmlns:a="urn:a"><b:y xmlns:b="urn:b"/><ns1:z xmlns:ns1="urn:c"/></a:x>`,
		},
		{
			name:  "preferred prefix bound to another URI on an ancestor is not shadowed",
			hints: map[string]string{"urn:b": "p"},
			write: func(e *soapimpl.Encoder) {
				e.Bind("p", "urn:a")
				e.StartElement(encStart("urn:a", "root"))
				e.StartElement(encStart("urn:b", "mid"))
				e.StartElement(encStart("urn:a", "leaf"))
				e.Text(e.QName(encN("urn:a", "v")))
				e.EndElement()
				e.EndElement()
				e.EndElement()
			},
			want: `<p:root xmlns:p="urn:a"><ns1:mid xmlns:ns1="urn:b"><p:leaf>p:v</p:leaf></ns1:mid></p:root>`,
		},
		{
			name:  "preferred prefix of an attribute namespace bound to another URI",
			hints: map[string]string{"urn:b": "p"},
			write: func(e *soapimpl.Encoder) {
				e.Bind("p", "urn:a")
				e.StartElement(encStart("urn:a", "root"))
				e.StartElement(encStart("", "el"))
				e.Attr(encN("urn:b", "at"), "v")
				e.EndElement()
				e.EndElement()
			},
			want: `<p:root xmlns:p="urn:a"><el xmlns:ns1="urn:b" ns1:at="v"/></p:root>`,
		},
		{
			name:  "preferred prefix taken by ns1-style generated binding",
			hints: map[string]string{"urn:b": "ns1"},
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "root"))
				e.StartElement(encStart("urn:b", "x"))
				e.EndElement()
				e.EndElement()
			},
			want: `<ns1:root xmlns:ns1="urn:a"><ns2:x xmlns:ns2="urn:b"/></ns1:root>`,
		},
		{
			name:  "reserved preferred prefixes are ignored",
			hints: map[string]string{"urn:a": "xml", "urn:b": "xmlns"},
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "x"))
				e.StartElement(encStart("urn:b", "y"))
				e.EndElement()
				e.EndElement()
			},
			want: `<ns1:x xmlns:ns1="urn:a"><ns2:y xmlns:ns2="urn:b"/></ns1:x>`,
		},
		{
			name:  "invalid preferred prefixes are ignored",
			hints: map[string]string{"urn:a": "1a", "urn:b": "a:b", "urn:c": ""},
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "x"))
				e.Attr(encN("urn:b", "y"), "1")
				e.StartElement(encStart("urn:c", "z"))
				e.EndElement()
				e.EndElement()
			},
			want: `<ns1:x xmlns:ns1="urn:a" xmlns:ns2="urn:b" ns2:y="1"><ns3:z xmlns:ns3="urn:c"/></ns1:x>`,
		},
		{
			name: "unqualified names get no prefix and no default namespace",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "q"))
				e.StartElement(encStart("", "u"))
				e.Attr(encN("", "at"), "1")
				e.StartElement(encStart("urn:a", "q2"))
				e.EndElement()
				e.EndElement()
				e.EndElement()
			},
			want: `<ns1:q xmlns:ns1="urn:a"><u at="1"><ns1:q2/></u></ns1:q>`,
		},
		{
			name: "attribute in a namespace gets a prefix",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("", "a"))
				e.Attr(encN("urn:b", "x"), "1")
				e.Attr(encN("urn:b", "y"), "2")
				e.Attr(encN("", "z"), "3")
				e.EndElement()
			},
			want: `<a xmlns:ns1="urn:b" ns1:x="1" ns1:y="2" z="3"/>`,
		},
		{
			name: "attribute in the element's namespace reuses its prefix",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:a", "a"))
				e.Attr(encN("urn:a", "x"), "1")
				e.EndElement()
			},
			want: `<ns1:a xmlns:ns1="urn:a" ns1:x="1"/>`,
		},
		{
			name: "xml:lang needs no declaration",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("", "a"))
				e.Attr(encN(soap.XMLNamespace, "lang"), "en")
				e.EndElement()
			},
			want: `<a xml:lang="en"/>`,
		},
		{
			name: "TypeAttr declares the type's namespace and xsi on the open tag",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("", "a"))
				e.TypeAttr(encN("urn:t", "T"))
				e.EndElement()
			},
			want: `<a xmlns:ns1="urn:t" xmlns:ns2="` + encXSI + `" ns2:type="ns1:T"/>`,
		},
		{
			name:  "StartElement with a type, with the client's prefixes",
			hints: map[string]string{encXSI: "xsi", encXSD: "xsd"},
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encN("urn:a", "a"), encN(encXSD, "int"))
				e.Text("1")
				e.EndElement()
			},
			want: `<ns1:a xmlns:ns1="urn:a" xmlns:xsd="` + encXSD + `" xmlns:xsi="` + encXSI + `" xsi:type="xsd:int">1</ns1:a>`,
		},
		{
			name: "StartElement with a type in the element's own namespace",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encN("urn:a", "a"), encN("urn:a", "T"))
				e.EndElement()
			},
			want: `<ns1:a xmlns:ns1="urn:a" xmlns:ns2="` + encXSI + `" ns2:type="ns1:T"/>`,
		},
		{
			name: "QName declares its namespace on the open tag",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("", "a"))
				q := e.QName(encN("urn:q", "v"))
				e.Text(q)
				e.EndElement()
			},
			want: `<a xmlns:ns1="urn:q">ns1:v</a>`,
		},
		{
			name: "unqualified QName is the local name",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("", "a"))
				e.Text(" ")
				e.Text(e.QName(encN("", "v")))
				e.EndElement()
			},
			want: `<a> v</a>`,
		},
		{
			name: "QName after content, namespace in scope",
			write: func(e *soapimpl.Encoder) {
				e.StartElement(encStart("urn:q", "a"))
				e.Text("x ")
				e.Text(e.QName(encN("urn:q", "v")))
				e.EndElement()
			},
			want: `<ns1:a xmlns:ns1="urn:q">x ns1:v</ns1:a>`,
		},
		{
			name: "NilElement and TextElement",
			write: func(e *soapimpl.Encoder) {
				e.Bind("xsi", encXSI)
				e.StartElement(encStart("", "r"))
				e.NilElement(encN("urn:a", "n"))
				e.TextElement(encN("urn:a", "t"), "x")
				e.TextElement(encN("", "empty"), "")
				e.EndElement()
			},
			want: `<r xmlns:xsi="` + encXSI + `"><ns1:n xmlns:ns1="urn:a" xsi:nil="true"/><ns1:t xmlns:ns1="urn:a">x</ns1:t><empty></empty></r>`,
		},
		{
			name: "Raw",
			write: func(e *soapimpl.Encoder) {
				e.Raw(`<?xml version="1.0"?>`)
				e.StartElement(encStart("", "r"))
				e.Raw(`<x/>`)
				e.EndElement()
			},
			want: `<?xml version="1.0"?><r><x/></r>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := soapimpl.NewEncoder(tt.hints)
			tt.write(e)
			if err := e.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
			got := string(e.Bytes())
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if err := encWellFormed(got); err != nil {
				t.Errorf("output is not well-formed: %v", err)
			}
			if strings.Contains(got, `xmlns="`) {
				t.Errorf("output declares a default namespace: %s", got)
			}
		})
	}
}

// encWellFormed parses s completely with encoding/xml.
func encWellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestEncoderZeroValue(t *testing.T) {
	var e soapimpl.Encoder
	e.StartElement(encStart("urn:a", "a"))
	e.Text("x")
	e.EndElement()
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	if got, want := string(e.Bytes()), `<ns1:a xmlns:ns1="urn:a">x</ns1:a>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestEncoderEscaping(t *testing.T) {
	tests := []struct {
		name, in, text, attr string
	}{
		{"markup", `a&b<c>d"e'f`, `a&amp;b&lt;c&gt;d"e'f`, `a&amp;b&lt;c&gt;d&quot;e'f`},
		{"entity-like", `&amp; &lt;`, `&amp;amp; &amp;lt;`, `&amp;amp; &amp;lt;`},
		{"cdata end", `]]>`, `]]&gt;`, `]]&gt;`},
		{"newline", "l1\nl2", "l1\nl2", "l1&#xA;l2"},
		{"tab", "a\tb", "a\tb", "a&#x9;b"},
		{"carriage return", "a\rb", "a&#xD;b", "a&#xD;b"},
		{"CRLF", "a\r\nb", "a&#xD;\nb", "a&#xD;&#xA;b"},
		{"non-ASCII", "é€😀\uFFFD", "é€😀\uFFFD", "é€😀\uFFFD"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := soapimpl.NewEncoder(nil)
			e.StartElement(encStart("", "a"))
			e.Attr(encN("", "v"), tt.in)
			e.Text(tt.in)
			e.EndElement()
			if err := e.Err(); err != nil {
				t.Fatal(err)
			}
			want := `<a v="` + tt.attr + `">` + tt.text + `</a>`
			got := string(e.Bytes())
			if got != want {
				t.Fatalf("got  %q\nwant %q", got, want)
			}
			text, attr, err := encParseBack(e.Bytes(), xml.Name{Local: "a"}, xml.Name{Local: "v"})
			if err != nil {
				t.Fatal(err)
			}
			if text != tt.in || attr != tt.in {
				t.Errorf("parsed back text %q, attribute %q; want %q", text, attr, tt.in)
			}
		})
	}
}

// encParseBack parses one element with encoding/xml and returns its text and the value of attribute
// attr, checking the element's name.
func encParseBack(b []byte, name, attr xml.Name) (text, value string, err error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var sb strings.Builder
	found := false
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth != 1 {
				return "", "", errors.New("unexpected child element")
			}
			if t.Name != name {
				return "", "", errors.New("element name " + t.Name.Space + " " + t.Name.Local)
			}
			for _, a := range t.Attr {
				if a.Name == attr {
					value, found = a.Value, true
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			sb.Write(t)
		}
	}
	if !found {
		return "", "", errors.New("attribute not found")
	}
	return sb.String(), value, nil
}

func TestEncoderInvalidCharacters(t *testing.T) {
	tests := []struct {
		name, s, msg string
	}{
		{"U+0000", "a\x00b", "U+0000"},
		{"U+0001", "\x01", "U+0001"},
		{"U+001F", "\x1f", "U+001F"},
		{"U+FFFE", "\uFFFE", "U+FFFE"},
		{"U+FFFF", "\uFFFF", "U+FFFF"},
		{"lone 0xFF", "ab\xff", "invalid UTF-8 at byte 2"},
		{"truncated sequence", "\xc3", "invalid UTF-8 at byte 0"},
		{"lone continuation byte", "x\x80", "invalid UTF-8 at byte 1"},
		{"surrogate half", "\xed\xa0\x80", "invalid UTF-8 at byte 0"},
	}
	for _, tt := range tests {
		for _, where := range []string{"text", "attribute"} {
			t.Run(tt.name+" in "+where, func(t *testing.T) {
				e := soapimpl.NewEncoder(nil)
				e.StartElement(encStart("", "a"))
				if where == "text" {
					e.Text(tt.s)
				} else {
					e.Attr(encN("", "v"), tt.s)
				}
				e.EndElement()
				encWantErr(t, e.Err(), tt.msg)
			})
		}
	}
	t.Run("first error is kept", func(t *testing.T) {
		e := soapimpl.NewEncoder(nil)
		e.StartElement(encStart("", "a"))
		e.Text("\x01")
		e.Text("\x02")
		e.EndElement()
		encWantErr(t, e.Err(), "U+0001")
	})
	t.Run("valid edge characters", func(t *testing.T) {
		e := soapimpl.NewEncoder(nil)
		e.StartElement(encStart("", "a"))
		e.Attr(encN("", "v"), "\t\n\r \uD7FF\uE000\uFFFD\U00010000\U0010FFFF")
		e.Text("\t\n\r \uD7FF\uE000\uFFFD\U00010000\U0010FFFF")
		e.EndElement()
		if err := e.Err(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestEncoderStructureErrors(t *testing.T) {
	tests := []struct {
		name  string
		write func(e *soapimpl.Encoder)
		msg   string
	}{
		{"EndElement without StartElement", func(e *soapimpl.Encoder) { e.EndElement() }, "EndElement without StartElement"},
		{"extra EndElement", func(e *soapimpl.Encoder) {
			e.StartElement(encStart("", "a"))
			e.EndElement()
			e.EndElement()
		}, "EndElement without StartElement"},
		{"one unclosed element", func(e *soapimpl.Encoder) { e.StartElement(encStart("", "a")) }, "1 element(s) left open"},
		{"two unclosed elements", func(e *soapimpl.Encoder) {
			e.StartElement(encStart("", "a"))
			e.StartElement(encStart("", "b"))
		}, "2 element(s) left open"},
		{"attribute after content", func(e *soapimpl.Encoder) {
			e.StartElement(encStart("", "a"))
			e.Text("x")
			e.Attr(encN("", "v"), "1")
			e.EndElement()
		}, "attribute v written outside a start tag"},
		{"attribute after child", func(e *soapimpl.Encoder) {
			e.StartElement(encStart("", "a"))
			e.StartElement(encStart("", "b"))
			e.EndElement()
			e.NilAttr()
			e.EndElement()
		}, "attribute nil written outside a start tag"},
		{"QName after content, namespace not declared", func(e *soapimpl.Encoder) {
			e.StartElement(encStart("", "a"))
			e.Text("x")
			e.QName(encN("urn:q", "v"))
			e.EndElement()
		}, "namespace urn:q of QName v is not declared and the start tag is closed"},
		{"QName after Bytes closed the tag", func(e *soapimpl.Encoder) {
			e.StartElement(encStart("", "a"))
			e.Bytes()
			e.QName(encN("urn:q", "v"))
			e.EndElement()
		}, "is not declared and the start tag is closed"},
		{"SetError", func(e *soapimpl.Encoder) {
			e.SetError(errors.New("boom"))
			e.SetError(errors.New("second"))
		}, "boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := soapimpl.NewEncoder(nil)
			tt.write(e)
			encWantErr(t, e.Err(), tt.msg)
		})
	}
}

func TestEncoderNames(t *testing.T) {
	for _, name := range []string{"", "1a", "-a", ".a", "a b", "a:b", "a>", "a/", "a=b", "a\"", "\tx"} {
		t.Run("invalid element "+name, func(t *testing.T) {
			e := soapimpl.NewEncoder(nil)
			e.StartElement(encStart("urn:a", name))
			e.EndElement()
			encWantErr(t, e.Err(), "is not a valid XML element name")
		})
		t.Run("invalid attribute "+name, func(t *testing.T) {
			e := soapimpl.NewEncoder(nil)
			e.StartElement(encStart("", "a"))
			e.Attr(encN("urn:b", name), "v")
			e.EndElement()
			encWantErr(t, e.Err(), "is not a valid XML attribute name")
		})
	}
	t.Run("unqualified xmlns attribute", func(t *testing.T) {
		e := soapimpl.NewEncoder(nil)
		e.StartElement(encStart("", "a"))
		e.Attr(encN("", "xmlns"), "urn:default")
		e.EndElement()
		encWantErr(t, e.Err(), `"xmlns" is not a valid XML attribute name`)
	})
	for _, name := range []string{"a", "_", "A1", "a.b-c_d", "é", "日本", "a1.2"} {
		t.Run("valid "+name, func(t *testing.T) {
			e := soapimpl.NewEncoder(nil)
			e.StartElement(encStart("urn:a", name))
			e.Attr(encN("", name), "v")
			e.EndElement()
			if err := e.Err(); err != nil {
				t.Fatal(err)
			}
			want := `<ns1:` + name + ` xmlns:ns1="urn:a" ` + name + `="v"/>`
			if got := string(e.Bytes()); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

// encCheckText writes text and attr the way FuzzEncoderText does and checks the result: an error
// exactly when the strings hold something XML 1.0 cannot carry, else output that encoding/xml parses
// back to the same name, text and attribute value.
func encCheckText(t *testing.T, text, attr string) {
	t.Helper()
	e := soapimpl.NewEncoder(nil)
	e.StartElement(encStart("urn:a", "el"))
	e.Attr(encN("urn:b", "at"), attr)
	e.Text(text)
	e.EndElement()
	err := e.Err()
	wantErr := !encXMLString(text) || !encXMLString(attr)
	if (err != nil) != wantErr {
		t.Fatalf("text %q, attr %q: Err() = %v, want error %v", text, attr, err, wantErr)
	}
	if err != nil {
		return
	}
	// encoding/xml accepts attributes run together, so check the start tag's shape here.
	if prefix := `<ns1:el xmlns:ns1="urn:a" xmlns:ns2="urn:b" ns2:at="`; !bytes.HasPrefix(e.Bytes(), []byte(prefix)) {
		t.Fatalf("output %q does not start with %q", e.Bytes(), prefix)
	}
	gotText, gotAttr, perr := encParseBack(e.Bytes(), encN("urn:a", "el"), encN("urn:b", "at"))
	if perr != nil {
		t.Fatalf("text %q, attr %q: output %q does not parse: %v", text, attr, e.Bytes(), perr)
	}
	if gotText != text {
		t.Errorf("text %q parsed back as %q (output %q)", text, gotText, e.Bytes())
	}
	if gotAttr != attr {
		t.Errorf("attribute %q parsed back as %q (output %q)", attr, gotAttr, e.Bytes())
	}
}

// encXMLString reports whether s is valid UTF-8 made of XML 1.0 characters.
func encXMLString(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
			r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false
		}
	}
	return true
}

func TestEncoderTextProperty(t *testing.T) {
	alphabet := []string{"a", "Z", " ", "\t", "\n", "\r", "&", "<", ">", "\"", "'", "]]>", "&amp;",
		"é", "€", "😀", "\uFFFD", "\uFFFE", "\x00", "\x01", "\x7f", "\xff", "\xc3", "\xed\xa0\x80", "\U0010FFFF"}
	rng := rand.New(rand.NewSource(1))
	randomString := func() string {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return b.String()
	}
	for i := 0; i < 3000; i++ {
		encCheckText(t, randomString(), randomString())
	}
}

func FuzzEncoderText(f *testing.F) {
	for _, s := range []string{"", "plain", "a&b<c>d\"e'f", "]]>", "line\r\nnext\ttab", "\x00", "\xff",
		"\uFFFE", "é€😀", "&#xD;"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, attr string) {
		encCheckText(t, text, attr)
	})
}

func TestEncoderBindErrors(t *testing.T) {
	tests := []struct{ prefix, uri string }{
		{"", "urn:a"},
		{"1p", "urn:a"},
		{"p:q", "urn:a"},
		{"xml", soap.XMLNamespace},
		{"xmlns", "urn:a"},
		{"p", ""},
	}
	for _, tt := range tests {
		t.Run(tt.prefix+"="+tt.uri, func(t *testing.T) {
			e := soapimpl.NewEncoder(nil)
			e.Bind(tt.prefix, tt.uri)
			e.StartElement(encStart("urn:a", "a"))
			e.EndElement()
			encWantErr(t, e.Err(), "cannot bind prefix")
			if strings.Contains(string(e.Bytes()), "xmlns:=") {
				t.Errorf("malformed output %s", e.Bytes())
			}
		})
	}
}
