package soapimpl

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// encTokens reads the whole document through BufferEncoded (called after the start tag of the root's
// first child, the Body) and returns its tokens as text: start tags with their attributes' local names
// and values (namespace declarations left out), the resolved xsi:type of each start tag, and text.
func encTokens(t *testing.T, doc string) (string, error) {
	t.Helper()
	d := NewDecoder([]byte(doc), nil)
	if err := d.Root(); err != nil {
		return "", err
	}
	if _, err := d.Child(); err != nil {
		return "", err
	}
	if err := d.BufferEncoded(); err != nil {
		return "", err
	}
	var b strings.Builder
	depth := 2 // the root and the Body are open
	for depth > 0 {
		k, err := d.next()
		if err != nil {
			return b.String(), err
		}
		switch k {
		case xmlr.StartElement:
			depth++
			b.WriteString("<" + d.Name().Local)
			for i, n := 0, d.numAttr(); i < n; i++ {
				a := d.attr(i)
				if a.Name.Space == soap.XSINamespace {
					continue
				}
				b.WriteString(" " + a.Name.Local + "=" + a.Value)
			}
			if typ, ok, err := d.xsiType(); err != nil {
				return b.String(), err
			} else if ok {
				b.WriteString(" type={" + typ.Space + "}" + typ.Local)
			}
			b.WriteString(">")
		case xmlr.EndElement:
			b.WriteString("</" + d.Name().Local + ">")
			depth--
		case xmlr.Text:
			b.Write(d.charData())
		}
	}
	return b.String(), nil
}

