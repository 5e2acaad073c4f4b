package cli

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/emit"
)

// importingWSDL imports the schema at location, whose type it uses.
func importingWSDL(location string) string {
	return `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:x="urn:x" targetNamespace="urn:a">
  <wsdl:types>
    <xs:schema targetNamespace="urn:a" elementFormDefault="qualified">
      <xs:import namespace="urn:x" schemaLocation="` + location + `"/>
      <xs:element name="Holder" type="x:Thing"/>
    </xs:schema>
  </wsdl:types>
</wsdl:definitions>
`
}

const importedXSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" elementFormDefault="qualified">
  <xs:complexType name="Thing"><xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence></xs:complexType>
</xs:schema>
`

// sandboxTree makes root/in (the input directory) and root/outside, holding outside/thing.xsd.
func sandboxTree(t *testing.T) (root, in string) {
	t.Helper()
	root = t.TempDir()
	in = filepath.Join(root, "in")
	for _, d := range []string{in, filepath.Join(root, "outside")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(root, "outside", "thing.xsd"), importedXSD)
	return root, in
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

// TestLocalImportsLeaveTheInputDirectory: relative imports of local files are followed wherever they
// lead, into sibling directories and through symbolic links, without a flag (as zeep, gowsdl and
// wsdl2h follow them; every ONVIF service imports ../../../ver10/schema/onvif.xsd); -allow-outside
// is accepted, with a note that it does nothing now.
func TestLocalImportsLeaveTheInputDirectory(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, root, in string) // makes in/a.wsdl and whatever it imports
	}{
		{"symbolic link to a file outside", func(t *testing.T, root, in string) {
			symlink(t, filepath.Join(root, "outside", "thing.xsd"), filepath.Join(in, "thing.xsd"))
			write(t, filepath.Join(in, "a.wsdl"), importingWSDL("thing.xsd"))
		}},
		{"relative symbolic link to a file outside", func(t *testing.T, root, in string) {
			symlink(t, "../outside/thing.xsd", filepath.Join(in, "thing.xsd"))
			write(t, filepath.Join(in, "a.wsdl"), importingWSDL("thing.xsd"))
		}},
		{"symbolic link to a directory outside", func(t *testing.T, root, in string) {
			symlink(t, filepath.Join(root, "outside"), filepath.Join(in, "schemas"))
			write(t, filepath.Join(in, "a.wsdl"), importingWSDL("schemas/thing.xsd"))
		}},
		{"sibling directory", func(t *testing.T, root, in string) {
			write(t, filepath.Join(in, "a.wsdl"), importingWSDL("../outside/thing.xsd"))
		}},
		{"sibling directory, Windows separators", func(t *testing.T, root, in string) {
			write(t, filepath.Join(in, "a.wsdl"), importingWSDL(`..\outside\thing.xsd`))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, in := sandboxTree(t)
			tt.setup(t, root, in)
			out := filepath.Join(root, "out")
			var log bytes.Buffer
			if err := Run([]string{"-o", out, "-pkg", "a", filepath.Join(in, "a.wsdl")}, &log, &log); err != nil {
				t.Fatal(err)
			}
			if types := generatedFiles(t, out)["types.go"]; !strings.Contains(types, "type Thing struct") {
				t.Errorf("types.go does not declare the imported type:\n%s", types)
			}
			log.Reset()
			if err := Run([]string{"-allow-outside", "-o", out, "-pkg", "a", filepath.Join(in, "a.wsdl")}, &log, &log); err != nil {
				t.Fatalf("with -allow-outside: %v", err)
			}
			if want := "sogen: note: -allow-outside is deprecated and does nothing"; !strings.Contains(log.String(), want) {
				t.Errorf("with -allow-outside, stderr %q lacks %q", log.String(), want)
			}
		})
	}
}

// TestDotDotByName: "../" in a location is resolved against the location as written, as URI
// resolution does, not against where a symbolic link on the way leads.
func TestDotDotByName(t *testing.T) {
	root, in := sandboxTree(t)
	// in/alias -> ../outside; in/alias/b.xsd includes ../thing.xsd: by name, that is in/thing.xsd
	// (Thing with a field Near), not outside/../thing.xsd (which does not exist).
	symlink(t, filepath.Join(root, "outside"), filepath.Join(in, "alias"))
	write(t, filepath.Join(root, "outside", "b.xsd"), `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"><xs:include schemaLocation="../thing.xsd"/></xs:schema>`)
	write(t, filepath.Join(in, "thing.xsd"), strings.Replace(importedXSD, `name="Name"`, `name="Near"`, 1))
	write(t, filepath.Join(in, "a.wsdl"), importingWSDL("alias/b.xsd"))
	out := filepath.Join(root, "out")
	var log bytes.Buffer
	if err := Run([]string{"-o", out, "-pkg", "a", filepath.Join(in, "a.wsdl")}, &log, &log); err != nil {
		t.Fatal(err)
	}
	if types := generatedFiles(t, out)["types.go"]; !strings.Contains(types, "Near string") {
		t.Errorf("types.go does not declare in/thing.xsd's Thing:\n%s", types)
	}
}

