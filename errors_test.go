package sogen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/internal/golden"
)

// TestErrors generates from every bad input in testdata/bad and compares the error with the golden
// message in golden/errors/<name>.txt: each must name the file and, where one exists, the element.
func TestErrors(t *testing.T) {
	inputs, err := filepath.Glob("testdata/bad/*.wsdl")
	if err != nil || len(inputs) == 0 {
		t.Fatal("no bad inputs in testdata/bad")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".wsdl")
		t.Run(name, func(t *testing.T) {
			_, err := sogen.Generate(sogen.Config{FS: os.DirFS("testdata/bad"), Roots: []string{filepath.Base(in)}, Package: "bad"})
			if err == nil {
				t.Fatal("generation succeeded; want an error")
			}
			got := err.Error() + "\n"
			golden.Check(t, filepath.Join("golden", "errors", name+".txt"), []byte(got))
			if !strings.HasPrefix(got, filepath.Base(in)+": ") {
				t.Errorf("error does not start with the file name: %s", got)
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
