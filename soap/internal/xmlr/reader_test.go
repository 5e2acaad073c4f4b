package xmlr

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// dump reads a whole document and writes its tokens in a compact form.
func dump(doc string) (string, error) {
	r := NewReader([]byte(doc))
	var sb strings.Builder
	for {
		k, err := r.Next()
		if err == io.EOF {
			return sb.String(), nil
		}
		if err != nil {
			return sb.String(), err
		}
		switch k {
		case StartElement:
			n := r.Name()
			sb.WriteString("<{" + string(n.Space) + "}" + string(n.Local))
			for i := range r.NumDecl() {
				d := r.Decl(i)
				sb.WriteString(" xmlns:" + string(d.Prefix) + "=" + string(d.URI))
			}
			for i := range r.NumAttr() {
				a := r.Attr(i)
				sb.WriteString(" {" + string(a.Name.Space) + "}" + string(a.Name.Local) + "=" + string(a.Value))
			}
			sb.WriteString(">")
		case EndElement:
			sb.WriteString("</" + string(r.Local()) + ">")
		case Text:
			sb.WriteString("[" + string(r.Text()) + "]")
		}
	}
}

// TestRules pins what the Reader makes of documents that show the rules of XML 1.0 and Namespaces
// in XML 1.0, accepted (with their tokens) or refused (with the rule broken).
func TestRules(t *testing.T) {
	for _, c := range []struct {
		doc, want string
		code      errCode
	}{
		{doc: "\uFEFF<?xml version='1.0' encoding='UTF-8' standalone='no'?>\r\n<!--c--><?pi x?><a/>\n<!--d-->", want: "<{}a></a>"},
		{doc: `<a xmlns="u" xmlns:p="v"><p:b p:c="1" c="2"/><d xmlns=""/></a>`,
			want: "<{u}a xmlns:=u xmlns:p=v><{v}b {v}c=1 {}c=2></b><{}d xmlns:=></d></a>"},
		{doc: `<a xml:lang="en"/>`, want: "<{}a {http://www.w3.org/XML/1998/namespace}lang=en></a>"},
		{doc: `<xml:a/>`, want: "<{http://www.w3.org/XML/1998/namespace}a></a>"},
		{doc: `<a xmlns:p="u"><b xmlns:p="v"><p:c/></b><p:c/></a>`, want: "<{}a xmlns:p=u><{}b xmlns:p=v><{v}c></c></b><{u}c></c></a>"},
		// Section 2.11: line breaks; section 3.3.3: attribute values; section 4.1: references.
		{doc: "<a b='x\ty\nz\r\nw\rv&#9;&#10;&#13;'>1\r\n2\r3<![CDATA[\r\n<&>]]>&#13;\n&lt;&amp;&gt;&apos;&quot;&#x41;&#66;</a>",
			want: "<{}a {}b=x y z w v\t\n\r>[1\n2\n3\n<&>\r\n<&>'\"AB]</a>"},
		{doc: `<a>x<!--c-->y<?p q?>z</a>`, want: "<{}a>[xyz]</a>"},
		{doc: `<a><!--c--><![CDATA[]]></a>`, want: "<{}a></a>"},
		{doc: "<\u00e9\u00b7\u0300/>", want: "<{}\u00e9\u00b7\u0300></\u00e9\u00b7\u0300>"},

		{doc: ``, code: errNoRoot},
		{doc: `<!--x-->`, code: errNoRoot},
		{doc: `x<a/>`, code: errOutside},
		{doc: `<a/>x`, code: errOutside},
		{doc: `<![CDATA[ ]]><a/>`, code: errOutside},
		{doc: `<a/><b/>`, code: errAfterRoot},
		{doc: `<!DOCTYPE a><a/>`, code: errDTD},
		{doc: `<a><!ENTITY x "y"></a>`, code: errDTD},
		{doc: `<a>&x;</a>`, code: errEntity},
		{doc: `<a>&#xD800;</a>`, code: errCharRef},
		{doc: `<a>&#0;</a>`, code: errCharRef},
		{doc: `<a>&#x110000;</a>`, code: errCharRef},
		{doc: "<a>\x01</a>", code: errChar},
		{doc: "<a><!--\x01--></a>", code: errChar},
		{doc: "<a>\xff</a>", code: errUTF8},
		// A byte that is not UTF-8 in a name: utf8.DecodeRune reads it as U+FFFD, itself a name character.
		{doc: "<v \xb1=\"\"></v>", code: errUTF8},
		{doc: "<\xb1/>", code: errUTF8},
		{doc: "<a\xb1/>", code: errUTF8},
		{doc: "<a:\xb1 xmlns:a=\"u\"/>", code: errUTF8},
		{doc: "<?a\xb1 x?><a/>", code: errUTF8},
		{doc: "<\uFFFD/>", want: "<{}\uFFFD></\uFFFD>"},
		{doc: `<a b="1"c="2"/>`, code: errAttrSpace},
		{doc: `<a b="1" b="2"/>`, code: errDupAttr},
		{doc: `<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`, code: errDupAttr},
		{doc: `<p:a/>`, code: errUnbound},
		{doc: `<a p:b=""/>`, code: errUnbound},
		{doc: `<a><b xmlns:p="u"/><p:c/></a>`, code: errUnbound},
		{doc: `<a xmlns:p=""/>`, code: errUndeclare},
		{doc: `<a xmlns:xml="u"/>`, code: errReserved},
		{doc: `<a xmlns:xmlns="u"/>`, code: errReserved},
		{doc: `<a xmlns="http://www.w3.org/XML/1998/namespace"/>`, code: errReserved},
		{doc: `<a xmlns:p="http://www.w3.org/2000/xmlns/"/>`, code: errReserved},
		{doc: `<xmlns:a/>`, code: errReserved},
		{doc: `<:a/>`, code: errQName},
		{doc: `<a:/>`, code: errQName},
		{doc: `<a:b:c xmlns:a="u"/>`, code: errQName},
		{doc: `<a:1 xmlns:a="u"/>`, code: errQName},
		{doc: "<a\u00d7/>", code: errName},
		{doc: `<1/>`, code: errName},
		{doc: `<?a:b?><a/>`, code: errPITarget},
		{doc: `<?a/b?><a/>`, code: errPITarget},
		{doc: ` <?xml version="1.0"?><a/>`, code: errPITarget},
		{doc: `<?xml?><a/>`, code: errDecl},
		{doc: `<?xml version="1.0" standalone="maybe"?><a/>`, code: errDecl},
		{doc: `<?xml version="1.1"?><a/>`, code: errVersion},
		{doc: `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, code: errEncoding},
		{doc: "\xFF\xFE<\x00a\x00/\x00>\x00", code: errEncoding},
		{doc: `<a></b>`, code: errSyntax},
		{doc: `<a>`, code: errSyntax},
		{doc: `<a>]]></a>`, code: errSyntax},
		{doc: `<a><!-- -- --></a>`, code: errSyntax},
		{doc: `<a b="<"/>`, code: errSyntax},
		{doc: `<a b=c/>`, code: errSyntax},
		{doc: strings.Repeat("<a>", DefaultMaxDepth+1) + strings.Repeat("</a>", DefaultMaxDepth+1), code: errDepth},
	} {
		got, err := dump(c.doc)
		var e *Error
		switch {
		case c.want != "" && err != nil:
			t.Errorf("%q: %v", c.doc, err)
		case c.want != "" && got != c.want:
			t.Errorf("%q:\n got %s\nwant %s", c.doc, got, c.want)
		case c.want == "" && !errors.As(err, &e):
			t.Errorf("%q: accepted (%s), want error code %d", c.doc, got, c.code)
		case c.want == "" && e.code != c.code:
			t.Errorf("%q: %v (code %d), want code %d", c.doc, err, e.code, c.code)
		}
	}
	// The deepest nesting accepted.
	if _, err := dump(strings.Repeat("<a>", DefaultMaxDepth) + strings.Repeat("</a>", DefaultMaxDepth)); err != nil {
		t.Error(err)
	}
}

func TestErrorPosition(t *testing.T) {
	doc := "<a>\n  <b x='1'\n     y='&bad;'/>\n</a>"
	_, err := dump(doc)
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || e.Column != 9 || e.Offset != strings.Index(doc, "&bad") {
		t.Fatalf("got %#v", err)
	}
	if want := "xml: line 3, column 9: invalid character entity &bad;"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}

	// After text decoded in place, the positions of later tokens and of the decoded token stay
	// exact.
	doc = "<a>\r\n&amp;\r\n<b/>\r\n<c>x</c>\n</a>"
	r := NewReader([]byte(doc))
	for {
		k, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if k == Text && r.Offset() == 3 {
			r.Text()
			if line, col := r.Position(r.Offset()); line != 1 || col != 4 {
				t.Fatalf("text at %d:%d, want 1:4", line, col)
			}
		}
		if k == StartElement && string(r.Local()) == "c" {
			break
		}
	}
	if e := r.Errorf("bad c").(*Error); e.Line != 4 || e.Column != 1 || e.Msg != "bad c" {
		t.Errorf("got %#v", e)
	}
}

func TestNamespaces(t *testing.T) {
	soapNS := Intern("http://schemas.xmlsoap.org/soap/envelope/")
	xsi := Intern("http://www.w3.org/2001/XMLSchema-instance")
	if again := Intern("http://schemas.xmlsoap.org/soap/envelope/"); again != soapNS || soapNS.URI() != "http://schemas.xmlsoap.org/soap/envelope/" {
		t.Fatalf("Intern is not stable: %v, %v", soapNS, again)
	}
	r := NewReader([]byte(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:other" xmlns:o="urn:other">` +
		`<s:Body><o:x xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="o:T" i:nil=" true "/><x/></s:Body></s:Envelope>`))
	next := func(want Kind) {
		t.Helper()
		if k, err := r.Next(); err != nil || k != want {
			t.Fatalf("got %v, %v; want %v", k, err, want)
		}
	}
	next(StartElement)
	if !r.Is(soapNS, "Envelope") || r.NS()&Local != 0 {
		t.Fatalf("Envelope: %+v", r.Name())
	}
	other := r.Decl(1).NS
	if other&Local == 0 || r.Decl(2).NS != other {
		t.Fatalf("an unregistered namespace has NS %v and %v", other, r.Decl(2).NS)
	}
	next(StartElement)
	next(StartElement)
	if !r.Is(other, "x") {
		t.Fatalf("o:x: %+v", r.Name())
	}
	v, ok := r.AttrValue(xsi, "type")
	if !ok || string(v) != "o:T" {
		t.Fatalf("xsi:type = %q, %v", v, ok)
	}
	n, err := r.ResolveQName(v)
	if err != nil || n.NS != other || string(n.Local) != "T" || string(n.Space) != "urn:other" {
		t.Fatalf("ResolveQName: %+v, %v", n, err)
	}
	if n, err := r.ResolveQName([]byte(" T ")); err != nil || n.NS != other {
		t.Fatalf("ResolveQName of an unprefixed name: %+v, %v", n, err)
	}
	for _, bad := range []string{"", "a:", ":a", "a:b:c", "1a", "xmlns:a", "q:a"} {
		if _, err := r.ResolveQName([]byte(bad)); err == nil {
			t.Errorf("ResolveQName(%q) succeeded", bad)
		}
	}
	if b, ok := r.Lookup([]byte("xml")); !ok || b.NS != XML {
		t.Errorf("xml is bound to %+v", b)
	}
	if _, ok := r.Lookup([]byte("xmlns")); ok {
		t.Errorf("xmlns is bound")
	}
	if got := len(r.AppendScope(nil)); got != 4 {
		t.Errorf("%d bindings in scope, want 4", got)
	}
	next(EndElement)
	next(StartElement)
	if !r.Is(other, "x") || r.NumDecl() != 0 {
		t.Fatalf("x: %+v", r.Name())
	}
	if _, ok := r.Lookup([]byte("i")); ok {
		t.Errorf("i is still bound after its element")
	}
	if got := r.Path(); got != "Envelope/Body/x" {
		t.Errorf("Path() = %q", got)
	}
}

