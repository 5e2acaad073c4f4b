package soaptest_test

import (
	"strings"
	"testing"

	_ "github.com/sogen-go/sogen/internal/golden" // accepts -update
	"github.com/sogen-go/sogen/internal/soaptest"
)

const canonWant = `<a:Env xmlns:a="urn:env" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <t:Item xsi:type="t:Derived">
    <t:Name xsi:type="xsd:string">x y</t:Name>
    <t:Empty xsi:nil="true"/>
  </t:Item>
</a:Env>`

func TestCompareXMLAllowances(t *testing.T) {
	for name, got := range map[string]string{
		"identical": canonWant,
		// Allowance 1: other prefixes, a default namespace, declarations elsewhere.
		"prefixes": `<Env xmlns="urn:env"><q:Item xmlns:q="urn:t" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="q:Derived"><q:Name xmlns:s="http://www.w3.org/2001/XMLSchema" i:type="s:string">x y</q:Name><q:Empty i:nil="true"></q:Empty></q:Item></Env>`,
		// Allowance 3: xsi:type left out.
		"xsi:type omitted": `<Env xmlns="urn:env"><Item xmlns="urn:t" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Name>x y</Name><Empty i:nil="true"/></Item></Env>`,
	} {
		diffs, err := soaptest.CompareXML([]byte(canonWant), []byte(got), soaptest.Allow{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(diffs) != 0 {
			t.Errorf("%s: differences reported:\n%s", name, strings.Join(diffs, "\n"))
		}
	}
}

func TestCompareXMLDifferences(t *testing.T) {
	for name, c := range map[string]struct{ got, want string }{
		"text": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:Item><t:Name>x  y</t:Name><t:Empty xsi:nil="true"/></t:Item></a:Env>`,
			`/Env/Item/Name (want line 3): text "x y", got "x  y"`},
		"leaf text whitespace counts": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:Item><t:Name> x y</t:Name><t:Empty xsi:nil="true"/></t:Item></a:Env>`,
			`/Env/Item/Name (want line 3): text "x y", got " x y"`},
		"missing element": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t"><t:Item><t:Name>x y</t:Name></t:Item></a:Env>`,
			`/Env/Item/Empty (want line 4): element {urn:t}Empty missing`},
		"extra element": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:Item><t:Name>x y</t:Name><t:Empty xsi:nil="true"/><t:More/></t:Item></a:Env>`,
			`/Env/Item/More: unexpected element {urn:t}More`},
		"other namespace": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:other" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:Item/></a:Env>`,
			`/Env/Item (want line 2): element {urn:t}Item, got {urn:other}Item`},
		"other xsi:type": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:Item xsi:type="t:Base"><t:Name>x y</t:Name><t:Empty xsi:nil="true"/></t:Item></a:Env>`,
			`/Env/Item (want line 2): attribute type = "{urn:t}Derived", got "{urn:t}Base"`},
		"xsi:type added": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:Item><t:Name>x y</t:Name><t:Empty xsi:type="t:X" xsi:nil="true"/></t:Item></a:Env>`,
			`/Env/Item/Empty (want line 4): unexpected attribute type = "{urn:t}X"`},
		"nil dropped": {
			`<a:Env xmlns:a="urn:env" xmlns:t="urn:t"><t:Item><t:Name>x y</t:Name><t:Empty/></t:Item></a:Env>`,
			`/Env/Item/Empty (want line 4): attribute nil = "true" missing`},
	} {
		diffs, err := soaptest.CompareXML([]byte(canonWant), []byte(c.got), soaptest.Allow{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !contains(diffs, c.want) {
			t.Errorf("%s: differences\n%s\nlack %q", name, strings.Join(diffs, "\n"), c.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCompareXMLErrors(t *testing.T) {
	if _, err := soaptest.CompareXML([]byte(canonWant), []byte(`<a:Env>`), soaptest.Allow{}); err == nil {
		t.Error("undeclared prefix: no error")
	}
	if _, err := soaptest.CompareXML([]byte(canonWant), []byte(`<Env><x></Env>`), soaptest.Allow{}); err == nil {
		t.Error("malformed: no error")
	}
}

func TestCompareXMLOmittedEmpty(t *testing.T) {
	want := `<r xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><a xsi:type="s"></a><b>1</b><c/><d xsi:nil="true"/><e>x</e></r>`
	omitted := `<r xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><b>1</b><d xsi:nil="true"/><e>x</e></r>`
	for _, c := range []struct {
		got   string
		allow bool
		want  []string
	}{
		{omitted, true, nil},
		{omitted, false, []string{
			`/r/a (want line 1): element {urn:t}a, got {urn:t}b`,
			`/r/b (want line 1): element {urn:t}b, got {urn:t}d`,
			`/r/c (want line 1): element {urn:t}c, got {urn:t}e`,
			`/r/d (want line 1): element {urn:t}d missing`,
			`/r/e (want line 1): element {urn:t}e missing`,
		}},
		// Only empty elements may go: a nil one or one with text may not.
		{`<r xmlns="urn:t"><b>1</b><e>x</e></r>`, true, []string{
			`/r/d (want line 1): element {urn:t}d, got {urn:t}e`,
			`/r/e (want line 1): element {urn:t}e missing`,
		}},
	} {
		diffs, err := soaptest.CompareXML([]byte(want), []byte(c.got), soaptest.Allow{OmittedEmpty: c.allow})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(diffs, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s (allow %v):\n%s\nwant\n%s", c.got, c.allow, strings.Join(diffs, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

func TestCompareXMLEmptyComplexContent(t *testing.T) {
	diffs, err := soaptest.CompareXML([]byte("<r>\n   </r>"), []byte("<r/>"), soaptest.Allow{})
	if err != nil || len(diffs) != 0 {
		t.Errorf("indented empty element: %v %v", diffs, err)
	}
	diffs, err = soaptest.CompareXML([]byte("<r/>"), []byte("<r> </r>"), soaptest.Allow{})
	if err != nil || len(diffs) != 1 {
		t.Errorf("text added: %v %v", diffs, err)
	}
}

func TestCompareXMLFloats(t *testing.T) {
	const want = `<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><d xsi:type="xsd:double">0.0</d><f xsi:type="xsd:float">1.50</f><s xsi:type="xsd:string">0.0</s></r>`
	diffs, err := soaptest.CompareXML([]byte(want), []byte(`<r><d>0</d><f>1.5</f><s>0.0</s></r>`), soaptest.Allow{})
	if err != nil || len(diffs) != 0 {
		t.Errorf("same values: %v %v", diffs, err)
	}
	diffs, err = soaptest.CompareXML([]byte(want), []byte(`<r><d>0.1</d><f>1.5</f><s>0</s></r>`), soaptest.Allow{})
	if err != nil || strings.Join(diffs, "\n") != "/r/d (want line 1): text \"0.0\", got \"0.1\"\n/r/s (want line 1): text \"0.0\", got \"0\"" {
		t.Errorf("other values: %q %v", diffs, err)
	}
}
