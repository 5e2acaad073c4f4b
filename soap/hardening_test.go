package soap

import (
	"bytes"
	"encoding/xml"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestElementTextInPieces checks that text split into many pieces (by comments here) is gathered in
// linear time and memory: a reply of 1 MiB made of 8-byte pieces used to take seconds, and a reply at
// the default size limit hours, because each piece copied the text gathered so far.
func TestElementTextInPieces(t *testing.T) {
	const pieces = 1 << 17
	body := "<d>" + strings.Repeat("ab<!---->", pieces) + "<e/>" + strings.Repeat("<![CDATA[c]]>", 3) + "</d>"
	var el Element
	n := allocated(func() {
		d := NewDecoder(strings.NewReader(body))
		se, err := d.Root()
		if err == nil {
			err = el.UnmarshalSOAP(d, se)
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
	var out bytes.Buffer
	e := NewEncoder(nil)
	el.MarshalSOAP(e, Start{})
	out.Write(e.Bytes())
	if want := "<d>" + strings.Repeat("ab", pieces) + "<e/>ccc</d>"; out.String() != want {
		t.Errorf("re-encoded element differs")
	}
}

// TestManyNamespaceDeclarations resolves 200,000 QNames under 200,000 namespace declarations (a 7 MB
// reply): Lookup used to scan the declarations in scope, so that such a reply took minutes, and one at
// the default size limit days. It takes a fraction of a second now; the bound is generous for slow,
// shared and race-instrumented machines.
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
	d := NewDecoder(strings.NewReader(b.String()))
	start := time.Now()
	if _, err := d.Root(); err != nil {
		t.Fatal(err)
	}
	for count := 0; ; count++ {
		se, ok, err := d.Child()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			if count != n {
				t.Fatalf("%d children", count)
			}
			break
		}
		if typ, _, err := d.XSIType(se); err != nil || typ != (xml.Name{Space: "urn:x", Local: "T"}) {
			t.Fatalf("xsi:type %v, %v", typ, err)
		}
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("%d of %d lookups after %v: quadratic", count, n, time.Since(start))
		}
	}
	// Declarations end with their element: q is no longer bound, p7 still is.
	if _, ok := d.Lookup("q"); ok {
		t.Error("q is still in scope")
	}
	t.Logf("%d lookups in %v", n, time.Since(start))
}

// TestLookupShadowing checks that an inner declaration shadows an outer one and that the outer one
// comes back when the inner element ends.
func TestLookupShadowing(t *testing.T) {
	d := NewDecoder(strings.NewReader(`<r xmlns:p="urn:outer" xmlns="urn:default"><a xmlns:p="urn:inner" xmlns=""><b/></a><c/></r>`))
	want := func(prefix, uri string, bound bool) {
		t.Helper()
		if got, ok := d.Lookup(prefix); got != uri || ok != bound {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", prefix, got, ok, uri, bound)
		}
	}
	d.Root()
	want("p", "urn:outer", true)
	want("", "urn:default", true)
	d.Child() // a
	want("p", "urn:inner", true)
	want("", "", true)
	d.Child() // b
	want("p", "urn:inner", true)
	d.Child()              // end of b
	d.Child()              // end of a
	se, ok, _ := d.Child() // c
	if !ok || se.Name.Local != "c" {
		t.Fatalf("got %v", se.Name)
	}
	want("p", "urn:outer", true)
	want("", "urn:default", true)
	want("nope", "", false)
}

// TestEncodeManyNamespaces writes back an Element a server could have sent: 20,000 attributes and
// 20,000 children, each in a namespace of its own. Looking a namespace up scanned the bindings in
// scope and checked each against the later ones, and choosing a new prefix tested ns1, ns2, ...
// again: 4,000 namespaces took 49 s, 20,000 would take hours. It is linear now.
func TestEncodeManyNamespaces(t *testing.T) {
	const n = 20000
	el := &Element{Name: xml.Name{Space: "urn:r", Local: "r"}}
	for i := range n {
		el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Space: "urn:" + strconv.Itoa(i), Local: "a"}, Value: "v"})
		el.Content = append(el.Content, Node{Element: &Element{Name: xml.Name{Space: "urn:" + strconv.Itoa(n-i), Local: "c"}}})
	}
	start := time.Now()
	e := NewEncoder(nil)
	el.MarshalSOAP(e, Start{})
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("encoding took %v", d)
	}
	// It reads back as it was.
	var back Element
	d := NewDecoder(bytes.NewReader(e.Bytes()))
	se, err := d.Root()
	if err == nil {
		err = back.UnmarshalSOAP(d, se)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Attr) != n || len(back.Content) != n || back.Attr[n-1].Name.Space != "urn:"+strconv.Itoa(n-1) || back.Content[0].Element.Name.Space != "urn:"+strconv.Itoa(n) {
		t.Errorf("read back %d attributes, %d children", len(back.Attr), len(back.Content))
	}
	t.Logf("%d bytes in %v", len(e.Bytes()), time.Since(start))
}