// TestAbsolutePathsRefused: a location that is an absolute path is refused, even when the file
// exists, and -allow-outside does not change that.
func TestAbsolutePathsRefused(t *testing.T) {
	root, in := sandboxTree(t)
	abs := filepath.Join(root, "outside", "thing.xsd")
	write(t, filepath.Join(in, "a.wsdl"), importingWSDL(abs))
	for _, flags := range [][]string{nil, {"-allow-outside"}} {
		var log bytes.Buffer
		args := append(append([]string{"-o", filepath.Join(root, "out"), "-pkg", "a"}, flags...), filepath.Join(in, "a.wsdl"))
		err := Run(args, &log, &log)
		want := `a.wsdl: /wsdl:definitions/wsdl:types/xs:schema/xs:import: schemaLocation="` + abs + `" is an absolute path; only paths relative to the referring file are followed`
		if err == nil || err.Error() != want {
			t.Errorf("%v: got  %v\nwant %s", flags, err, want)
		}
	}
}

// TestRemoteDocumentsStaySandboxed: a document read from a URL (downloaded, or a -map copy) never
// leads to a local file: its relative locations, "../" and absolute paths included, resolve against
// its URL; a file: URL in it is not read; and a -map prefix directory is read through a sandbox.
func TestRemoteDocumentsStaySandboxed(t *testing.T) {
	root, _ := sandboxTree(t)
	secret := filepath.Join(root, "outside", "thing.xsd")
	var mu sync.Mutex
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.RequestURI())
		mu.Unlock()
		switch r.URL.Path {
		case "/svc/dotdot.wsdl":
			w.Write([]byte(importingWSDL("../../outside/thing.xsd")))
		case "/svc/abs.wsdl":
			w.Write([]byte(importingWSDL(secret)))
		case "/svc/file.wsdl":
			w.Write([]byte(importingWSDL("file://" + filepath.ToSlash(secret))))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	run := func(args ...string) error {
		var log bytes.Buffer
		return Run(append([]string{"-o", filepath.Join(root, "out"), "-pkg", "a"}, args...), &log, &log)
	}
	err := run("-fetch", srv.URL+"/svc/dotdot.wsdl")
	if want := "fetching " + srv.URL + "/outside/thing.xsd: HTTP status 404 Not Found"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("../ in a downloaded document: %v", err)
	}
	err = run("-fetch", srv.URL+"/svc/abs.wsdl")
	if want := "fetching " + srv.URL + filepath.ToSlash(secret) + ": HTTP status 404 Not Found"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("an absolute path in a downloaded document: %v", err)
	}
	// A location not read is an error with -strict; without, the import is passed over, and nothing
	// of the local file makes it into the output.
	err = run("-strict", "-fetch", srv.URL+"/svc/file.wsdl")
	if want := `is a remote location, which was not read (sogen downloads only http and https locations: save it and run sogen with -map file://`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a file: URL in a downloaded document: %v", err)
	}
	notRead := func(what string, args ...string) {
		t.Helper()
		if err := run(args...); err != nil {
			t.Errorf("%s, without -strict: %v", what, err)
		} else if types := generatedFiles(t, filepath.Join(root, "out"))["types.go"]; strings.Contains(types, "Thing") {
			t.Errorf("%s, without -strict: the output declares the local file's type:\n%s", what, types)
		}
	}
	notRead("a file: URL in a downloaded document", "-fetch", srv.URL+"/svc/file.wsdl")

	// A -map prefix directory holds copies of remote documents: what they import resolves against
	// their URLs, and nothing outside the directory is read, through .. or a symbolic link.
	copies := filepath.Join(root, "copies")
	os.MkdirAll(filepath.Join(copies, "svc"), 0o755)
	write(t, filepath.Join(copies, "svc", "dotdot.wsdl"), importingWSDL("../../outside/thing.xsd"))
	write(t, filepath.Join(copies, "svc", "link.wsdl"), importingWSDL("thing.xsd"))
	symlink(t, secret, filepath.Join(copies, "svc", "thing.xsd"))
	base := "https://example.invalid/"
	mapSvc := base + "svc/=" + filepath.Join(copies, "svc")
	err = run("-strict", "-map", mapSvc, base+"svc/dotdot.wsdl")
	if want := `schemaLocation="../../outside/thing.xsd" is a remote location (https://example.invalid/outside/thing.xsd), which was not read`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("../ in a mapped copy: %v", err)
	}
	notRead("../ in a mapped copy", "-map", mapSvc, base+"svc/dotdot.wsdl")
	err = run("-map", mapSvc, base+"svc/link.wsdl")
	if want := "https://example.invalid/svc/thing.xsd is mapped to " + filepath.Join(copies, "svc", "thing.xsd") + ": thing.xsd leads outside " + filepath.Join(copies, "svc") + " through a symbolic link"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a symbolic link in a mapped directory: %v\nwant %s", err, want)
	}
	for _, a := range asked {
		if strings.Contains(a, "copies") {
			t.Errorf("the server was asked for %s", a)
		}
	}
}

