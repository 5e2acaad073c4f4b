package soap_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/soap"
)

func decNew(s string) *soap.Decoder { return soap.NewDecoder(strings.NewReader(s)) }

// decWantDecodeError fails unless err is a *soap.DecodeError whose message contains sub, and returns it.
func decWantDecodeError(t *testing.T, err error, sub string) *soap.DecodeError {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want a *soap.DecodeError containing %q", sub)
	}
	var de *soap.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *soap.DecodeError", err, err)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Fatalf("error = %q, want it to contain %q", err, sub)
	}
	return de
}

func decRoot(t *testing.T, d *soap.Decoder) xml.StartElement {
	t.Helper()
	se, err := d.Root()
	if err != nil {
		t.Fatalf("Root: %v", err)
	}
	return se
}

func decChild(t *testing.T, d *soap.Decoder, want string) xml.StartElement {
	t.Helper()
	se, ok, err := d.Child()
	if err != nil || !ok {
		t.Fatalf("Child = %v, %v, %v; want <%s>", se.Name, ok, err, want)
	}
	if se.Name.Local != want {
		t.Fatalf("Child = <%s>, want <%s>", se.Name.Local, want)
	}
	return se
}

func decNoChild(t *testing.T, d *soap.Decoder) {
	t.Helper()
	se, ok, err := d.Child()
	if err != nil || ok {
		t.Fatalf("Child = %v, %v, %v; want the end of the element", se.Name, ok, err)
	}
}

func decText(t *testing.T, d *soap.Decoder, want string) {
	t.Helper()
	s, err := d.Text()
	if err != nil {
		t.Fatalf("Text: %v", err)
	}
	if s != want {
		t.Fatalf("Text = %q, want %q", s, want)
	}
}

// decEOF checks that only whitespace and comments follow the root element.
func decEOF(t *testing.T, d *soap.Decoder) {
	t.Helper()
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		switch tok := tok.(type) {
		case xml.Comment:
			continue
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) == 0 {
				continue
			}
		}
		t.Fatalf("Token after the root = %#v, %v; want io.EOF", tok, err)
	}
}

func TestDecoderRoot(t *testing.T) {
	tests := []struct {
		name, in string
		want     xml.Name
	}{
		{"bare", `<r/>`, encN("", "r")},
		{"declaration", `<?xml version="1.0"?><r/>`, encN("", "r")},
		{"declaration UTF-8", `<?xml version="1.0" encoding="UTF-8"?>` + "\n<r/>", encN("", "r")},
		{"declaration utf8 lower case", `<?xml version="1.0" encoding="utf8"?><r/>`, encN("", "r")},
		{"declaration US-ASCII", `<?xml version="1.0" encoding="US-ASCII"?><r/>`, encN("", "r")},
		{"comments and whitespace", "\n <!-- one -->\r\n\t<!-- two --> <r xmlns=\"urn:d\"/>", encN("urn:d", "r")},
		{"processing instruction", `<?xml version="1.0"?><?pi data?><p:r xmlns:p="urn:p"/>`, encN("urn:p", "r")},
		{"byte order mark", "\uFEFF<r/>", encN("", "r")},
		{"byte order mark and declaration", "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<r/>", encN("", "r")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decNew(tt.in)
			se := decRoot(t, d)
			if se.Name != tt.want {
				t.Fatalf("Root = %v, want %v", se.Name, tt.want)
			}
			decNoChild(t, d)
			decEOF(t, d)
		})
	}
}