// TestEncoderPrefixReuse checks the prefix choice the index must keep: the first free nsN, a prefix
// freed when its element ends is reused, and a rebound prefix hides the outer binding of its URI.
func TestEncoderPrefixReuse(t *testing.T) {
	e := NewEncoder(nil)
	e.StartElement(Start{Name: xml.Name{Space: "urn:a", Local: "r"}})
	e.StartElement(Start{Name: xml.Name{Space: "urn:b", Local: "x"}})
	e.EndElement()
	e.StartElement(Start{Name: xml.Name{Space: "urn:c", Local: "y"}})
	e.Bind("ns1", "urn:d") // rebinds ns1 for y's children: urn:a needs a new prefix there
	e.StartElement(Start{Name: xml.Name{Space: "urn:a", Local: "z"}})
	e.EndElement()
	e.EndElement()
	e.StartElement(Start{Name: xml.Name{Space: "urn:a", Local: "w"}})
	e.EndElement()
	e.EndElement()
	want := `<ns1:r xmlns:ns1="urn:a"><ns2:x xmlns:ns2="urn:b"/><ns2:y xmlns:ns2="urn:c"><ns3:z xmlns:ns1="urn:d" xmlns:ns3="urn:a"/></ns2:y><ns1:w/></ns1:r>`
	if got := string(e.Bytes()); got != want || e.Err() != nil {
		t.Errorf("got  %s\nwant %s (%v)", got, want, e.Err())
	}
}

// TestXMLNSPrefixReserved is the case FuzzAnyRoundTrip found (kept in testdata/fuzz): xsi:type
// "xmlns:A" resolved to a name in the namespace of the xmlns prefix, which the Encoder then bound to
// a prefix of its own, writing XML that is not namespace-well-formed. Decoding refuses such a QName,
// and the Encoder refuses to bind any prefix to that namespace.
func TestXMLNSPrefixReserved(t *testing.T) {
	d := NewDecoder(strings.NewReader(`<v xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xmlns:A"/>`))
	se, err := d.Root()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.XSIType(se); err == nil || !strings.Contains(err.Error(), "the prefix xmlns is reserved") {
		t.Errorf("XSIType: %v", err)
	}
	for name, write := range map[string]func(e *Encoder){
		"element": func(e *Encoder) {
			e.StartElement(Start{Name: xml.Name{Space: xmlnsNamespace, Local: "a"}})
			e.EndElement()
		},
		"attribute": func(e *Encoder) {
			e.StartElement(Start{Name: xml.Name{Local: "a"}})
			e.Attr(xml.Name{Space: xmlnsNamespace, Local: "x"}, "1")
			e.EndElement()
		},
		"xsi:type": func(e *Encoder) {
			e.StartElement(Start{Name: xml.Name{Local: "a"}, Type: xml.Name{Space: xmlnsNamespace, Local: "A"}})
			e.EndElement()
		},
		"Bind": func(e *Encoder) {
			e.Bind("p", xmlnsNamespace)
			e.StartElement(Start{Name: xml.Name{Local: "a"}})
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

// TestElementEmptyCDATA is the second case FuzzAnyRoundTrip found (kept in testdata/fuzz): an empty
// CDATA section made an empty text node, written back as <v></v>, which reads back as no content, so
// that encoding a decoded value twice gave different output. Empty text now makes no node.
func TestElementEmptyCDATA(t *testing.T) {
	for doc, want := range map[string]int{`<v><![CDATA[]]></v>`: 0, `<v>a<![CDATA[]]>b</v>`: 1, `<v><![CDATA[]]><w/><![CDATA[]]></v>`: 1} {
		var el Element
		d := NewDecoder(strings.NewReader(doc))
		se, err := d.Root()
		if err == nil {
			err = el.UnmarshalSOAP(d, se)
		}
		if err != nil || len(el.Content) != want {
			t.Errorf("%s: %d nodes (%v), want %d", doc, len(el.Content), err, want)
		}
	}
}

// TestMixedContentTextInPieces: mixed content (DecodeNodes) reads text split into many pieces in
// linear memory too, with Element's reader (it appended to a string per piece).
func TestMixedContentTextInPieces(t *testing.T) {
	const pieces = 1 << 17
	body := "<d>" + strings.Repeat("ab<!---->", pieces) + "<e/><![CDATA[]]></d>"
	var nodes []Node
	n := allocated(func() {
		d := NewDecoder(strings.NewReader(body))
		if _, err := d.Root(); err != nil {
			t.Fatal(err)
		}
		if err := DecodeNodes(d, &nodes); err != nil {
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
