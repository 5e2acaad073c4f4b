package soapimpl

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/soap"
)

// TestElementTextInPieces checks that text split into many pieces (by comments here) is gathered in
// linear time and memory, as a reply of 1 MiB made of 8-byte pieces must be.
func TestElementTextInPieces(t *testing.T) {
	const pieces = 1 << 17
	body := "<d>" + strings.Repeat("ab<!---->", pieces) + "<e/>" + strings.Repeat("<![CDATA[c]]>", 3) + "</d>"
	var el *soap.Element
	n := allocated(func() {
		d := NewDecoder([]byte(body), nil)
		err := d.Root()
		if err == nil {
			el, err = d.CaptureElement()
		}
		if err != nil {
			t.Fatal(err)
		}
	})
	if len(el.Content) != 3 || el.Content[0].Text != strings.Repeat("ab", pieces) || el.Content[1].Element == nil || el.Content[2].Text != "ccc" {
		t.Fatalf("content: %d nodes", len(el.Content))
	}
	if limit := uint64(64 * len(body)); n > limit {
		t.Errorf("decoding %d bytes allocated %d bytes, want at most %d", len(body), n, limit)
	}
	e := NewEncoder(nil)
	EncodeElement(e, el)
	if want := "<d>" + strings.Repeat("ab", pieces) + "<e/>ccc</d>"; string(e.Bytes()) != want {
		t.Errorf("re-encoded element differs")
	}
}

// TestManyNamespaceDeclarations resolves 200,000 QNames under 200,000 namespace declarations (a 7 MB
// reply) in linear time; the bound is generous for slow, shared and race-instrumented machines.
func TestManyNamespaceDeclarations(t *testing.T) {
	const n = 200000
	var b strings.Builder
	b.WriteString(`<r xmlns:x="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`)
	for i := range n {
		b.WriteString(` xmlns:p` + strconv.Itoa(i) + `="u"`)
	}
	b.WriteString(">")
	for range n {
		b.WriteString(`<a xmlns:q="urn:q" xsi:type="x:T"/>`)
	}
	b.WriteString("</r>")
	d := NewDecoder([]byte(b.String()), nil)
	start := time.Now()
	if err := d.Root(); err != nil {
		t.Fatal(err)
	}
	for count := 0; ; count++ {
		ok, err := d.Child()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			if count != n {
				t.Fatalf("%d children", count)
			}
			break
		}
		if typ, _, err := d.XSIType(); err != nil || typ != (xml.Name{Space: "urn:x", Local: "T"}) {
			t.Fatalf("xsi:type %v, %v", typ, err)
		}
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("%d of %d lookups after %v: quadratic", count, n, time.Since(start))
		}
	}
	t.Logf("%d lookups in %v", n, time.Since(start))
}

// TestEncodeManyNamespaces writes back an Element a server could have sent: 20,000 attributes and
// 20,000 children, each in a namespace of its own, in linear time.
func TestEncodeManyNamespaces(t *testing.T) {
	const n = 20000
	el := &soap.Element{Name: xml.Name{Space: "urn:r", Local: "r"}}
	for i := range n {
		el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Space: "urn:" + strconv.Itoa(i), Local: "a"}, Value: "v"})
		el.Content = append(el.Content, soap.Node{Element: &soap.Element{Name: xml.Name{Space: "urn:" + strconv.Itoa(n-i), Local: "c"}}})
	}
	start := time.Now()
	e := NewEncoder(nil)
	EncodeElement(e, el)
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("encoding took %v", d)
	}
	// It reads back as it was.
	d := NewDecoder(bytes.Clone(e.Bytes()), nil)
	err := d.Root()
	var back *soap.Element
	if err == nil {
		back, err = d.CaptureElement()
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Attr) != n || len(back.Content) != n || back.Attr[n-1].Name.Space != "urn:"+strconv.Itoa(n-1) || back.Content[0].Element.Name.Space != "urn:"+strconv.Itoa(n) {
		t.Errorf("read back %d attributes, %d children", len(back.Attr), len(back.Content))
	}
	t.Logf("%d bytes in %v", len(e.Bytes()), time.Since(start))
}

// TestXMLNSPrefixReserved: xsi:type "xmlns:A" would resolve to a name in the namespace of the xmlns
// prefix, which the Encoder would then bind to a prefix of its own, writing XML that is not
// namespace-well-formed. Decoding refuses such a QName, and the Encoder refuses to bind any prefix to
// that namespace.
func TestXMLNSPrefixReserved(t *testing.T) {
	d := NewDecoder([]byte(`<v xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xmlns:A"/>`), nil)
	if err := d.Root(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.XSIType(); err == nil {
		t.Errorf("XSIType of xmlns:A: no error")
	}
	for name, write := range map[string]func(e *Encoder){
		"element": func(e *Encoder) {
			e.StartElement(xml.Name{Space: xmlnsNamespace, Local: "a"}, xml.Name{})
			e.EndElement()
		},
		"attribute": func(e *Encoder) {
			e.StartElement(xml.Name{Local: "a"}, xml.Name{})
			e.Attr(xml.Name{Space: xmlnsNamespace, Local: "x"}, "1")
			e.EndElement()
		},
		"xsi:type": func(e *Encoder) {
			e.StartElement(xml.Name{Local: "a"}, xml.Name{Space: xmlnsNamespace, Local: "A"})
			e.EndElement()
		},
		"Bind": func(e *Encoder) {
			e.Bind("p", xmlnsNamespace)
			e.StartElement(xml.Name{Local: "a"}, xml.Name{})
			e.EndElement()
		},
	} {
		e := NewEncoder(nil)
		write(e)
		if err := e.Err(); err == nil || !strings.Contains(err.Error(), "reserved for namespace declarations") {
			t.Errorf("%s: error %v, output %s", name, err, e.Bytes())
		}
	}
}

// TestElementEmptyCDATA: an empty CDATA section makes no text node (it would be written back as
// <v></v>, which reads back as no content, and encoding a decoded value twice would differ).
func TestElementEmptyCDATA(t *testing.T) {
	for doc, want := range map[string]int{`<v><![CDATA[]]></v>`: 0, `<v>a<![CDATA[]]>b</v>`: 1, `<v><![CDATA[]]><w/><![CDATA[]]></v>`: 1} {
		d := NewDecoder([]byte(doc), nil)
		err := d.Root()
		var el *soap.Element
		if err == nil {
			el, err = d.CaptureElement()
		}
		if err != nil || len(el.Content) != want {
			t.Errorf("%s: %v (%v), want %d nodes", doc, el, err, want)
		}
	}
}

// TestMixedContentTextInPieces: mixed content reads text split into many pieces in linear memory too.
func TestMixedContentTextInPieces(t *testing.T) {
	const pieces = 1 << 17
	body := "<d>" + strings.Repeat("ab<!---->", pieces) + "<e/><![CDATA[]]></d>"
	var nodes []soap.Node
	n := allocated(func() {
		d := NewDecoder([]byte(body), nil)
		if err := d.Root(); err != nil {
			t.Fatal(err)
		}
		if err := decodeNodes(d, &nodes); err != nil {
			t.Fatal(err)
		}
	})
	if len(nodes) != 2 || nodes[0].Text != strings.Repeat("ab", pieces) || nodes[1].Element == nil {
		t.Fatalf("content: %d nodes", len(nodes))
	}
	if limit := uint64(64 * len(body)); n > limit {
		t.Errorf("decoding %d bytes allocated %d bytes, want at most %d", len(body), n, limit)
	}
}
