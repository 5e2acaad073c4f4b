package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	_ "github.com/sogen-go/sogen/internal/golden" // registers -update
	"github.com/sogen-go/sogen/internal/soaptest"
)

// TestReportUpToDate runs the measurement over the corpus (about 15 seconds: generation of every entry
// point, then one go build and one go vet of all the packages) and requires docs/compat.md to be what
// it writes: a change that makes more (or fewer) entry points work must regenerate the report with
// go run ./internal/cmd/compat.
func TestReportUpToDate(t *testing.T) {
	corpus := soaptest.Corpus(t)
	if testing.Short() {
		t.Skip("builds every corpus package")
	}
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(corpus, root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Entries {
		if e.Panicked {
			t.Errorf("%s: sogen panicked: %s", e.Path, e.Err)
		}
	}
	want, err := os.ReadFile(filepath.Join(root, "docs", "compat.md"))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), rep.Markdown()); d != "" {
		t.Errorf("docs/compat.md is stale: run SOGEN_CORPUS=%s go run ./internal/cmd/compat (-want +got):\n%s", corpus, d)
	}
}

// TestAttribute checks how build and vet output is split by package.
func TestAttribute(t *testing.T) {
	entries := []*Entry{{Pkg: "e01", Generated: true}, {Pkg: "e02", Generated: true}, {Pkg: "e03", Generated: true}}
	out := "# compat/e01\ne01/types.go:3:2: undefined: x\n# compat/e03\nvet: e03/a.go:1:1: bad\n"
	got := attribute(out, entries)
	want := map[string]string{"e01": "e01/types.go:3:2: undefined: x", "e03": "vet: e03/a.go:1:1: bad"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// Output that names no package fails them all.
	got = attribute("go: cannot find main module\n", entries)
	if len(got) != 3 {
		t.Errorf("stray output failed %d packages, want 3", len(got))
	}
}

// TestGenerateFollowsHints runs generate on entry points of our own testdata, as the measurement
// runs the corpus: one that needs no flag, one whose error suggests -lenient (followed), one whose
// error suggests -fetch (noted, not followed), one that fails with no suggestion.
func TestGenerateFollowsHints(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	corpus := t.TempDir()
	public := filepath.Join(corpus, "public")
	if err := os.Symlink(filepath.Join(root, "testdata"), public); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	tests := []struct {
		path       string
		flags      []string
		unfollowed []string
		generated  bool
		stage      string
	}{
		{"wsdl/wrapped/wrapped.wsdl", nil, nil, true, ""},
		{"lenient/sloppy.wsdl", []string{"-lenient"}, nil, true, ""},
		{"bad/remote-import.wsdl", nil, []string{"-fetch"}, false, "generate"},
		{"bad/truncated.wsdl", nil, nil, false, "generate"},
	}
	for i, tt := range tests {
		e := &Entry{Path: tt.path, Pkg: fmt.Sprintf("e%02d", i+1)}
		generate(corpus, e, filepath.Join(t.TempDir(), e.Pkg))
		got := []any{e.Flags, e.Unfollowed, e.Generated, e.Stage}
		if d := cmp.Diff([]any{tt.flags, tt.unfollowed, tt.generated, tt.stage}, got); d != "" {
			t.Errorf("%s (-want +got):\n%s\nerror: %s", tt.path, d, e.Err)
		}
	}
}