func TestSymbolicLinksInside(t *testing.T) {
	root, in := sandboxTree(t)
	// A link that stays inside the input directory is followed.
	os.MkdirAll(filepath.Join(in, "real"), 0o755)
	write(t, filepath.Join(in, "real", "thing.xsd"), importedXSD)
	symlink(t, "real", filepath.Join(in, "alias"))
	write(t, filepath.Join(root, "outside", "a.wsdl"), importingWSDL("alias/thing.xsd"))
	// The input itself is a link: it counts where it leads (here, beside its imports).
	os.Remove(filepath.Join(root, "outside", "thing.xsd"))
	os.Rename(filepath.Join(root, "outside", "a.wsdl"), filepath.Join(in, "a.wsdl"))
	symlink(t, filepath.Join(in, "a.wsdl"), filepath.Join(root, "outside", "link.wsdl"))
	out := filepath.Join(root, "out")
	var log bytes.Buffer
	if err := Run([]string{"-o", out, "-pkg", "a", filepath.Join(root, "outside", "link.wsdl")}, &log, &log); err != nil {
		t.Fatal(err)
	}
	if types := generatedFiles(t, out)["types.go"]; !strings.Contains(types, "type Thing struct") {
		t.Errorf("types.go does not declare the imported type")
	}
}

func TestRefusesSymbolicLinkInOutput(t *testing.T) {
	// A link in the output directory where a generated file goes is not replaced, whether it leads to
	// a hand-written file or to a generated one: sogen writes only regular files it generated.
	for _, target := range []string{"package elsewhere\n", emit.Marker + "\npackage elsewhere\n"} {
		root := t.TempDir()
		elsewhere := filepath.Join(root, "elsewhere.go")
		write(t, elsewhere, target)
		out := filepath.Join(root, "out")
		os.MkdirAll(out, 0o755)
		symlink(t, elsewhere, filepath.Join(out, "types.go"))
		var log bytes.Buffer
		err := Run([]string{"-o", out, "-pkg", "wrapped", fixture(t)}, &log, &log)
		if err == nil || !strings.Contains(err.Error(), "types.go") || !strings.Contains(err.Error(), "refusing to") {
			t.Fatalf("error %v, want a refusal naming types.go", err)
		}
		if b, _ := os.ReadFile(elsewhere); string(b) != target {
			t.Errorf("the link's target changed to %q", b)
		}
		if fi, err := os.Lstat(filepath.Join(out, "types.go")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced (%v)", err)
		}
		if diff := cmp.Diff([]string{"types.go"}, mustReadDir(t, out)); diff != "" {
			t.Errorf("output directory changed (-want +got):\n%s", diff)
		}
	}
}

func TestWriteFilesRefusesOddNames(t *testing.T) {
	for _, name := range []string{"../escape.go", "sub/x.go", `..\x.go`, "/abs.go", "x.txt", ".hidden.go", "..", "c:x.go"} {
		root := t.TempDir()
		out := filepath.Join(root, "out")
		err := writeFiles(out, []emit.File{{Name: "types.go", Content: []byte(emit.Marker + "\npackage x\n")}, {Name: name, Content: []byte(emit.Marker + "\npackage x\n")}}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "not a plain .go file name") {
			t.Errorf("%q: error %v", name, err)
		}
		if entries, _ := os.ReadDir(root); len(entries) != 0 {
			t.Errorf("%q: the failed run wrote %d entries (the output directory included)", name, len(entries))
		}
	}
}