func TestDecoderRootErrors(t *testing.T) {
	tests := []struct{ name, in, msg string }{
		{"empty", ``, "no root element"},
		{"only prolog", `<?xml version="1.0"?><!-- c -->  `, "no root element"},
		{"text before root", `hello<r/>`, "text before the root element"},
		{"byte order mark after whitespace", " \uFEFF<r/>", "text before the root element"},
		{"two byte order marks", "\uFEFF\uFEFF<r/>", "text before the root element"},
		{"DOCTYPE", `<!DOCTYPE r><r/>`, "document type declarations are not accepted"},
		{"DOCTYPE after declaration", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>`, "document type declarations are not accepted"},
		{"ISO-8859-1", `<?xml version="1.0" encoding="ISO-8859-1"?><r/>`, `unsupported character encoding "ISO-8859-1"`},
		{"UTF-16", `<?xml version="1.0" encoding="UTF-16"?><r/>`, `unsupported character encoding "UTF-16"`},
		{"windows-1252", `<?xml version="1.0" encoding="windows-1252"?><r>é</r>`, `unsupported character encoding "windows-1252"`},
		{"not XML", `{"json": true}`, "text before the root element"},
		{"malformed", `<r`, "soap: decode: line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decNew(tt.in).Root()
			de := decWantDecodeError(t, err, tt.msg)
			if de.Path != "" {
				t.Errorf("Path = %q, want empty", de.Path)
			}
		})
	}
}

const decLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>`

// decAllocated returns the bytes allocated while f runs.
func decAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestDecoderBillionLaughs(t *testing.T) {
	const limit = 1 << 20 // the expansion would be 3 GB; decoding must stay far below 1 MB
	t.Run("DOCTYPE is refused", func(t *testing.T) {
		var err error
		n := decAllocated(func() { _, err = decNew(decLaughs).Root() })
		decWantDecodeError(t, err, "document type declarations are not accepted")
		if n > limit {
			t.Errorf("allocated %d bytes, want at most %d", n, limit)
		}
	})
	t.Run("undefined entity is an error", func(t *testing.T) {
		var err error
		n := decAllocated(func() {
			d := decNew(`<lolz>&lol9;</lolz>`)
			if _, err = d.Root(); err != nil {
				return
			}
			_, err = d.Text()
		})
		de := decWantDecodeError(t, err, "&lol9;")
		if de.Path != "lolz" {
			t.Errorf("Path = %q, want lolz", de.Path)
		}
		var se *xml.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("error %v does not wrap an *xml.SyntaxError", err)
		}
		if n > limit {
			t.Errorf("allocated %d bytes, want at most %d", n, limit)
		}
	})
	t.Run("entity in an attribute is an error", func(t *testing.T) {
		_, err := decNew(`<lolz a="&lol9;"/>`).Root()
		decWantDecodeError(t, err, "&lol9;")
	})
	t.Run("predefined and character entities are expanded", func(t *testing.T) {
		d := decNew(`<r>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;</r>`)
		decRoot(t, d)
		decText(t, d, `<>&'"AB`)
	})
}

func TestDecoderWalk(t *testing.T) {
	const in = `<?xml version="1.0"?>
<!-- prolog -->
<r xmlns="urn:r">
  <a>1</a>
  <b><c>x<d>deep</d></c><!-- c --><e/></b>
  <?pi?>
  <f xmlns="">text</f>
  <g><h><i/></h></g>
</r>
<!-- trailing -->
`
	d := decNew(in)
	if se := decRoot(t, d); se.Name != encN("urn:r", "r") {
		t.Fatalf("root %v", se.Name)
	}
	decChild(t, d, "a")
	decText(t, d, "1")
	b := decChild(t, d, "b")
	if b.Name != encN("urn:r", "b") {
		t.Fatalf("b = %v", b.Name)
	}
	decChild(t, d, "c")
	if err := d.Skip(); err != nil {
		t.Fatalf("Skip: %v", err)
	}
	decChild(t, d, "e")
	decNoChild(t, d) // e
	decNoChild(t, d) // b
	f := decChild(t, d, "f")
	if f.Name != encN("", "f") {
		t.Fatalf("f = %v, want it in no namespace", f.Name)
	}
	decText(t, d, "text")
	decChild(t, d, "g")
	if err := d.Skip(); err != nil {
		t.Fatalf("Skip: %v", err)
	}
	decNoChild(t, d) // r
	decEOF(t, d)
}

func TestDecoderTextErrors(t *testing.T) {
	t.Run("child element in simple content", func(t *testing.T) {
		d := decNew(`<r><a>x<b>y</b></a></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		_, err := d.Text()
		de := decWantDecodeError(t, err, "element <b> inside simple content")
		if de.Path != "r/a/b" {
			t.Errorf("Path = %q, want r/a/b", de.Path)
		}
	})
	t.Run("empty element", func(t *testing.T) {
		d := decNew(`<r><a/><b></b></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		decText(t, d, "")
		decChild(t, d, "b")
		decText(t, d, "")
		decNoChild(t, d)
	})
}

func TestDecoderMixedText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one chunk", `<a>one</a>`, "one"},
		{"text comment text CDATA", `<a>one<!--c-->two<![CDATA[<three>&amp;]]>four</a>`, "onetwo<three>&amp;four"},
		{"processing instruction between", `<a>x<?pi y?>z</a>`, "xz"},
		{"whitespace kept", "<a>\n  a  b\t</a>", "\n  a  b\t"},
		{"CRLF normalised", "<a>a\r\nb\rc</a>", "a\nb\nc"},
		{"character reference CR kept", "<a>a&#xD;b</a>", "a\rb"},
		{"only CDATA", `<a><![CDATA[]]></a>`, ""},
		{"many chunks", `<a>1<!---->2<!---->3<!---->4</a>`, "1234"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decNew(tt.in)
			decRoot(t, d)
			decText(t, d, tt.want)
			decEOF(t, d)
		})
	}
}

