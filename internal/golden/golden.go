// Package golden compares test output with golden files, and rewrites the files instead when the tests
// run with -update: go test ./... -update. Importing the package registers the flag, so every test
// package of the module imports it (those without golden files with a blank import), and the flag is
// accepted wherever go test ./... runs.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/internal/soaptest"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the golden file at path, or writes got there when updating.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		write(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// CheckXML is Check for XML: both sides are re-indented (soaptest.Indent) so that the golden file is
// readable and the comparison does not depend on insignificant whitespace between elements.
func CheckXML(t testing.TB, path string, got []byte) {
	t.Helper()
	indented := soaptest.Indent(t, got)
	if *update {
		write(t, path, []byte(indented))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(soaptest.Indent(t, want), indented); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