// snapshot returns the names, modes and contents of the files in dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestFailedStepUndone makes each file system step of a run fail in turn — writing a new content or a
// copy, writing the journal, renaming a changed, added or new file into place, removing a stale one,
// undoing, removing the journal or the temporary files — and checks that the directory holds the old
// package exactly (nothing else) when the run fails before its switch is made, and the old or the new
// one otherwise; then that the next run leaves exactly the new package.
func TestFailedStepUndone(t *testing.T) {
	gen := func(body string) []byte { return []byte(emit.Marker + "\npackage x\n\n" + body + "\n") }
	files := []emit.File{
		{Name: "a.go", Content: gen("// a, new")},
		{Name: "b.go", Content: gen("// b, unchanged")},
		{Name: "c.go", Content: gen("// c, added")},
		{Name: "d.go", Content: gen("// d, new")},
	}
	setup := func(t *testing.T) string {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "a.go"), string(gen("// a, old")))
		write(t, filepath.Join(dir, "b.go"), string(gen("// b, unchanged")))
		write(t, filepath.Join(dir, "d.go"), string(gen("// d, old")))
		write(t, filepath.Join(dir, "stale.go"), string(gen("// no longer generated")))
		write(t, filepath.Join(dir, "hand.go"), "package x\n")
		return dir
	}
	t.Cleanup(func() { fsHook = func(string, string) error { return nil } })
	// The steps of a successful run.
	var steps []string
	fsHook = func(op, name string) error { steps = append(steps, op+" "+filepath.Base(name)); return nil }
	dir := setup(t)
	before := snapshot(t, dir)
	if err := writeFiles(dir, files, io.Discard); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.go": string(files[0].Content), "b.go": string(files[1].Content), "c.go": string(files[2].Content),
		"d.go": string(files[3].Content), "hand.go": "package x\n"}
	if diff := cmp.Diff(want, snapshot(t, dir)); diff != "" {
		t.Fatalf("after a successful run (-want +got):\n%s", diff)
	}
	// a, c and d written, copies of a, d and stale.go, the journal, three renames into place and the
	// removal of stale.go, the journal removed, five temporary files removed, the lock released.
	wantSteps := []string{"create .sogen-a.go.new", "create .sogen-a.go.old", "create .sogen-c.go.new", "create .sogen-d.go.new",
		"create .sogen-d.go.old", "create .sogen-stale.go.old", "create .sogen-journal.tmp", "rename .sogen-journal.tmp",
		"rename .sogen-a.go.new", "rename .sogen-c.go.new", "rename .sogen-d.go.new", "remove stale.go", "remove .sogen.journal",
		"remove .sogen-a.go.new", "remove .sogen-a.go.old", "remove .sogen-c.go.new", "remove .sogen-d.go.new",
		"remove .sogen-d.go.old", "remove .sogen-stale.go.old"}
	if runtime.GOOS != "windows" { // where closing the lock's handle deletes its file
		wantSteps = append(wantSteps, "remove .sogen.lock")
	}
	if diff := cmp.Diff(wantSteps, steps); diff != "" {
		t.Fatalf("steps of a run (-want +got):\n%s", diff)
	}
	committed := slices.Index(steps, "remove .sogen.journal") // the switch is made before it
	for fail := range steps {
		dir := setup(t)
		n := 0
		fsHook = func(op, name string) error {
			if n++; n-1 == fail {
				return &os.PathError{Op: op, Path: name, Err: os.ErrPermission}
			}
			return nil
		}
		err := writeFiles(dir, files, io.Discard)
		fsHook = func(string, string) error { return nil }
		got := snapshot(t, dir)
		switch {
		case fail < committed:
			if err == nil {
				t.Errorf("%s failing: no error", steps[fail])
			}
			if diff := cmp.Diff(before, got); diff != "" {
				t.Errorf("%s failing: the directory changed (-before +after):\n%s", steps[fail], diff)
			}
		default: // the switch is made: the package is the new one, leftovers aside
			for name, content := range want {
				if got[name] != content {
					t.Errorf("%s failing: %s is %q, want %q", steps[fail], name, got[name], content)
				}
			}
		}
		if err := writeFiles(dir, files, io.Discard); err != nil {
			t.Fatalf("%s failed; the next run: %v", steps[fail], err)
		}
		if diff := cmp.Diff(want, snapshot(t, dir)); diff != "" {
			t.Errorf("%s failed; after the next run (-want +got):\n%s", steps[fail], diff)
		}
	}
	// The directories the run had to create are removed again when it fails.
	fsHook = func(op, _ string) error {
		if op == "create" {
			return os.ErrPermission
		}
		return nil
	}
	parent := t.TempDir()
	if err := writeFiles(filepath.Join(parent, "new", "out"), files, io.Discard); err == nil {
		t.Fatal("no error")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("the directories made for the output were left behind: %v", entries)
	}
}

func TestHelpDescribesImports(t *testing.T) {
	var out bytes.Buffer
	Run([]string{"-h"}, &out, &out)
	for _, want := range []string{"-allow-outside", "deprecated", "sibling directories", "symbolic", "absolute path is refused", "never to a local file", "split at its last", "UTF-16"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help does not mention %q:\n%s", want, out.String())
		}
	}
}
