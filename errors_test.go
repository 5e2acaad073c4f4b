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
