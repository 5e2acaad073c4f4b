package sogen_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/internal/cli"
	"github.com/sogen-go/sogen/internal/golden"
)

// TestErrors runs the sogen command on every bad input in testdata/bad and compares the error with
// the golden message in golden/errors/<name>.txt, as the user sees it (hints worded as flags): each
// must name the file and, where one exists, the element. The inputs a loss-free fix-up repairs by
// default (strictOnly) are run with -strict, which makes them errors; without it they must generate
// (TestFixupBadInputs checks how).
func TestErrors(t *testing.T) {
	strictOnly := map[string]bool{}
	for _, name := range []string{
		// Loss-free fix-ups of the form of the input.
		"element-model-group", "spaced-name", "wrong-namespace", "undeclared-prefix",
		// References to nothing defined, read as any content (parser.AnyContent).
		"unknown-type", "huge-attribute", "self-including-schema", "undefined-element-ref", "undeclared-element-ref",
		"undefined-group", "undefined-attribute-group", "undefined-attribute", "undefined-attribute-type",
		"undefined-simple-base", "undefined-base", "undefined-part-element",
		// What refers to nothing and nothing callable depends on, ignored (parser.Ignored).
		"undefined-substitution-head", "undefined-fault-message", "undefined-header-message", "missing-header-part",
		"header-type-part", "binding-operation-without-operation", "port-without-binding", "body-part-not-in-empty-message",
		// An xs:import of a remote location that was not read, passed over (parser.Unread).
		"remote-import",
	} {
		strictOnly[name] = true
	}
	inputs, err := filepath.Glob("testdata/bad/*.wsdl")
	if err != nil || len(inputs) == 0 {
		t.Fatal("no bad inputs in testdata/bad")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".wsdl")
		t.Run(name, func(t *testing.T) {
			run := func(flags ...string) (string, error) {
				var log bytes.Buffer
				out := filepath.Join(t.TempDir(), "out")
				err := cli.Run(append(append([]string{"-o", out, "-pkg", "bad"}, flags...), in), &log, &log)
				if _, serr := os.Stat(out); err != nil && !os.IsNotExist(serr) {
					t.Errorf("the failed run created %s (%v)", out, serr)
				}
				return log.String(), err
			}
			var flags []string
			if strictOnly[name] {
				if log, err := run(); err != nil {
					t.Fatalf("without -strict: %v\n%s", err, log)
				}
				flags = []string{"-strict"}
			}
			_, err := run(flags...)
			if err == nil {
				t.Fatal("generation succeeded; want an error")
			}
			got := err.Error() + "\n"
			golden.Check(t, filepath.Join("golden", "errors", name+".txt"), []byte(got))
			// The error starts with the name of the file at fault: the input, or a file it pulled in.
			file, _, _ := strings.Cut(got, ": ")
			if _, err := os.Stat(filepath.Join("testdata", "bad", file)); err != nil {
				t.Errorf("error does not start with the name of a file: %s", got)
			}
		})
	}
}

// TestMergeConflict generates two agents into one package where they define the shared type Money
// differently: the error names both files and elements and says how the definitions differ.
func TestMergeConflict(t *testing.T) {
	_, err := sogen.Generate(sogen.Config{FS: os.DirFS("testdata"),
		Roots: []string{"wsdl/agents/Orders.wsdl", "bad/merge/Billing.wsdl"}, Package: "agents"})
	if err == nil {
		t.Fatal("generation succeeded; want an error")
	}
	got := err.Error() + "\n"
	golden.Check(t, filepath.Join("golden", "errors", "merge-conflict.txt"), []byte(got))
	for _, want := range []string{"bad/merge/Billing.wsdl: ", "wsdl/agents/Orders.wsdl: ", "[@name='Money']", "element Amount/Type: {http://www.w3.org/2001/XMLSchema}decimal there, {http://www.w3.org/2001/XMLSchema}double here"} {
		if !strings.Contains(got, want) {
			t.Errorf("error lacks %q: %s", want, got)
		}
	}
}

// TestLimitErrors checks the parser's default limits on inputs built in memory: the number of files
// imports pull in (500), the size of a file (32 MiB); the nesting limit (256) is deep-nesting.wsdl.
func TestLimitErrors(t *testing.T) {
	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:chain">%s</xs:schema>`
	chain := fstest.MapFS{
		"chain.wsdl": {Data: []byte(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:chain">` +
			`<wsdl:types><xs:schema targetNamespace="urn:chain"><xs:include schemaLocation="s/1.xsd"/></xs:schema></wsdl:types></wsdl:definitions>`)},
	}
	for i := 1; i <= 600; i++ {
		chain[fmt.Sprintf("s/%d.xsd", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(schema, fmt.Sprintf(`<xs:include schemaLocation="%d.xsd"/>`, i+1)))}
	}
	big := fstest.MapFS{"big.wsdl": {Data: append([]byte(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">`), bytes.Repeat([]byte(" "), 32<<20)...)}}
	for _, tt := range []struct {
		name string
		fsys fs.FS
		root string
	}{
		{"limit-files", chain, "chain.wsdl"},
		{"limit-size", big, "big.wsdl"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sogen.Generate(sogen.Config{FS: tt.fsys, Roots: []string{tt.root}, Package: "bad"})
			if err == nil {
				t.Fatal("generation succeeded; want an error")
			}
			golden.Check(t, filepath.Join("golden", "errors", tt.name+".txt"), []byte(err.Error()+"\n"))
		})
	}
}
