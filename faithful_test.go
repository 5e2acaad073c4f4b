package sogen_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/internal/soaptest"
)

// services88Config is how generated/services88 is generated (see its gen.go), minus the inputs.
func services88Config(fsys string, roots ...string) sogen.Config {
	return sogen.Config{FS: os.DirFS(fsys), Roots: roots, Package: "services88", ClientSuffix: "Agent"}
}

// TestFaithfulToRealWSDL generates from SuperOffice's real Webhook and SoPrincipal WSDLs and shows that
// the exported Go API is the one generated from our hand-written fixtures in testdata/wsdl/services88,
// then builds and vets the package generated from the real files.
func TestFaithfulToRealWSDL(t *testing.T) {
	dir := soaptest.Corpus(t, "superoffice", "Services88")
	real, err := sogen.Generate(services88Config(dir, "Webhook.wsdl", "SoPrincipal.wsdl"))
	if err != nil {
		t.Fatalf("generating from the real WSDLs: %v", err)
	}
	ours, err := sogen.Generate(services88Config("testdata/wsdl/services88", "Webhook.wsdl", "SoPrincipal.wsdl"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(exportedAPI(t, ours.Files), exportedAPI(t, real.Files)); diff != "" {
		t.Errorf("exported API differs (-fixtures +real):\n%s", diff)
	}
	buildAndVet(t, "services88", real.Files)
}

// exportedAPI lists the exported declarations of generated files, without comments, one string each:
// types with their full definition, functions and methods with their signature, constants with their
// value, variables with their type.
func exportedAPI(t *testing.T, files []emit.File) []string {
	t.Helper()
	fset := token.NewFileSet()
	var out []string
	print := func(n any) string {
		var b bytes.Buffer
		if err := printer.Fprint(&b, fset, n); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || d.Recv != nil && !exportedRecv(d.Recv) {
					continue
				}
				d.Body = nil
				out = append(out, print(d))
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							out = append(out, "type "+print(s))
						}
					case *ast.ValueSpec:
						for i, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							entry := d.Tok.String() + " " + n.Name
							if s.Type != nil {
								entry += " " + print(s.Type)
							}
							if d.Tok == token.CONST && i < len(s.Values) {
								entry += " = " + print(s.Values[i])
							}
							out = append(out, entry)
						}
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// buildAndVet writes files as package pkg of a temporary module that uses this repository's soap
// runtime, then runs go build and go vet on it.
func buildAndVet(t *testing.T, pkg string, files []emit.File) {
	t.Helper()
	mod := tempModule(t, "example.com/sogencheck")
	writePackage(t, filepath.Join(mod, pkg), files)
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		goCmd(t, mod, nil, args...)
	}
}

// tempModule creates a temporary module named path that requires this repository (replaced by its
// directory) and the repository's own requirements, and returns its directory. It skips the test in
// -short mode, since it leads to running the go command.
func tempModule(t testing.TB, path string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	ours, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	// The repository's require blocks, so that tests in the module may use its dependencies.
	requires := string(ours[strings.Index(string(ours), "require"):])
	mod := t.TempDir()
	gomod := "module " + path + "\n\ngo 1.26\n\nrequire github.com/sogen-go/sogen v0.0.0\n\n" + requires +
		"\nreplace github.com/sogen-go/sogen => " + root + "\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	return mod
}

// writePackage writes files into dir, creating it.
func writePackage(t testing.TB, dir string, files []emit.File) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// goCmd runs the go command in dir, offline, and fails the test with its output when it fails.
func goCmd(t testing.TB, dir string, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}
