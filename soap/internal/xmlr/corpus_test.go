package xmlr

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type doc struct {
	name string
	data []byte
}

// repoRoot is the repository's root, from this package's directory.
const repoRoot = "../../.."

// corpus returns the documents the differential test and the fuzzer start from:
//   - the cases below, written for the rules of XML and Namespaces;
//   - the fuzz corpora of the repository (testdata/fuzz directories, in the fuzzer's file format);
//   - every string literal holding markup in the tests of soap and generated/services88 (the seeds
//     of their fuzz tests, and the envelopes and replies of their other tests);
//   - the wire goldens (golden/wire) and the WSDL and XSD test inputs (testdata);
//   - with SOGEN_CORPUS set, the XML, WSDL and XSD files of the third-party corpus.
func corpus(tb testing.TB) []doc {
	tb.Helper()
	var docs []doc
	for i, s := range cases {
		docs = append(docs, doc{"case" + strconv.Itoa(i), []byte(s)})
	}
	for _, dir := range []string{"soap/testdata/fuzz", "testdata/fuzz", "generated/services88/testdata/fuzz", "soap/internal/xmlr/testdata/fuzz"} {
		filepath.WalkDir(filepath.Join(repoRoot, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			for i, v := range fuzzFileValues(data) {
				docs = append(docs, doc{"fuzz/" + filepath.Base(filepath.Dir(path)) + "/" + d.Name() + "/" + strconv.Itoa(i), v})
			}
			return nil
		})
	}
	for _, dir := range []string{"soap", "generated/services88"} {
		files, _ := filepath.Glob(filepath.Join(repoRoot, dir, "*_test.go"))
		if len(files) == 0 {
			tb.Fatalf("no tests in %s", dir)
		}
		for _, file := range files {
			for i, s := range markupLiterals(tb, file) {
				docs = append(docs, doc{dir + "/" + filepath.Base(file) + "/" + strconv.Itoa(i), []byte(s)})
			}
		}
	}
	docs = append(docs, files(tb, filepath.Join(repoRoot, "golden", "wire"), "golden/wire")...)
	docs = append(docs, files(tb, filepath.Join(repoRoot, "testdata"), "testdata")...)
	if dir := os.Getenv("SOGEN_CORPUS"); dir != "" {
		docs = append(docs, files(tb, dir, "corpus")...)
	}
	return docs
}

// files returns the .xml, .wsdl and .xsd files under dir.
func files(tb testing.TB, dir, name string) []doc {
	var docs []doc
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch filepath.Ext(path) {
		case ".xml", ".wsdl", ".xsd":
			data, err := os.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, path)
			docs = append(docs, doc{name + "/" + rel, data})
		}
		return nil
	})
	return docs
}

// fuzzFileValues returns the []byte and string values of a file in the fuzzer's corpus format.
func fuzzFileValues(data []byte) [][]byte {
	lines := strings.Split(string(data), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "go test fuzz v1") {
		return nil
	}
	var vals [][]byte
	for _, line := range lines[1:] {
		i, j := strings.IndexByte(line, '('), strings.LastIndexByte(line, ')')
		if i < 0 || j < i {
			continue
		}
		switch line[:i] {
		case "[]byte", "string":
			if s, err := strconv.Unquote(line[i+1 : j]); err == nil {
				vals = append(vals, []byte(s))
			}
		}
	}
	return vals
}

// markupLiterals returns the string literals of a Go file that hold markup (a < followed by a
// name, /, ! or ?), constant concatenations joined.
func markupLiterals(tb testing.TB, file string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		s, ok := constString(n)
		if !ok {
			return true
		}
		if i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s) && strings.ContainsAny(s[i+1:i+2], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_/!?") {
			out = append(out, s)
		}
		return false
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// constString returns the value of a string literal, or of a + of them.
func constString(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.BasicLit:
		if n.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(n.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if n.Op != token.ADD {
			return "", false
		}
		x, ok1 := constString(n.X)
		y, ok2 := constString(n.Y)
		return x + y, ok1 && ok2
	case *ast.ParenExpr:
		return constString(n.X)
	}
	return "", false
}