func TestTextInPlace(t *testing.T) {
	buf := []byte(`<a b="x&amp;y"><c>1&lt;2</c><d> <![CDATA[z]]> </d><e/></a>`)
	r := NewReader(buf)
	var texts [][]byte
	var val []byte
	for {
		k, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch k {
		case StartElement:
			if v, ok := r.AttrValue(NoNamespace, "b"); ok {
				val = v
			}
		case Text:
			texts = append(texts, r.Text())
		}
	}
	// The slices stay valid after reading on: they point into buf, rewritten in place.
	if string(val) != "x&y" || len(texts) != 2 || string(texts[0]) != "1<2" || string(texts[1]) != " z " {
		t.Fatalf("got %q, %q", val, texts)
	}
	if &val[0] != &buf[6] || &texts[0][0] != &buf[len(`<a b="x&amp;y"><c>`)] {
		t.Error("values are not in the buffer")
	}
}

func TestReadTextChildSkip(t *testing.T) {
	r := NewReader([]byte(`<a><b>1</b> <c><d/>t</c><e></e><f><g/></f></a>`))
	if k, err := r.Next(); err != nil || k != StartElement {
		t.Fatal(k, err)
	}
	var got []string
	for {
		ok, err := r.Child()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		switch string(r.Local()) {
		case "b", "e":
			v, err := r.ReadText()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, string(r.Local())+"="+string(v))
		case "c":
			raw, err := r.SkipRaw()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, string(raw))
		case "f":
			if _, err := r.ReadText(); err == nil || !strings.Contains(err.Error(), "element <g> inside simple content") {
				t.Fatalf("ReadText on <f>: %v", err)
			}
			if err := r.Skip(); err != nil { // skips the rest of g (then f's end)
				t.Fatal(err)
			}
		}
	}
	if want := "b=1 <c><d/>t</c> e="; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestNoAllocations checks that reading a document with a reused Reader allocates nothing, names and
