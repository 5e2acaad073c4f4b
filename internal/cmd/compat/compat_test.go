package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	_ "github.com/sogen-go/sogen/internal/golden" // registers -update
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/parser"
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
// runs the corpus: three that need no flag (two repaired by the loss-free fix-ups made by default), two
// whose errors suggest -lenient (followed), one whose error names a remote location there is a
// stand-in for (mapped), and without the stand-in (-fetch noted, not followed), one that fails with
// no suggestion.
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
	copies := t.TempDir()
	os.MkdirAll(filepath.Join(copies, "example.com"), 0o755)
	if err := os.WriteFile(filepath.Join(copies, "example.com", "remote.xsd"), []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/remote"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path       string
		copies     string
		flags      []string
		maps       []string
		unfollowed []string
		generated  bool
		stage      string
	}{
		{"wsdl/wrapped/wrapped.wsdl", copies, nil, nil, nil, true, ""},
		{"lenient/sloppy.wsdl", copies, nil, nil, nil, true, ""},
		{"lenient/broken.wsdl", copies, nil, nil, nil, true, ""},
		{"lenient/lossy.wsdl", copies, []string{"-lenient"}, nil, nil, true, ""},
		{"bad/document-type-part.wsdl", copies, []string{"-lenient"}, nil, nil, true, ""},
		{"bad/remote-import.wsdl", copies, nil, []string{"https://example.com/remote.xsd"}, nil, true, ""},
		{"bad/remote-import.wsdl", t.TempDir(), nil, nil, []string{"-fetch"}, false, "generate"},
		{"bad/truncated.wsdl", copies, nil, nil, nil, false, "generate"},
	}
	for i, tt := range tests {
		e := &Entry{Path: tt.path, Pkg: fmt.Sprintf("e%02d", i+1)}
		generate(corpus, e, filepath.Join(t.TempDir(), e.Pkg), tt.copies)
		got := []any{e.Flags, e.Maps, e.Unfollowed, e.Generated, e.Stage}
		if d := cmp.Diff([]any{tt.flags, tt.maps, tt.unfollowed, tt.generated, tt.stage}, got); d != "" {
			t.Errorf("%s (-want +got):\n%s\nerror: %s", tt.path, d, e.Err)
		}
	}
}

// TestStandIns checks that every file in testdata/remote stands for a location: each is a schema
// (or WSDL) the parser reads, and the README says what they are.
func TestStandIns(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "testdata", "remote")
	n := 0
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == filepath.Join(dir, "README.md") {
			return err
		}
		n++
		rel, _ := filepath.Rel(dir, p)
		// Read alone, a stand-in may only miss the remote documents it imports.
		if _, err := parser.Parse(os.DirFS(dir), []string{filepath.ToSlash(rel)}, parser.Options{}); err != nil {
			if h, ok := parser.HintOf(err); !ok || h.Kind != parser.HintRemote {
				t.Errorf("%s: %v", rel, err)
			}
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d stand-ins (%v)", n, err)
	}
}
