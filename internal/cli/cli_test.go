package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/emit"
)

// repo returns the repository root (two levels up from internal/cli).
func repo(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(filepath.Dir(wd))
}

// generateArgs returns the sogen arguments of the //go:generate line in file.
func generateArgs(t *testing.T, file string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		rest, ok := strings.CutPrefix(line, "//go:generate go run ")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 || !strings.HasSuffix(fields[0], "cmd/sogen") {
			t.Fatalf("%s: unexpected go:generate line %q", file, line)
		}
		return fields[1:]
	}
	t.Fatalf("%s has no //go:generate line running cmd/sogen", file)
	return nil
}

// withOutput replaces the -o argument.
func withOutput(args []string, dir string) []string {
	out := append([]string(nil), args...)
	for i := 0; i < len(out)-1; i++ {
		if out[i] == "-o" {
			out[i+1] = dir
			return out
		}
	}
	return append([]string{"-o", dir}, out...)
}

// generatedFiles reads the files of dir that carry the generated-code marker.
func generatedFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(b, []byte(emit.Marker+"\n")) {
			out[e.Name()] = string(b)
		}
	}
	return out
}

// TestGeneratedUpToDate regenerates generated/services88 exactly as its go:generate line does and
// fails, with a diff, when the committed files differ.
func TestGeneratedUpToDate(t *testing.T) {
	pkgDir := filepath.Join(repo(t), "generated", "services88")
	args := generateArgs(t, filepath.Join(pkgDir, "gen.go"))
	tmp := t.TempDir()
	t.Chdir(pkgDir)
	var stderr bytes.Buffer
	if err := Run(withOutput(args, tmp), &stderr, &stderr); err != nil {
		t.Fatalf("sogen %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	want := generatedFiles(t, pkgDir)
	got := generatedFiles(t, tmp)
	if len(want) == 0 {
		t.Fatal("generated/services88 holds no generated file")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("generated/services88 is stale; run go generate ./generated/services88 (-committed +fresh):\n%s", diff)
	}
}

func fixture(t *testing.T) string {
	t.Helper()
	return filepath.Join(repo(t), "testdata", "wsdl", "wrapped", "wrapped.wsdl")
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no inputs", []string{"-pkg", "x"}, "no WSDL files given"},
		{"unknown flag", []string{"-nope", "a.wsdl"}, "flag provided but not defined: -nope"},
		{"bad package", []string{"-pkg", "not-valid", "a.wsdl"}, `"not-valid" is not a valid Go package name`},
		{"keyword package", []string{"-pkg", "func", "a.wsdl"}, `-pkg "func" is not a valid Go package name`},
		{"package from -o", []string{"-o", "out/1st", "a.wsdl"}, `no -pkg given, and the name of the output directory (-o) gives "1st", which is not a valid Go package name: give one with -pkg`},
		{"main package", []string{"-pkg", "main", "a.wsdl"}, `-pkg "main" cannot name the generated package: a main package is a program, which nothing can import, and needs a func main`},
		{"main package from -o", []string{"-o", "out/main", "a.wsdl"}, `no -pkg given, and the name of the output directory (-o) gives "main", which cannot name the generated package: a main package is a program, which nothing can import, and needs a func main: give one with -pkg`},
		{"missing input", []string{"-pkg", "x", "does/not/exist.wsdl"}, "input does/not/exist.wsdl: no such file or directory"},
		{"directory input", []string{"-pkg", "x", "."}, "input . is a directory"},
		{"bad suffix", []string{"-pkg", "x", "-client-suffix", "a-b", "a.wsdl"}, `-client-suffix "a-b" is not a valid`},
		{"map without FILE", []string{"-map", "https://example.com/a.xsd", "a.wsdl"}, `-map wants URL=FILE, got "https://example.com/a.xsd"`},
		{"map of a path", []string{"-map", "a.xsd=b.xsd", "a.wsdl"}, `"a.xsd" is not an absolute URL`},
		{"map twice", []string{"-map", "http://x/a=1", "-map", "http://x/a=2", "a.wsdl"}, `http://x/a is already mapped to 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := Run(tt.args, &out, &out)
			var u UsageError
			if !errors.As(err, &u) {
				t.Fatalf("got %v, want a UsageError", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	var out bytes.Buffer
	if err := Run([]string{"-h"}, &out, &out); !errors.Is(err, ErrHelp) {
		t.Fatalf("got %v, want ErrHelp", err)
	}
	for _, want := range []string{"-o directory", "-pkg name", "-client-suffix suffix", "-fetch", "-fetch-timeout", "-map URL=FILE", "-lenient", "Examples:", "sogen -o ./services88", "//go:generate", "Exit status"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help does not mention %q:\n%s", want, out.String())
		}
	}
}

func TestWritesAndReplaces(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	if err := Run([]string{"-o", dir, "-pkg", "wrapped", fixture(t)}, &log, &log); err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	first := generatedFiles(t, dir)
	names := make([]string, 0, len(first))
	for n := range first {
		names = append(names, n)
	}
	sort.Strings(names)
	if diff := cmp.Diff([]string{"types.go", "wrapped_client.go", "wrapped_client_types.go"}, names); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
	// A generated file that is no longer produced is removed; a hand-written one is kept.
	stale := filepath.Join(dir, "old.go")
	os.WriteFile(stale, []byte(emit.Marker+"\npackage wrapped\n"), 0o644)
	mine := filepath.Join(dir, "mine.go")
	os.WriteFile(mine, []byte("package wrapped\n\n// hand-written\n"), 0o644)
	if err := Run([]string{"-o", dir, "-pkg", "wrapped", fixture(t)}, &log, &log); err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale generated file old.go was not removed (%v)", err)
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "package wrapped\n\n// hand-written\n" {
		t.Errorf("hand-written file changed: %q, %v", b, err)
	}
	if diff := cmp.Diff(first, generatedFiles(t, dir)); diff != "" {
		t.Errorf("second run changed the output:\n%s", diff)
	}
	for _, e := range mustReadDir(t, dir) {
		if strings.HasPrefix(e, ".sogen-") {
			t.Errorf("temporary file %s left behind", e)
		}
	}
}

func mustReadDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestRefusesHandWrittenFile(t *testing.T) {
	dir := t.TempDir()
	hand := filepath.Join(dir, "types.go")
	os.WriteFile(hand, []byte("package wrapped\n"), 0o644)
	var log bytes.Buffer
	err := Run([]string{"-o", dir, "-pkg", "wrapped", fixture(t)}, &log, &log)
	if err == nil || !strings.Contains(err.Error(), "was not generated by sogen; refusing to overwrite it") {
		t.Fatalf("got %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(hand); string(b) != "package wrapped\n" {
		t.Errorf("hand-written file changed to %q", b)
	}
	if diff := cmp.Diff([]string{"types.go"}, mustReadDir(t, dir)); diff != "" {
		t.Errorf("directory changed (-want +got):\n%s", diff)
	}
}

func TestFailureLeavesOutputUntouched(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	if err := Run([]string{"-o", dir, "-pkg", "wrapped", fixture(t)}, &log, &log); err != nil {
		t.Fatal(err)
	}
	before := generatedFiles(t, dir)
	bad := filepath.Join(t.TempDir(), "bad.wsdl")
	os.WriteFile(bad, []byte(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:x="urn:x" targetNamespace="urn:x"><portType name="p"><operation name="o"><input message="x:nope"/></operation></portType></definitions>`), 0o644)
	err := Run([]string{"-o", dir, "-pkg", "wrapped", bad}, &log, &log)
	if err == nil || !strings.Contains(err.Error(), "bad.wsdl: /definitions/portType[@name='p']/operation[@name='o']: message {urn:x}nope is not defined") {
		t.Fatalf("got %v", err)
	}
	if diff := cmp.Diff(before, generatedFiles(t, dir)); diff != "" {
		t.Errorf("failed run changed the output (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"types.go", "wrapped_client.go", "wrapped_client_types.go"}, mustReadDir(t, dir)); diff != "" {
		t.Errorf("directory changed (-want +got):\n%s", diff)
	}
}

func TestInputsInSeveralDirectories(t *testing.T) {
	// Two inputs in different directories: the input root is their common parent, and the header
	// records the paths as given.
	root := t.TempDir()
	src, err := os.ReadFile(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "a"), 0o755)
	os.WriteFile(filepath.Join(root, "a", "w.wsdl"), src, 0o644)
	out := filepath.Join(root, "out")
	t.Chdir(root)
	var log bytes.Buffer
	if err := Run([]string{"-o", "out", "-pkg", "w", "a/w.wsdl"}, &log, &log); err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	types := generatedFiles(t, out)["types.go"]
	if !strings.Contains(types, "// Source: a/w.wsdl\n") {
		t.Errorf("header does not record the input as given:\n%s", types[:200])
	}
}

// TestMapFlag runs the command with -map entries for the remote schema a WSDL imports, and checks the
// note saying where it was read from; and without, the warning passing the import over, or with
// -strict the error.
func TestMapFlag(t *testing.T) {
	dir := t.TempDir()
	wsdl := pingWSDL("https://example.invalid/r.xsd")
	xsd := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:remote"><xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>`
	for name, body := range map[string]string{"svc.wsdl": wsdl, "copy.xsd": xsd} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	err := Run([]string{"-o", out, "-pkg", "svc", "-map", "https://example.invalid/r.xsd=" + filepath.Join(dir, "copy.xsd"), filepath.Join(dir, "svc.wsdl")}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if want := "sogen: note: read https://example.invalid/r.xsd from " + filepath.Join(dir, "copy.xsd") + " (-map)"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q does not contain %q", stderr.String(), want)
	}
	// Without it, the import is passed over (its location is a hint): one warning names the
	// location, the namespace, the references read as XML and how to get typed Go for them.
	stderr.Reset()
	if err := Run([]string{"-o", out, "-pkg", "svc", filepath.Join(dir, "svc.wsdl")}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want := "sogen: warning: the schema https://example.invalid/r.xsd (namespace urn:remote) was not read: 1 reference into its namespace read as any content, kept as it arrives " +
		"(for typed Go, run sogen with -fetch to download it, or save it and run sogen with -map https://example.invalid/r.xsd=FILE to read your copy; -v lists each; -strict refuses it)\n"
	if stderr.String() != want {
		t.Errorf("without -map: stderr\n%s\nwant\n%s", stderr.String(), want)
	}
	stderr.Reset()
	if err := Run([]string{"-o", out, "-pkg", "svc", "-v", filepath.Join(dir, "svc.wsdl")}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want = "sogen: warning: svc.wsdl: /wsdl:definitions/wsdl:types/xs:schema/xs:import: schemaLocation=\"https://example.invalid/r.xsd\" is a remote location, which was not read; the import passed over (its location is a hint), what refers into namespace urn:remote read as any content " +
		"(for typed Go, run sogen with -fetch to download it, or save it and run sogen with -map https://example.invalid/r.xsd=FILE to read your copy)\n" +
		"sogen: warning: svc.wsdl: /wsdl:definitions/wsdl:message[@name='In']: part p: element {urn:remote}Ping is not defined (the schema of its namespace, https://example.invalid/r.xsd, was not read); declared as an element of xs:anyType, its content kept as XML\n"
	if stderr.String() != want {
		t.Errorf("without -map, -v: stderr\n%s\nwant\n%s", stderr.String(), want)
	}
	err = Run([]string{"-o", out, "-pkg", "svc", "-strict", filepath.Join(dir, "svc.wsdl")}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "run sogen with -fetch to download it, or save it and run sogen with -map https://example.invalid/r.xsd=FILE to read your copy; or run sogen without -strict to ") {
		t.Errorf("without -map, -strict: %v", err)
	}
}

// TestFixupFlags runs the command on testdata/lenient: the loss-free fix-ups of sloppy.wsdl are made
// without flags, one warning line per kind, -v listing each with its file and element, -strict
// refusing them; so are the repairs of broken.wsdl's references to nothing defined, which lose
// nothing; the lossy fix-ups of lossy.wsdl need -lenient, and are summarised the same way.
func TestFixupFlags(t *testing.T) {
	in := filepath.Join(repo(t), "testdata", "lenient", "sloppy.wsdl")
	out := filepath.Join(t.TempDir(), "sloppy")
	var stdout, stderr bytes.Buffer
	if err := Run([]string{"-o", out, in}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if got, want := stderr.String(), "sogen: warning: 4 references resolved by the local name (an undeclared namespace prefix, or the wrong namespace) (-v lists each; -strict refuses them)\n"; got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	if files := generatedFiles(t, out); len(files) != 3 {
		t.Errorf("wrote %d files, want types.go, the client and its types", len(files))
	}
	stderr.Reset()
	if err := Run([]string{"-o", out, "-v", in}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "sogen: warning: sloppy.wsdl: /wsdl:definitions[@name='Sloppy']/") || !strings.Contains(l, " resolved by its local name to ") {
			t.Errorf("-v: line %q does not name the file, the element and the fix-up", l)
		}
	}
	if len(lines) != 4 {
		t.Errorf("-v: %d lines, want 4:\n%s", len(lines), stderr.String())
	}
	err := Run([]string{"-o", out, "-strict", in}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "run sogen without -strict") {
		t.Errorf("-strict: %v", err)
	}
	var u UsageError
	if err := Run([]string{"-o", out, "-strict", "-lenient", in}, &stdout, &stderr); !errors.As(err, &u) {
		t.Errorf("-strict -lenient: %v, want a usage error", err)
	}

	// References that do not resolve at all are repaired by default when nothing is lost or guessed.
	broken := filepath.Join(repo(t), "testdata", "lenient", "broken.wsdl")
	stderr.Reset()
	if err := Run([]string{"-o", out, "-pkg", "broken", broken}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want := "sogen: warning: 1 soap:input or soap:output read as wsdl:input or wsdl:output (-v lists each; -strict refuses it)\n" +
		"sogen: warning: 2 references to nothing defined read as any content (xs:anyType, xs:string, a wildcard, a type kept as XML), kept as it arrives (-v lists each; -strict refuses them)\n" +
		"sogen: warning: 5 faults, headers, binding operations, ports and names that refer to nothing defined ignored (-v lists each; -strict refuses them)\n"
	if stderr.String() != want {
		t.Errorf("broken.wsdl: stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if c := generatedFiles(t, out)["store_client.go"]; !strings.Contains(c, "func (c *StoreClient) Get(") || !strings.Contains(c, "func (c *StoreClient) Put(") || !strings.Contains(c, "func (c *StoreClient) Lost(ctx context.Context, lost any,") {
		t.Errorf("store_client.go:\n%s", c)
	}
	if err := Run([]string{"-o", out, "-pkg", "broken", "-strict", broken}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "run sogen without -strict to read it as xs:anyType") {
		t.Errorf("broken.wsdl, -strict: %v", err)
	}

	// What would guess the wire form or leave out what a client could call needs -lenient.
	lossy := filepath.Join(repo(t), "testdata", "lenient", "lossy.wsdl")
	if err := Run([]string{"-o", out, "-pkg", "lossy", lossy}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "run sogen with -lenient to leave the operation out") {
		t.Errorf("without -lenient: %v", err)
	}
	// With -strict, which -lenient excludes, the hint says to swap them.
	if err := Run([]string{"-o", out, "-pkg", "lossy", "-strict", lossy}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "run sogen with -lenient instead of -strict to ") {
		t.Errorf("-strict, without -lenient: %v", err)
	}
	stderr.Reset()
	if err := Run([]string{"-o", out, "-pkg", "lossy", "-lenient", lossy}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want = "sogen: warning: 3 operations, bindings and body parts that cannot be described left out (-v lists each; without -lenient they are errors)\n" +
		"sogen: warning: 1 type part of document-style bodies read as elements named after the part (-v lists each; without -lenient it is an error)\n"
	if stderr.String() != want {
		t.Errorf("-lenient: stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	stderr.Reset()
	if err := Run([]string{"-o", out, "-pkg", "lossy", "-lenient", "-v", lossy}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(stderr.String(), "sogen: warning: lossy.wsdl: "); n != 4 {
		t.Errorf("%d warnings, want 4:\n%s", n, stderr.String())
	}
	if c := generatedFiles(t, out)["store_client.go"]; !strings.Contains(c, "func (c *StoreClient) Get(") || !strings.Contains(c, "func (c *StoreClient) Find(") || strings.Contains(c, "Lost(") {
		t.Errorf("store_client.go:\n%s", c)
	}
}

// TestFetchRootURL runs the command on a WSDL given by URL with -fetch: the WSDL and the schema it
// imports by a relative location are downloaded from an httptest server, once each.
func TestFetchRootURL(t *testing.T) {
	wsdl := pingWSDL("xsd/r.xsd")
	xsd := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:remote"><xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>`
	hits := map[string]int{}
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.RequestURI()]++
		mu.Unlock()
		switch r.URL.Path {
		case "/svc/Service.svc":
			w.Write([]byte(wsdl))
		case "/svc/xsd/r.xsd":
			w.Write([]byte(xsd))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "svc")
	in := srv.URL + "/svc/Service.svc?wsdl"
	var stdout, stderr bytes.Buffer
	if err := Run([]string{"-o", out, in}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "run sogen with -fetch") {
		t.Errorf("without -fetch: %v", err)
	}
	if err := Run([]string{"-o", out, "-fetch", in}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if hits["/svc/Service.svc?wsdl"] != 1 || hits["/svc/xsd/r.xsd"] != 1 {
		t.Errorf("requests %v", hits)
	}
	files := generatedFiles(t, out)
	if !strings.Contains(files["types.go"], "// Source: "+in+"\n") || !strings.Contains(files["svc_client_types.go"], "type Ping struct") {
		t.Errorf("files:\n%v", files)
	}
}

func TestVersionFlag(t *testing.T) {
	var out, errs bytes.Buffer
	if err := Run([]string{"-version"}, &out, &errs); err != nil {
		t.Fatal(err)
	}
	// The tests run from a checkout: the version says so (the build information cases are in
	// internal/version; the installed tool's is checked in internal/userpath).
	if got := out.String(); !strings.HasPrefix(got, "sogen (devel), a checkout") || !strings.HasSuffix(got, "\n") || errs.Len() != 0 {
		t.Errorf("sogen -version printed %q on stdout and %q on stderr", got, errs.String())
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	args := []string{"-o", dir, "-pkg", "wrapped", fixture(t)}
	checkArgs := append([]string{"-check"}, args...)
	var log bytes.Buffer
	// Nothing generated yet: every file is missing, and -check creates nothing.
	missing := filepath.Join(dir, "sub")
	err := Run([]string{"-check", "-o", missing, "-pkg", "wrapped", fixture(t)}, &log, &log)
	var ce *CheckError
	if !errors.As(err, &ce) || !cmp.Equal(ce.Problems, []string{"types.go: missing", "wrapped_client.go: missing", "wrapped_client_types.go: missing"}) {
		t.Fatalf("-check of a missing directory: %v", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("-check created the output directory (%v)", err)
	}
	if err := Run(args, &log, &log); err != nil {
		t.Fatal(err)
	}
	if err := Run(checkArgs, &log, &log); err != nil {
		t.Fatalf("-check of fresh output: %v", err)
	}
	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), from) {
			t.Fatalf("%s: %v, or no %q in it", name, err, from)
		}
		write(t, p, strings.Replace(string(b), from, to, 1))
	}
	edit("wrapped_client.go", "package wrapped\n", "package wrapped\n\n// edited\n")
	os.Remove(filepath.Join(dir, "types.go"))
	write(t, filepath.Join(dir, "old_client.go"), emit.Marker+"\npackage wrapped\n")
	write(t, filepath.Join(dir, "mine.go"), "package wrapped\n") // hand-written: not a difference
	write(t, filepath.Join(dir, ".sogen-types.go.new"), "left over")
	write(t, filepath.Join(dir, journalName), "{}")
	before := snapshot(t, dir)
	err = Run(checkArgs, &log, &log)
	if !errors.As(err, &ce) {
		t.Fatalf("-check of edited output: %v, want a *CheckError", err)
	}
	line := 1 + strings.Count(strings.Split(generatedFiles(t, dir)["wrapped_client.go"], "// edited")[0], "\n")
	want := []string{
		journalName + ": a sogen run was interrupted while it replaced the files (the package may mix old and new ones); the next sogen run completes it",
		".sogen-types.go.new: left by an interrupted sogen run; the next sogen run removes it",
		"old_client.go: generated by sogen, but no longer generated",
		"types.go: missing",
		fmt.Sprintf(`wrapped_client.go: differs from line %d: "// edited", generated "import ("`, line),
	}
	if diff := cmp.Diff(want, ce.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(err.Error(), "-check: "+dir+" does not hold what sogen generates (run sogen without -check, or go generate, to update it):\n\t") {
		t.Errorf("message: %s", err)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("-check changed the directory (-before +after):\n%s", diff)
	}
	// A hand-written file where a generated one goes is reported as a run would refuse it.
	os.Remove(filepath.Join(dir, journalName))
	write(t, filepath.Join(dir, "types.go"), "package wrapped\n")
	if err := Run(checkArgs, &log, &log); err == nil || !strings.Contains(err.Error(), "types.go exists and was not generated by sogen") {
		t.Errorf("-check with a hand-written types.go: %v", err)
	}
	// A run puts everything right, and -check agrees.
	os.Remove(filepath.Join(dir, "types.go"))
	if err := Run(args, &log, &log); err != nil {
		t.Fatal(err)
	}
	if err := Run(checkArgs, &log, &log); err != nil {
		t.Errorf("-check after a run: %v", err)
	}
}

func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		old, new, want string
	}{
		{"a\nb\n", "a\nc\n", `differs from line 2: "b", generated "c"`},
		{"a\n", "a\nb\n", `ends after line 1, where the generated file goes on with "b"`},
		{"a\nb\nc\n", "a\n", `goes on after line 1, where the generated file ends, with "b"`},
		{"a\nb", "a\nb\n", `differs from line 2: "b", generated "b\n"`},
		{"a\r\n", "a\n", `differs from line 1: "a\r\n", generated "a\n"`},
		{"", "a\n", `ends after line 0, where the generated file goes on with "a"`},
		{"a\n" + strings.Repeat("x", 100) + "\n", "a\n\n", `differs from line 2: "` + strings.Repeat("x", 60) + `...", generated ""`},
	} {
		if got := describe(change{name: "f.go", old: []byte(c.old), new: []byte(c.new)}); got != c.want {
			t.Errorf("old %q, new %q: %s, want %s", c.old, c.new, got, c.want)
		}
	}
}
