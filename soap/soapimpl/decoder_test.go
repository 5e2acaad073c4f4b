package soapimpl

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// The Decoder on its own: what the reader's own tests (soap/internal/xmlr) leave to it — errors as
// *soap.DecodeError with the element path and position, xsi:type and xsi:nil, unknown elements,
// entities and the nesting limit.

func decNew(s string) *Decoder { return NewDecoder([]byte(s), nil) }

func decRoot(t *testing.T, d *Decoder) {
	t.Helper()
	if err := d.Root(); err != nil {
		t.Fatalf("Root: %v", err)
	}
}

func decText(t *testing.T, d *Decoder, want string) {
	t.Helper()
	s, err := d.Text()
	if err != nil || s != want {
		t.Fatalf("Text = %q, %v; want %q", s, err, want)
	}
}

func decNoChild(t *testing.T, d *Decoder) {
	t.Helper()
	if ok, err := d.Child(); ok || err != nil {
		t.Fatalf("Child = %v, %v; want no child", ok, err)
	}
}

func TestDecoderBillionLaughs(t *testing.T) {
	const limit = 1 << 20 // the expansion would be 3 GB; decoding must stay far below 1 MB
	t.Run("DOCTYPE is refused", func(t *testing.T) {
		var err error
		n := allocated(func() { err = decNew(billionLaughs).Root() })
		decWantDecodeError(t, err, "document type declarations are not accepted")
		if n > limit {
			t.Errorf("allocated %d bytes, want at most %d", n, limit)
		}
	})
	t.Run("undefined entity is an error", func(t *testing.T) {
		var err error
		n := allocated(func() {
			d := decNew(`<lolz>&lol9;</lolz>`)
			if err = d.Root(); err != nil {
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
		err := decNew(`<lolz a="&lol9;"/>`).Root()
		decWantDecodeError(t, err, "&lol9;")
	})
	t.Run("predefined and character entities are expanded", func(t *testing.T) {
		d := decNew(`<r>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;</r>`)
		decRoot(t, d)
		decText(t, d, `<>&'"AB`)
	})
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
			decRoot(t, d)
			got, typed, err := d.XSIType()
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
			d := decNew(`<a xmlns:xsi="` + encXSI + `" xmlns:o="urn:o" ` + tt.attrs + `/>`)
			decRoot(t, d)
			if got := d.IsNil(); got != tt.want {
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

func TestDecoderMaxDepth(t *testing.T) {
	walk := func(d *Decoder) error {
		if err := d.Root(); err != nil {
			return err
		}
		var walk func() error
		walk = func() error {
			for {
				ok, err := d.Child()
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
	if err := walk(decNew(decNested(xmlr.DefaultMaxDepth))); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	err := walk(decNew(decNested(xmlr.DefaultMaxDepth + 1)))
	de := decWantDecodeError(t, err, fmt.Sprintf("elements nested deeper than %d", xmlr.DefaultMaxDepth))
	if got := strings.Count(de.Path, "/") + 1; got != xmlr.DefaultMaxDepth {
		t.Errorf("Path has %d elements, want %d", got, xmlr.DefaultMaxDepth)
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
		s, err := d.text()
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.resolveQName(s)
		de := decWantDecodeError(t, err, "not declared")
		var inner *soap.DecodeError
		if errors.As(de.Err, &inner) {
			t.Errorf("DecodeError wraps another DecodeError: %v", err)
		}
	})
	t.Run("syntax error position", func(t *testing.T) {
		d := decNew("<r>\n<a></b></r>")
		decRoot(t, d)
		_, err := d.Child()
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

func TestDecoderUnknown(t *testing.T) {
	const in = `<r><known>1</known><unknown><deep>x</deep></unknown><known>2</known></r>`
	t.Run("skipped by default", func(t *testing.T) {
		d := decNew(in)
		decRoot(t, d)
		decChild(t, d, "known")
		decText(t, d, "1")
		decChild(t, d, "unknown")
		if err := d.unknown(); err != nil {
			t.Fatal(err)
		}
		decChild(t, d, "known")
		decText(t, d, "2")
		decNoChild(t, d)
	})
	t.Run("DisallowUnknown", func(t *testing.T) {
		d := decNew(`<r xmlns="urn:r"><unknown/></r>`)
		d.DisallowUnknown()
		decRoot(t, d)
		decChild(t, d, "unknown")
		de := decWantDecodeError(t, d.unknown(), "unknown element {urn:r}unknown")
		if de.Path != "r/unknown" {
			t.Errorf("Path = %q, want r/unknown", de.Path)
		}
	})
}

// decFuzzWalk reads the children of the element being read, choosing Text (and reading it as a
// QName), Skip, CaptureElement or a recursive walk by the child's name. It fails the test if it makes
// more Child calls than budget allows.
func decFuzzWalk(t *testing.T, d *Decoder, budget *int) error {
	for {
		*budget--
		if *budget < 0 {
			t.Fatal("too many Child calls: the walk does not end")
		}
		ok, err := d.Child()
		if err != nil || !ok {
			return err
		}
		d.IsNil()
		if _, _, err := d.XSIType(); err != nil {
			return err
		}
		switch len(d.Name().Local) % 4 {
		case 0:
			s, err := d.Text()
			if err != nil {
				return err
			}
			d.resolveQName([]byte(s))
		case 1:
			err = d.Skip()
		case 2:
			_, err = d.CaptureElement()
		default:
			err = decFuzzWalk(t, d, budget)
		}
		if err != nil {
			return err
		}
	}
}

// FuzzDecoder walks arbitrary documents with the Decoder's element-by-element API: it never panics,
// always ends, and every error is a *soap.DecodeError.
func FuzzDecoder(f *testing.F) {
	for _, s := range []string{
		`<r/>`,
		`<?xml version="1.0"?><r xmlns="urn:r"><a>1</a><bb><c/></bb><ccc>x<d/></ccc></r>`,
		`<r xmlns:p="urn:p" xmlns:xsi="` + soap.XSINamespace + `"><abc xsi:type="p:T">p:v</abc><ab xsi:nil="true"/></r>`,
		`<r><a>x<!--c-->y<![CDATA[z]]></a><dd a="1">t<e/>u</dd></r>`,
		billionLaughs,
		decNested(20),
		`<r><a></b></r>`,
		`<r>&lol;</r>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><r/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewDecoder(append([]byte(nil), data...), nil)
		var de *soap.DecodeError
		if err := d.Root(); err != nil {
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
		if err := d.Finish(); err != nil && !errors.As(err, &de) {
			t.Fatalf("Finish error %v is not a *soap.DecodeError", err)
		}
	})
}