// attribute values compared as bytes.
func TestNoAllocations(t *testing.T) {
	doc := []byte(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m xmlns="urn:m" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
		`<v i:type="x:int" xmlns:x="http://www.w3.org/2001/XMLSchema">1&amp;2</v><n i:nil="true"/><t a="&lt;b"><![CDATA[x]]></t></m></s:Body></s:Envelope>`)
	m := Intern("urn:m")
	buf := make([]byte, len(doc))
	r := NewReader(nil)
	n := 0
	allocs := testing.AllocsPerRun(100, func() {
		copy(buf, doc)
		r.Reset(buf)
		for {
			k, err := r.Next()
			if err != nil {
				break
			}
			switch k {
			case StartElement:
				if r.Is(m, "v") {
					n++
				}
				for i := range r.NumAttr() {
					n += len(r.Attr(i).Value)
				}
			case Text:
				n += len(r.Text())
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per document", allocs)
	}
}

func TestCaptureTokens(t *testing.T) {
	r := NewReader([]byte(`<a><b xmlns:p="u" p:x="1&amp;">t</b></a>`))
	r.Next()
	r.Next()
	toks, err := r.Capture(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 3 || toks[0].Kind != StartElement || string(toks[0].Attr[0].Value) != "1&" || string(toks[0].Decl[0].URI) != "u" ||
		string(toks[1].Text) != "t" || toks[2].Kind != EndElement || string(toks[2].Name.Local) != "b" {
		t.Fatalf("got %+v", toks)
	}
	if k, err := r.Next(); err != nil || k != EndElement || string(r.Local()) != "a" {
		t.Fatalf("after Capture: %v, %v", k, err)
	}
}
