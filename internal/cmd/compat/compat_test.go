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
	entries := []*Entry{{Pkg: "e01", Generated: true}, {Pkg: "e02", Generated: true}, {Pkg: "e03", Generated: true}, {Pkg: "e03t", Generated: true}}
	out := "# compat/e01\ne01/types.go:3:2: undefined: x\n# compat/e03\nvet: e03/a.go:1:1: bad\ne03t/b.go:2:2: worse\n"
	got := attribute(out, entries)
	want := map[string]string{"e01": "e01/types.go:3:2: undefined: x", "e03": "vet: e03/a.go:1:1: bad", "e03t": "e03t/b.go:2:2: worse"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// Output that names no package fails them all.
	got = attribute("go: cannot find main module\n", entries)
	if len(got) != 4 {
		t.Errorf("stray output failed %d packages, want 4", len(got))
	}
}

// TestGenerateFollowsHints runs generate on entry points of our own testdata, as the measurement
// runs the corpus: three that need no flag (two repaired by the loss-free fix-ups made by default), two
// whose errors suggest -lenient (followed), one whose xs:import of a remote schema is passed over
// (generated again with the stand-in mapped, as a typed run, when there is one), one whose wsdl:import
// of a remote WSDL is an error naming a location there is a stand-in for (mapped), and without the
// stand-in (-fetch noted, not followed), one that fails with no suggestion.
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
	for name, doc := range map[string]string{
		"remote.xsd":  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/remote"/>`,
		"remote.wsdl": `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="http://example.com/remote"/>`,
	} {
		if err := os.WriteFile(filepath.Join(copies, "example.com", name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const xsd, wsdl = "https://example.com/remote.xsd", "https://example.com/remote.wsdl"
	type run struct {
		flags      []string
		maps       []string
		unfollowed []string
		generated  bool
		stage      string
	}
	tests := []struct {
		path   string
		copies string
		run
		unread []Unread
		typed  *run
	}{
		{"wsdl/wrapped/wrapped.wsdl", copies, run{nil, nil, nil, true, ""}, nil, nil},
		{"lenient/sloppy.wsdl", copies, run{nil, nil, nil, true, ""}, nil, nil},
		{"lenient/broken.wsdl", copies, run{nil, nil, nil, true, ""}, nil, nil},
		{"lenient/lossy.wsdl", copies, run{[]string{"-lenient"}, nil, nil, true, ""}, nil, nil},
		{"bad/document-type-part.wsdl", copies, run{[]string{"-lenient"}, nil, nil, true, ""}, nil, nil},
		{"bad/remote-import.wsdl", copies, run{nil, nil, nil, true, ""}, []Unread{{URL: xsd}}, &run{nil, []string{xsd}, nil, true, ""}},
		{"bad/remote-import.wsdl", t.TempDir(), run{nil, nil, nil, true, ""}, []Unread{{URL: xsd}}, nil},
		{"bad/remote-wsdl-import.wsdl", copies, run{nil, []string{wsdl}, nil, true, ""}, nil, nil},
		{"bad/remote-wsdl-import.wsdl", t.TempDir(), run{nil, nil, []string{"-fetch"}, false, "generate"}, nil, nil},
		{"bad/truncated.wsdl", copies, run{nil, nil, nil, false, "generate"}, nil, nil},
	}
	for i, tt := range tests {
		e := &Entry{Path: tt.path, Pkg: fmt.Sprintf("e%02d", i+1)}
		generate(corpus, e, filepath.Join(t.TempDir(), e.Pkg), tt.copies)
		got := []any{e.Flags, e.Maps, e.Unfollowed, e.Generated, e.Stage, e.Unread}
		if d := cmp.Diff([]any{tt.flags, tt.maps, tt.unfollowed, tt.generated, tt.stage, tt.unread}, got); d != "" {
			t.Errorf("%s (-want +got):\n%s\nerror: %s", tt.path, d, e.Err)
		}
		switch {
		case tt.typed == nil && e.Typed != nil:
			t.Errorf("%s: a typed run with %q", tt.path, e.Typed.Maps)
		case tt.typed != nil && e.Typed == nil:
			t.Errorf("%s: no typed run", tt.path)
		case tt.typed != nil:
			got := []any{e.Typed.Flags, e.Typed.Maps, e.Typed.Unfollowed, e.Typed.Generated, e.Typed.Stage, e.Typed.Pkg}
			if d := cmp.Diff([]any{tt.typed.flags, tt.typed.maps, tt.typed.unfollowed, tt.typed.generated, tt.typed.stage, e.Pkg + "t"}, got); d != "" {
				t.Errorf("%s, typed run (-want +got):\n%s\nerror: %s", tt.path, d, e.Typed.Err)
			}
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