func TestDecoderResolveQName(t *testing.T) {
	t.Run("default namespace", func(t *testing.T) {
		d := decNew(`<r xmlns="urn:d"><a>v</a></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		decText(t, d, "v")
		got, err := d.ResolveQName("v")
		if err != nil || got != encN("urn:d", "v") {
			t.Fatalf("ResolveQName = %v, %v; want {urn:d v}", got, err)
		}
	})
	t.Run("no default namespace", func(t *testing.T) {
		d := decNew(`<r>v</r>`)
		decRoot(t, d)
		got, err := d.ResolveQName("v")
		if err != nil || got != encN("", "v") {
			t.Fatalf("ResolveQName = %v, %v; want {'' v}", got, err)
		}
	})
	t.Run("default namespace undeclared", func(t *testing.T) {
		d := decNew(`<r xmlns="urn:d"><a xmlns="">v</a></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		decText(t, d, "v")
		got, err := d.ResolveQName("v")
		if err != nil || got != encN("", "v") {
			t.Fatalf("ResolveQName = %v, %v; want {'' v}", got, err)
		}
	})
	t.Run("prefix declared on the element, after Text consumed its end tag", func(t *testing.T) {
		d := decNew(`<r xmlns:p="urn:outer"><q xmlns:t="urn:t" xmlns:p="urn:inner">t:v</q><z>t:w</z><y>p:y</y></r>`)
		decRoot(t, d)
		decChild(t, d, "q")
		decText(t, d, "t:v")
		for s, want := range map[string]xml.Name{"t:v": encN("urn:t", "v"), "p:x": encN("urn:inner", "x")} {
			got, err := d.ResolveQName(s)
			if err != nil || got != want {
				t.Fatalf("ResolveQName(%q) = %v, %v; want %v", s, got, err, want)
			}
		}
		// The next element is a sibling: q's declarations are out of scope.
		decChild(t, d, "z")
		decText(t, d, "t:w")
		_, err := d.ResolveQName("t:w")
		decWantDecodeError(t, err, `QName "t:w": prefix "t" is not declared`)
		decChild(t, d, "y")
		decText(t, d, "p:y")
		got, err := d.ResolveQName("p:y")
		if err != nil || got != encN("urn:outer", "y") {
			t.Fatalf("ResolveQName(p:y) = %v, %v; want {urn:outer y}", got, err)
		}
		decNoChild(t, d)
	})
	t.Run("prefix of the parent inside a child", func(t *testing.T) {
		d := decNew(`<r xmlns:p="urn:p"><a><b>p:v</b></a></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		decChild(t, d, "b")
		decText(t, d, "p:v")
		if got, err := d.ResolveQName(" p:v\n"); err != nil || got != encN("urn:p", "v") {
			t.Fatalf("ResolveQName = %v, %v", got, err)
		}
	})
	t.Run("xml prefix", func(t *testing.T) {
		d := decNew(`<r/>`)
		decRoot(t, d)
		if got, err := d.ResolveQName("xml:lang"); err != nil || got != encN(soap.XMLNamespace, "lang") {
			t.Fatalf("ResolveQName = %v, %v", got, err)
		}
	})
	t.Run("undeclared prefix", func(t *testing.T) {
		d := decNew(`<r xmlns:p="urn:p"><a>u:v</a></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		decText(t, d, "u:v")
		_, err := d.ResolveQName("u:v")
		de := decWantDecodeError(t, err, `QName "u:v": prefix "u" is not declared`)
		if de.Path != "r/a" {
			t.Errorf("Path = %q, want r/a", de.Path)
		}
	})
	for _, s := range []string{"", " ", ":", "a:", ":a", "a:b:c", "1a", "p:1a", "1p:a", "a b", "p: a", "-a", "a/b"} {
		t.Run(fmt.Sprintf("invalid %q", s), func(t *testing.T) {
			d := decNew(`<r xmlns="urn:d" xmlns:p="urn:p" xmlns:a="urn:a"/>`)
			decRoot(t, d)
			_, err := d.ResolveQName(s)
			decWantDecodeError(t, err, "is not a valid QName")
		})
	}
}

func TestDecoderXSIType(t *testing.T) {
	tests := []struct {
		name, in string
		want     xml.Name
		typed    bool
		msg      string
	}{
		{"prefixed", `<a xmlns:xsi="` + encXSI + `" xmlns:t="urn:t" xsi:type="t:T"/>`, encN("urn:t", "T"), true, ""},
		{"xsd", `<a xmlns:i="` + encXSI + `" xmlns:x="` + encXSD + `" i:type="x:int"/>`, encN(encXSD, "int"), true, ""},
		{"default namespace", `<a xmlns="urn:d" xmlns:xsi="` + encXSI + `" xsi:type="T"/>`, encN("urn:d", "T"), true, ""},
		{"absent", `<a/>`, xml.Name{}, false, ""},
		{"type attribute not in xsi", `<a type="t:T"/>`, xml.Name{}, false, ""},
		{"undeclared prefix", `<a xmlns:xsi="` + encXSI + `" xsi:type="t:T"/>`, xml.Name{}, false, `prefix "t" is not declared`},
		{"invalid", `<a xmlns:xsi="` + encXSI + `" xsi:type="t:"/>`, xml.Name{}, false, "is not a valid QName"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decNew(tt.in)
			se := decRoot(t, d)
			got, typed, err := d.XSIType(se)
			if tt.msg != "" {
				decWantDecodeError(t, err, tt.msg)
			} else if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || typed != tt.typed {
				t.Errorf("XSIType = %v, %v; want %v, %v", got, typed, tt.want, tt.typed)
			}
		})
	}
}

func TestIsNil(t *testing.T) {
	tests := []struct {
		name, attrs string
		want        bool
	}{
		{"true", `xsi:nil="true"`, true},
		{"1", `xsi:nil="1"`, true},
		{"true with spaces", `xsi:nil=" true "`, true},
		{"false", `xsi:nil="false"`, false},
		{"0", `xsi:nil="0"`, false},
		{"TRUE is not a boolean", `xsi:nil="TRUE"`, false},
		{"absent", ``, false},
		{"nil attribute in another namespace", `o:nil="true"`, false},
		{"unqualified nil attribute", `nil="true"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			se := decRoot(t, decNew(`<a xmlns:xsi="`+encXSI+`" xmlns:o="urn:o" `+tt.attrs+`/>`))
			if got := soap.IsNil(se); got != tt.want {
				t.Errorf("IsNil = %v, want %v", got, tt.want)
			}
		})
	}
}

// decNested returns n nested elements <e0><e1>...</e1></e0>.
func decNested(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<e%d>", i)
	}
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "</e%d>", i)
	}
	return b.String()
}

// decWalkAll reads the whole document with Root and Child, recursively.
func decWalkAll(d *soap.Decoder) error {
	if _, err := d.Root(); err != nil {
		return err
	}
	var walk func() error
	walk = func() error {
		for {
			_, ok, err := d.Child()
			if err != nil || !ok {
				return err
			}
			if err := walk(); err != nil {
				return err
			}
		}
	}
	return walk()
}

func TestDecoderMaxDepth(t *testing.T) {
	tests := []struct {
		name      string
		max, n    int
		wantError bool
		path      string
	}{
		{"at the limit", 3, 3, false, ""},
		{"below the limit", 3, 1, false, ""},
		{"one deeper", 3, 4, true, "e0/e1/e2"},
		{"much deeper", 3, 50, true, "e0/e1/e2"},
		{"limit 1", 1, 2, true, "e0"},
		{"default at the limit", 0, soap.DefaultMaxDepth, false, ""},
		{"default one deeper", 0, soap.DefaultMaxDepth + 1, true, ""},
		{"negative means default", -1, soap.DefaultMaxDepth + 1, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decNew(decNested(tt.n))
			d.MaxDepth = tt.max
			err := decWalkAll(d)
			if !tt.wantError {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			limit := tt.max
			if limit <= 0 {
				limit = soap.DefaultMaxDepth
			}
			de := decWantDecodeError(t, err, fmt.Sprintf("elements nested deeper than %d", limit))
			if tt.path != "" && de.Path != tt.path {
				t.Errorf("Path = %q, want %q", de.Path, tt.path)
			}
			if got := strings.Count(de.Path, "/") + 1; got != limit {
				t.Errorf("Path %q has %d elements, want %d", de.Path, got, limit)
			}
		})
	}
}

var errDecSentinel = errors.New("sentinel")

func TestDecodeError(t *testing.T) {
	t.Run("fields and message", func(t *testing.T) {
		d := decNew("<r>\n  <a>\n    <b>x</b>\n  </a>\n</r>")
		decRoot(t, d)
		decChild(t, d, "a")
		decChild(t, d, "b")
		// Text consumes </b>: the error is reported at b, after its end tag.
		decText(t, d, "x")
		err := d.Errorf("bad value %q: %w", "x", errDecSentinel)
		de := decWantDecodeError(t, err, "bad value")
		want := soap.DecodeError{Path: "r/a/b", Line: 3, Column: 13, Err: de.Err}
		if *de != want {
			t.Errorf("DecodeError = %+v, want %+v", *de, want)
		}
		if got, want := err.Error(), `soap: decode: r/a/b (line 3, column 13): bad value "x": sentinel`; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
		if !errors.Is(err, errDecSentinel) {
			t.Error("errors.Is(err, sentinel) = false")
		}
		if errors.Unwrap(err) != de.Err {
			t.Error("Unwrap does not return Err")
		}
		// The end tag just read keeps its element in the path until the next token.
		decNoChild(t, d)
		if de := decWantDecodeError(t, d.Errorf("at a"), "at a"); de.Path != "r/a" {
			t.Errorf("Path right after </a> = %q, want r/a", de.Path)
		}
		decNoChild(t, d)
		if de := decWantDecodeError(t, d.Errorf("at r"), "at r"); de.Path != "r" {
			t.Errorf("Path right after </r> = %q, want r", de.Path)
		}
		decEOF(t, d)
		if de := decWantDecodeError(t, d.Errorf("at the end"), "at the end"); de.Path != "" {
			t.Errorf("Path after the document = %q, want empty", de.Path)
		}
	})
	t.Run("message without a path", func(t *testing.T) {
		err := &soap.DecodeError{Line: 1, Column: 2, Err: errDecSentinel}
		if got, want := err.Error(), "soap: decode: line 1, column 2: sentinel"; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	})
	t.Run("not wrapped twice", func(t *testing.T) {
		d := decNew(`<r><a>p:x</a></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
		decText(t, d, "p:x")
		_, err := d.ResolveQName("p:x")
		de := decWantDecodeError(t, err, "not declared")
		var inner *soap.DecodeError
		if errors.As(de.Err, &inner) {
			t.Errorf("DecodeError wraps another DecodeError: %v", err)
		}
	})
	t.Run("syntax error position", func(t *testing.T) {
		d := decNew("<r>\n<a></b></r>")
		decRoot(t, d)
		_, _, err := d.Child()
		if err == nil {
			_, err = d.Text()
		}
		de := decWantDecodeError(t, err, "element <a> closed by </b>")
		if de.Line != 2 || de.Path != "r/a" {
			t.Errorf("Line, Path = %d, %q; want 2, r/a", de.Line, de.Path)
		}
		var se *xml.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("error does not wrap an *xml.SyntaxError")
		}
	})
}