func TestBufferEncoded(t *testing.T) {
	const env = `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
	t.Run("href to an element nested in another, its prefixes declared on an ancestor", func(t *testing.T) {
		got, err := encTokens(t, env+`<e:Body><w:R xmlns:w="urn:w"><w:a href="#x" extra="1"/></w:R>`+
			`<m xmlns:t="urn:t" id="m"><in id="x" xsi:type="t:T"><v href="#y"/></in></m><n id="y">7</n></e:Body></e:Envelope>`)
		if err != nil {
			t.Fatal(err)
		}
		// The wrapper's child loses its namespace; the reference takes the referent's attributes
		// (but id) and keeps its own others; the referent's xsi:type resolves with the prefix declared
		// on its parent; the multi-reference elements are still there, after the wrapper.
		want := `<R><a extra=1 type={urn:t}T><v>7</v></a></R><m id=m><in id=x type={urn:t}T><v>7</v></in></m><n id=y>7</n></Body></Envelope>`
		if got != want {
			t.Errorf("tokens\n got %s\nwant %s", got, want)
		}
	})
	t.Run("a referred element's prefixes are those in scope where it is, not at the reference", func(t *testing.T) {
		got, err := encTokens(t, `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:b="urn:base">`+
			`<e:Body><w:R xmlns:w="urn:w" xmlns:t="urn:wrong" xmlns:b="urn:wrong"><a href="#x"/><c xsi:type="t:U"/></w:R>`+
			`<m xmlns:t="urn:t"><in id="x" xsi:type="t:T"><v xsi:type="b:B"/><u xmlns:t="urn:inner" xsi:type="t:I"/><z href="#y"/></in></m>`+
			`<n id="y" xsi:type="b:N"/></e:Body></e:Envelope>`)
		if err != nil {
			t.Fatal(err)
		}
		// in: t from its parent m; v: b from the Envelope (the accessor's urn:wrong not in scope there);
		// u: its own t; z refers to n, whose b is the Envelope's; c, after the reference: the
		// accessor's scope again.
		want := `<R><a type={urn:t}T><v type={urn:base}B></v><u type={urn:inner}I></u><z type={urn:base}N></z></a><c type={urn:wrong}U></c></R>`
		if !strings.HasPrefix(got, want) {
			t.Errorf("tokens\n got %s\nwant %s...", got, want)
		}
	})
	t.Run("errors name the position of the reference", func(t *testing.T) {
		_, err := encTokens(t, env+"<e:Body>\n<w:R xmlns:w=\"urn:w\">\n  <a href=\"#nope\"/></w:R></e:Body></e:Envelope>")
		de := decWantDecodeError(t, err, `<a href="#nope">: no element has id "nope"`)
		if de.Line != 3 || de.Path != "Envelope/Body/R" {
			t.Errorf("at line %d, path %s; want line 3, Envelope/Body/R", de.Line, de.Path)
		}
	})
	t.Run("a reference to an ancestor is a cycle", func(t *testing.T) {
		_, err := encTokens(t, env+`<e:Body><R><a href="#p"/></R><p id="p"><q href="#p"/></p></e:Body></e:Envelope>`)
		decWantDecodeError(t, err, `<q href="#p">: the value refers to itself`)
	})
	t.Run("a truncated Body is an error", func(t *testing.T) {
		_, err := encTokens(t, env+`<e:Body><R><a>`)
		decWantDecodeError(t, err, "unexpected EOF")
	})
}

// TestBufferEncodedReferenceBomb: multi-reference values each referring twice to the next would
// expand a small Body exponentially (2^40 tokens here, a "billion laughs" made of hrefs); the
// expansion is bounded, while a value shared many times is read normally.
func TestBufferEncodedReferenceBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<E><B><W><p href="#id0"/></W>`)
	const n = 40
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<multiRef id="id%d"><a href="#id%d"/><b href="#id%d"/></multiRef>`, i, i+1, i+1)
	}
	fmt.Fprintf(&b, `<multiRef id="id%d">x</multiRef></B></E>`, n)
	_, err := encTokens(t, b.String())
	if err == nil || !strings.Contains(err.Error(), "references (href) expand the encoded Body beyond") {
		t.Fatalf("reference bomb: %v", err)
	}

	b.Reset()
	b.WriteString(`<E><B><W>`)
	for i := 0; i < 5000; i++ {
		b.WriteString(`<item href="#s"/>`)
	}
	b.WriteString(`</W><multiRef id="s"><v>shared</v></multiRef></B></E>`)
	out, err := encTokens(t, b.String())
	if err != nil {
		t.Fatalf("a value shared 5000 times: %v", err)
	}
	if c := strings.Count(out, "<v>shared</v>"); c != 5001 {
		t.Errorf("the shared value was read %d times, want 5001 (every reference and the value itself)", c)
	}
}

// FuzzBufferEncoded reads arbitrary documents through BufferEncoded, as an rpc/encoded reply's Body is
// read: references, ids, cycles and the expansion bound. It must never panic or hang, and reading the
// same document twice must give the same tokens and error.
//
//	go test -timeout 20m -run '^$' -fuzz '^FuzzBufferEncoded$' -fuzztime 10m -parallel 1 ./soap/soapimpl
func FuzzBufferEncoded(f *testing.F) {
	for _, s := range []string{
		`<E><B><W><p href="#a"/><q href="#b"/></W><multiRef id="a"><x>1</x></multiRef><multiRef id="b" xmlns:t="urn:t"><y xsi:type="t:T" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">2</y></multiRef></B></E>`,
		`<E><B><W><p href="#a"/></W><multiRef id="a"><p href="#a"/></multiRef></B></E>`,
		`<E><B><W><p href="#a"/><p href="#a"/></W><multiRef id="a"><a href="#b"/><b href="#b"/></multiRef><multiRef id="b">x</multiRef></B></E>`,
		`<E><B><W><p href="#missing"/></W></B></E>`,
		`<E><B xmlns:enc="http://www.w3.org/2003/05/soap-encoding"><W><p enc:ref="a"/></W><v enc:id="a">x</v></B></E>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		out1, err1 := encTokens(t, string(doc))
		out2, err2 := encTokens(t, string(doc))
		if out1 != out2 || (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("two reads differ:\n%q %v\n%q %v", out1, err1, out2, err2)
		}
	})
}

// TestBufferEncodedScopeMemory: a Body of n elements with ids under n namespace declarations is
// buffered in memory linear in its size. Keeping a copy of the bindings in scope per id made this
// 150 KB document (n = 4000) allocate 860 MB, so that a request of a few MB exhausted a server's
// memory.
func TestBufferEncodedScopeMemory(t *testing.T) {
	const n = 4000
	var b strings.Builder
	b.WriteString(`<E`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, ` xmlns:p%d="urn:%d"`, i, i)
	}
	b.WriteString(`><B><W><a href="#i0"/></W>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<x id="i%d"/>`, i)
	}
	b.WriteString(`</B></E>`)
	doc := b.String()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := encTokens(t, doc); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100*uint64(len(doc)) {
		t.Errorf("reading a %d-byte Body allocated %d bytes, more than 100 times its size", len(doc), alloc)
	}
}

// TestBufferEncodedScopes: the prefixes of a referred element are those in scope where it is written,
// however declarations nest, are redeclared and end around it and around the reference.
func TestBufferEncodedScopes(t *testing.T) {
	const env = `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="urn:env">`
	for _, c := range []struct{ name, body, want string }{
		{
			"a prefix redeclared inside the referred element, then out of scope again",
			`<W xmlns:t="urn:wrong"><a href="#x"/><b xsi:type="t:B"/></W>` +
				`<m xmlns:t="urn:m"><v id="x" xsi:type="t:V"><w xmlns:t="urn:w" xsi:type="t:W"><y xsi:type="t:Y"/></w><z xsi:type="t:Z"/></v></m>`,
			`<W><a type={urn:m}V><w type={urn:w}W><y type={urn:w}Y></y></w><z type={urn:m}Z></z></a><b type={urn:wrong}B></b></W>`,
		},
		{
			"a reference inside a referred element, to one in another scope, and back",
			`<W><a href="#x"/></W>` +
				`<m xmlns:t="urn:m"><v id="x"><p href="#y"/><q xsi:type="t:Q"/></v></m>` +
				`<n xmlns:t="urn:n"><u id="y" xsi:type="t:U"><k xsi:type="t:K"/></u></n>`,
			`<W><a><p type={urn:n}U><k type={urn:n}K></k></p><q type={urn:m}Q></q></a></W>`,
		},
		{
			"the Envelope's binding when nothing nearer declares the prefix",
			`<W xmlns:t="urn:wrong"><a href="#x"/></W><v id="x" xsi:type="t:V"/>`,
			`<W><a type={urn:env}V></a></W>`,
		},
		{
			"the default namespace, declared and undeclared",
			`<W xmlns="urn:wrong"><a href="#x"/><b xsi:type="B"/></W>` +
				`<m xmlns="urn:d" xmlns:e2="urn:e2"><v id="x" xsi:type="V"><u xmlns="" xsi:type="U"/><z xsi:type="Z"/></v></m>`,
			`<W><a type={urn:d}V><u type={}U></u><z type={urn:d}Z></z></a><b type={urn:wrong}B></b></W>`,
		},
		{
			"a prefix declared on the accessor is not in scope in the referred element",
			`<W><a xmlns:t="urn:acc" href="#x"/></W><v id="x" xsi:type="t:V"/>`,
			`<W><a type={urn:env}V></a></W>`,
		},
		{
			"siblings declaring the same prefix, and the element after them",
			`<W><a href="#x"/></W><m><v id="x"><p xmlns:t="urn:1" xsi:type="t:P"/><q xmlns:t="urn:2" xsi:type="t:Q"/><r xsi:type="t:R"/></v></m>`,
			`<W><a><p type={urn:1}P></p><q type={urn:2}Q></q><r type={urn:env}R></r></a></W>`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := encTokens(t, env+`<e:Body>`+c.body+`</e:Body></e:Envelope>`)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("tokens\n got %s\nwant %s...", got, c.want)
			}
		})
	}
}

// TestBufferEncodedTags: the buffered Body serves names, attributes and text as the reader read them,
// however the tags are written: white space around =, either quote, references in values and text,
// declarations among the attributes, namespace names written with references, CDATA sections and
// comments in text, names that are not ASCII.
func TestBufferEncodedTags(t *testing.T) {
	body := `<W><a href='#x' b = "1" c="&quot;q&quot;"/><s v='say "hi"' xmlns:p="urn:p" p:w="&#x41;&lt;" w="2"` + "\n\t" + `>a&amp;b<!--c--><![CDATA[<d>]]>` + "\r\n" + `e</s>` +
		`<n:é xmlns:n="urn:&#110;"><n:ü/></n:é></W><v id="x" c="ref" d="4&gt;3">t</v>`
	got, err := encTokens(t, `<E><B>`+body+`</B></E>`)
	if err != nil {
		t.Fatal(err)
	}
	want := `<W><a c=ref d=4>3 b=1>t</a><s v=say "hi" w=A< w=2>a&b<d>` + "\n" + `e</s><é><ü></ü></é></W><v id=x c=ref d=4>3>t</v></B></E>`
	if got != want {
		t.Errorf("tokens\n got %q\nwant %q", got, want)
	}
	// The namespace written with a reference.
	d := NewDecoder([]byte(`<E><B><W/><n:r xmlns:n="urn:&#110;" id="r"><n:s/></n:r></B></E>`), nil)
	if err := d.Root(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Child(); err != nil {
		t.Fatal(err)
	}
	if err := d.BufferEncoded(); err != nil {
		t.Fatal(err)
	}
	var names []string
	for range 4 {
		if k, err := d.next(); err != nil {
			t.Fatal(err)
		} else if k == xmlr.StartElement {
			names = append(names, "{"+d.Name().Space+"}"+d.Name().Local)
		}
	}
	if got := strings.Join(names, " "); got != "{}W {urn:n}r {urn:n}s" {
		t.Errorf("names %s", got)
	}
}

// TestBufferEncodedAttributeBomb: a value with many attributes referred to many times would take
// time in their product (here 10,000 references times 20,000 attributes, from a 400 KB Body): the
// expansion bound counts the attributes served with the tokens.
func TestBufferEncodedAttributeBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<E><B><W>`)
	for range 10000 {
		b.WriteString(`<p href="#v"/>`)
	}
	b.WriteString(`</W><v id="v"`)
	for i := range 20000 {
		fmt.Fprintf(&b, ` a%d=""`, i)
	}
	b.WriteString(`/></B></E>`)
	_, err := encTokens(t, b.String())
	if err == nil || !strings.Contains(err.Error(), "references (href) expand the encoded Body beyond") {
		t.Fatalf("attribute bomb: %v", err)
	}
}

// TestBufferEncodedMergeMany: an accessor and the element it refers to, both with many attributes,
// merge as with few: the referred element's attributes, then the accessor's others.
func TestBufferEncodedMergeMany(t *testing.T) {
	var acc, ref, want strings.Builder
	for i := range 30 {
		fmt.Fprintf(&ref, ` r%d="%d"`, i, i)
		fmt.Fprintf(&want, ` r%d=%d`, i, i)
	}
	for i := range 30 {
		fmt.Fprintf(&acc, ` a%d="x"`, i)
		if i%3 == 0 {
			fmt.Fprintf(&acc, ` r%d="acc"`, i)
		}
	}
	for i := range 30 {
		fmt.Fprintf(&want, ` a%d=x`, i)
	}
	got, err := encTokens(t, `<E><B><W><p href="#v"`+acc.String()+`/></W><v id="v"`+ref.String()+`/></B></E>`)
	if err != nil {
		t.Fatal(err)
	}
	if w := `<W><p` + want.String() + `></p></W>`; !strings.HasPrefix(got, w) {
		t.Errorf("tokens\n got %s\nwant %s...", got, w)
	}
}