// cases are documents written for the rules the Reader checks, accepted and not.
var cases = []string{
	`<a/>`,
	`<a></a>`,
	"\uFEFF<a/>",
	`<?xml version="1.0"?><a/>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<a/>\n",
	`<?xml version='1.0' encoding='us-ascii'?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml?><a/>`,
	`<?xml encoding="utf-8"?><a/>`,
	`<?xml version="1.0" standalone="maybe"?><a/>`,
	`<?xml version="1.0" encoding="utf-8" version="1.0"?><a/>`,
	` <?xml version="1.0"?><a/>`,
	`<a><?xml version="1.0"?></a>`,
	`<?XML version="1.0"?><a/>`,
	`<?xml-stylesheet href="x"?><a/>`,
	`<?pi?><a/>`,
	`<?pi data?><a/>`,
	`<?pi/data?><a/>`,
	`<?a:b?><a/>`,
	`<!DOCTYPE a><a/>`,
	`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`,
	`<a><!ELEMENT a ANY></a>`,
	`<!-- c --><a><!-- d --></a><!-- e -->`,
	`<a><!-- a -- b --></a>`,
	`<a><!-- a ---></a>`,
	`<a><!----></a>`,
	`<a><!---></a>`,
	"<a><!-- \x01 --></a>",
	"<a><?pi \x01?></a>",
	"<a><!-- \xff --></a>",
	`<a>x<!-- c -->y<?pi z?>z<![CDATA[<&>]]>w</a>`,
	`<a><![CDATA[]]></a>`,
	`<a><![CDATA[x]]]></a>`,
	`<a>]]></a>`,
	`<a>]]&gt;</a>`,
	`<a b="]]>"/>`,
	"<a>\r\n\r</a>",
	"<a><![CDATA[\r\n\r]]></a>",
	"<a>&#13;\n</a>",
	"<a b='x\ty\nz\r\nw\rv'/>",
	"<a b='&#9;&#10;&#13;&#32;'/>",
	`<a>&lt;&gt;&amp;&apos;&quot;</a>`,
	`<a>&#65;&#x41;&#x10FFFF;&#1114111;</a>`,
	`<a>&#x110000;</a>`,
	`<a>&#0;</a>`,
	`<a>&#xD800;</a>`,
	`<a>&#xdfff;</a>`,
	`<a>&#xFFFE;</a>`,
	`<a>&#;</a>`,
	`<a>&#x;</a>`,
	`<a>&#X41;</a>`,
	`<a>&#00000000000000000000065;</a>`,
	`<a>&#999999999999999999999999;</a>`,
	`<a>&nbsp;</a>`,
	`<a>&lt</a>`,
	`<a>&</a>`,
	`<a b="&"/>`,
	`<a b="<"/>`,
	`<a b='"'/>`,
	`<a b="'"/>`,
	`<a b="1"c="2"/>`,
	`<a b="1" b="2"/>`,
	`<a b="1" b ="2"/>`,
	`<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`,
	`<a xmlns:p="u" xmlns:q="v" p:b="1" q:b="2"/>`,
	`<a xmlns:p="u" p:b="1" b="2"/>`,
	`<a xmlns="u" b="1" xmlns:p="u" p:b="2"/>`,
	`<a xmlns="x" xmlns="y"/>`,
	`<a xmlns:p="x" xmlns:p="y"/>`,
	`<p:a xmlns:p="u"/>`,
	`<p:a/>`,
	`<a p:b="1"/>`,
	`<a xmlns:p="u"><p:b/></a><!-- -->`,
	`<a xmlns:p="u"></a>`,
	`<a><b xmlns:p="u"/><p:c/></a>`,
	`<a xmlns="u"><b xmlns=""><c/></b><d/></a>`,
	`<a xmlns:p=""/>`,
	`<a xmlns:xml="http://www.w3.org/XML/1998/namespace"/>`,
	`<a xmlns:xml="u"/>`,
	`<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`,
	`<a xmlns="http://www.w3.org/XML/1998/namespace"/>`,
	`<a xmlns:xmlns="u"/>`,
	`<a xmlns:p="http://www.w3.org/2000/xmlns/"/>`,
	`<a xmlns="http://www.w3.org/2000/xmlns/"/>`,
	`<xmlns:a/>`,
	`<xml:a/>`,
	`<a xml:lang="en" xml:space="preserve"/>`,
	`<a xmlns:xmlx="u"><xmlx:b/></a>`,
	`<:a/>`,
	`<a:/>`,
	`<a:b:c xmlns:a="u"/>`,
	`<a:1 xmlns:a="u"/>`,
	`<a :b="1"/>`,
	`<a b:="1"/>`,
	`<1a/>`,
	`<-a/>`,
	`<a.b-c_d1/>`,
	"<\u00e9l\u00e8ve/>",
	"<a\u00b7b/>",
	"<\u00b7a/>",
	"<a\u0300/>",
	"<\u0300a/>",
	"<a\u037e/>",
	"<\u2070a/>",
	"<\u3001a/>",
	"<\U00010000a/>",
	"<\U000f0000a/>",
	"<a\u00d7b/>",
	`<a></b>`,
	`<a></a >`,
	"<a></a\n>",
	`<a></ a>`,
	`<a></a b>`,
	`<a>`,
	`<a><b></a></b>`,
	`</a>`,
	`<a/><b/>`,
	`<a/>x`,
	`x<a/>`,
	`<a/>&amp;`,
	`<![CDATA[x]]><a/>`,
	`<a/><![CDATA[ ]]>`,
	` <a/> `,
	``,
	` `,
	`<!-- only -->`,
	`<a b/>`,
	`<a b=c/>`,
	`<a b="c/>`,
	`< a/>`,
	`<a / >`,
	`<a/ >`,
	`<a b="1"/ >`,
	"<a>\x00</a>",
	"<a>\x7f</a>",
	"<a>\xc3\x28</a>",
	"<a>\xed\xa0\x80</a>",
	"<a>\xef\xbf\xbe</a>",
	"<a>\xef\xbf\xbd</a>",
	"<a b='\x01'/>",
	"<a>\uFEFF</a>",
	"\xFE\xFF\x00<\x00a\x00/\x00>",
	`<a><b><c><d/></c></b></a>`,
	strings.Repeat("<a>", 70) + strings.Repeat("</a>", 70),
	`<a>` + strings.Repeat(`<b xmlns:p="u"/>`, 40) + `</a>`,
	`<a ` + attrs(30, "") + `/>`,
	`<a ` + attrs(30, "") + ` a5="x"/>`,
	`<a xmlns:p="u" xmlns:q="u" ` + attrs(20, "p:") + ` q:a17="y"/>`,
	`<a xmlns:p="u&amp;v"><p:b/></a>`,
	`<a xmlns:p="u&#10;v"><p:b/></a>`,
	"<a xmlns:p=\"u\nv\"><p:b/></a>",
	`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m xmlns="urn:x" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><v i:type="x:int" xmlns:x="http://www.w3.org/2001/XMLSchema">1</v><n i:nil="true"/></m></s:Body></s:Envelope>`,
}

func attrs(n int, prefix string) string {
	var b bytes.Buffer
	for i := range n {
		b.WriteString(prefix + "a" + strconv.Itoa(i) + `="v" `)
	}
	return b.String()
}