func TestDecoderTruncated(t *testing.T) {
	const doc = `<?xml version="1.0"?><r xmlns="urn:r" xmlns:p="urn:p" a="1"><!-- c --><x>t&amp;u<![CDATA[v]]></x><y p:b="2"><z/></y></r>`
	if err := decWalkAll(decNew(doc)); err != nil {
		t.Fatalf("complete document: %v", err)
	}
	for n := 0; n < len(doc); n++ {
		t.Run(fmt.Sprintf("%d bytes", n), func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- decWalkAll(decNew(doc[:n])) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("%q: decoding does not end", doc[:n])
			}
			if err == nil {
				t.Fatalf("%q: no error", doc[:n])
			}
			var de *soap.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("%q: error %v is not a *soap.DecodeError", doc[:n], err)
			}
		})
	}
	t.Run("clean EOF inside the root is unexpected", func(t *testing.T) {
		d := decNew(`<r><a>`)
		decRoot(t, d)
		decChild(t, d, "a")
		_, err := d.Text()
		decWantDecodeError(t, err, "unexpected EOF")
	})
}

// decErrReader returns its data and then err.
type decErrReader struct {
	data []byte
	err  error
}

func (r *decErrReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestDecoderReadError(t *testing.T) {
	d := soap.NewDecoder(&decErrReader{data: []byte(`<r><a>x`), err: errDecSentinel})
	decRoot(t, d)
	decChild(t, d, "a")
	_, err := d.Text()
	decWantDecodeError(t, err, "sentinel")
	if !errors.Is(err, errDecSentinel) {
		t.Errorf("errors.Is(%v, sentinel) = false", err)
	}
}

func TestDecoderDuplicateAttributes(t *testing.T) {
	many := ""
	for i := 0; i < 20; i++ {
		many += fmt.Sprintf(` a%d="%d"`, i, i)
	}
	tests := []struct{ name, in, msg string }{
		{"unqualified", `<r><a x="1" x="2"/></r>`, "element <a> has attribute {}x twice"},
		{"xsi:type", `<r xmlns:xsi="` + encXSI + `"><a xsi:type="p:A" xsi:type="p:B"/></r>`, "element <a> has attribute {" + encXSI + "}type twice"},
		{"two prefixes for one namespace", `<r xmlns:p="urn:p" xmlns:q="urn:p"><a p:x="1" q:x="2"/></r>`, "element <a> has attribute {urn:p}x twice"},
		{"namespace declaration", `<r><a xmlns:p="urn:1" xmlns:p="urn:2"/></r>`, "element <a> has attribute {xmlns}p twice"},
		{"many attributes", `<r><a` + many + ` a7="x"/></r>`, "element <a> has attribute {}a7 twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decNew(tt.in)
			decRoot(t, d)
			_, _, err := d.Child()
			de := decWantDecodeError(t, err, tt.msg)
			if de.Path != "r" {
				t.Errorf("Path = %q, want r", de.Path)
			}
		})
	}
	t.Run("root", func(t *testing.T) {
		_, err := decNew(`<r x="1" x="1"/>`).Root()
		decWantDecodeError(t, err, "element <r> has attribute {}x twice")
	})
	t.Run("same local name in different namespaces", func(t *testing.T) {
		d := decNew(`<r xmlns:p="urn:p" xmlns:q="urn:q"><a x="0" p:x="1" q:x="2"` + many + `/></r>`)
		decRoot(t, d)
		decChild(t, d, "a")
	})
}

func TestDecoderUnknown(t *testing.T) {
	const in = `<r><known>1</known><unknown><deep>x</deep></unknown><known>2</known></r>`
	t.Run("skipped by default", func(t *testing.T) {
		d := decNew(in)
		decRoot(t, d)
		decChild(t, d, "known")
		decText(t, d, "1")
		if err := d.Unknown(decChild(t, d, "unknown")); err != nil {
			t.Fatal(err)
		}
		decChild(t, d, "known")
		decText(t, d, "2")
		decNoChild(t, d)
	})
	t.Run("DisallowUnknown", func(t *testing.T) {
		d := decNew(`<r xmlns="urn:r"><unknown/></r>`)
		d.DisallowUnknown = true
		decRoot(t, d)
		err := d.Unknown(decChild(t, d, "unknown"))
		de := decWantDecodeError(t, err, "unknown element {urn:r}unknown")
		if de.Path != "r/unknown" {
			t.Errorf("Path = %q, want r/unknown", de.Path)
		}
	})
}

func TestDecoderLookup(t *testing.T) {
	d := decNew(`<r xmlns="urn:d" xmlns:p="urn:p"><a xmlns:p="urn:p2"/></r>`)
	decRoot(t, d)
	decChild(t, d, "a")
	tests := []struct {
		prefix, uri string
		ok          bool
	}{
		{"", "urn:d", true},
		{"p", "urn:p2", true},
		{"xml", soap.XMLNamespace, true},
		{"xmlns", "http://www.w3.org/2000/xmlns/", true},
		{"q", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			if uri, ok := d.Lookup(tt.prefix); uri != tt.uri || ok != tt.ok {
				t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.prefix, uri, ok, tt.uri, tt.ok)
			}
		})
	}
}

// decFuzzWalk reads the children of the element being read, choosing Text, Skip or a recursive walk
// by the child's name. It fails the test if it makes more Child calls than budget allows.
func decFuzzWalk(t *testing.T, d *soap.Decoder, budget *int) error {
	for {
		*budget--
		if *budget < 0 {
			t.Fatal("too many Child calls: the walk does not end")
		}
		se, ok, err := d.Child()
		if err != nil || !ok {
			return err
		}
		soap.IsNil(se)
		if _, _, err := d.XSIType(se); err != nil {
			return err
		}
		switch len(se.Name.Local) % 3 {
		case 0:
			s, err := d.Text()
			if err != nil {
				return err
			}
			d.ResolveQName(s)
		case 1:
			err = d.Skip()
		default:
			err = decFuzzWalk(t, d, budget)
		}
		if err != nil {
			return err
		}
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range []string{
		`<r/>`,
		`<?xml version="1.0"?><r xmlns="urn:r"><a>1</a><bb><c/></bb><ccc>x<d/></ccc></r>`,
		`<r xmlns:p="urn:p" xmlns:xsi="` + encXSI + `"><abc xsi:type="p:T">p:v</abc><ab xsi:nil="true"/></r>`,
		`<r><a>x<!--c-->y<![CDATA[z]]></a></r>`,
		decLaughs,
		decNested(20),
		`<r><a></b></r>`,
		`<r>&lol;</r>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><r/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := soap.NewDecoder(bytes.NewReader(data))
		d.MaxDepth = 8
		var de *soap.DecodeError
		if _, err := d.Root(); err != nil {
			if !errors.As(err, &de) {
				t.Fatalf("Root error %v is not a *soap.DecodeError", err)
			}
			return
		}
		// Each Child call that does not fail consumes at least one start or end tag.
		budget := len(data) + 1
		if err := decFuzzWalk(t, d, &budget); err != nil {
			if !errors.As(err, &de) {
				t.Fatalf("error %v is not a *soap.DecodeError", err)
			}
			return
		}
		for i := 0; ; i++ {
			if i > len(data) {
				t.Fatal("too many tokens after the root element")
			}
			if _, err := d.Token(); err != nil {
				break
			}
		}
	})
}
