package sogen_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/internal/cli"
	"github.com/sogen-go/sogen/internal/golden"
)

// goldenCases returns the test cases: the directories of testdata/wsdl.
func goldenCases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("testdata/wsdl")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	if len(out) == 0 {
		t.Fatal("no test cases in testdata/wsdl")
	}
	return out
}

// generateCase generates the package of one test case: every *.wsdl in testdata/wsdl/<name> is a root,
// read with the flags of its file "flags", if any.
func generateCase(t *testing.T, name string) *sogen.Result {
	t.Helper()
	res, err := sogen.Generate(caseConfig(t, name))
	if err != nil {
		t.Fatalf("generating %s: %v", name, err)
	}
	return res
}

// caseConfig returns the configuration of one test case: every *.wsdl in testdata/wsdl/<name> is a
// root, and the fields of sogen.Config that testdata/wsdl/<name>/sogen.json sets, if it exists, apply
// (the options a case exercises, e.g. {"StatusHeaders": {"Off": true}}). Every case generates its
// server side too (Config.Server), so that the goldens show it and the behaviour tests serve it;
// TestServerIsAdditive checks that it changes no other file.
func caseConfig(t *testing.T, name string) sogen.Config {
	t.Helper()
	dir := filepath.Join("testdata", "wsdl", name)
	roots, err := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	if err != nil || len(roots) == 0 {
		t.Fatalf("no WSDL in %s", dir)
	}
	sort.Strings(roots)
	var cfg sogen.Config
	if data, err := os.ReadFile(filepath.Join(dir, "sogen.json")); err == nil {
		d := json.NewDecoder(bytes.NewReader(data))
		d.DisallowUnknownFields()
		if err := d.Decode(&cfg); err != nil {
			t.Fatalf("%s: %v", filepath.Join(dir, "sogen.json"), err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	// Read as the command reads files: relative imports may lead out of the directory (siblings).
	cfg.Resolver, cfg.Package, cfg.Server = cli.FileResolver(dir), name, true
	for _, r := range roots {
		cfg.Roots = append(cfg.Roots, filepath.Base(r))
		cfg.Sources = append(cfg.Sources, filepath.ToSlash(r))
	}
	return cfg
}

// TestGolden compares the generated package of every test case with golden/<case>; go test -update
// rewrites the golden files.
func TestGolden(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			res := generateCase(t, name)
			dir := filepath.Join("golden", name)
			if golden.Updating() {
				writeGolden(t, dir, res.Files)
			}
			compareDir(t, dir, res.Files)
		})
	}
}

// writeGolden replaces the generated files of dir with files (files without the marker are kept).
func writeGolden(t *testing.T, dir string, files []emit.File) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if b, err := os.ReadFile(p); err == nil && bytes.HasPrefix(b, []byte(emit.Marker+"\n")) {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// compareDir checks that dir holds exactly files among its generated files (hand-written files, those
// without the generated-code marker, are ignored).
func compareDir(t *testing.T, dir string, files []emit.File) {
	t.Helper()
	onDisk := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run go test -update to create the golden files)", err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(b, []byte(emit.Marker+"\n")) {
			onDisk[e.Name()] = b
		}
	}
	for _, f := range files {
		old, ok := onDisk[f.Name]
		if !ok {
			t.Errorf("%s: missing (run go test -update, or go generate)", filepath.Join(dir, f.Name))
			continue
		}
		delete(onDisk, f.Name)
		if diff := cmp.Diff(string(old), string(f.Content)); diff != "" {
			t.Errorf("%s is stale (-want +got):\n%s", filepath.Join(dir, f.Name), diff)
		}
	}
	for name := range onDisk {
		t.Errorf("%s: generated file no longer produced", filepath.Join(dir, name))
	}
}

// TestDeterministic generates every case twice and requires identical bytes. Map iteration order
// changes between iterations, so order that depends on it shows up here.
func TestDeterministic(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			a, b := generateCase(t, name), generateCase(t, name)
			if len(a.Files) != len(b.Files) {
				t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
			}
			for i := range a.Files {
				if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Content, b.Files[i].Content) {
					t.Errorf("%s differs between two runs:\n%s", a.Files[i].Name, cmp.Diff(string(a.Files[i].Content), string(b.Files[i].Content)))
				}
			}
		})
	}
}

// TestGeneratedCode checks properties every generated file must have: the marker on the first line,
// gofmt'd source (emit formats, so a formatting failure would already be an error), and a doc comment
// on every exported declaration.
func TestGeneratedCode(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			for _, f := range generateCase(t, name).Files {
				if !bytes.HasPrefix(f.Content, []byte(emit.Marker+"\n")) {
					t.Errorf("%s does not start with %q", f.Name, emit.Marker)
				}
				for _, missing := range undocumented(t, f.Name, f.Content) {
					t.Errorf("%s: exported %s has no doc comment", f.Name, missing)
				}
			}
		})
	}
}

// TestGoldenPackagesBuild type-checks every golden package and generated/services88 with the go
// command's loader, so a golden that does not compile fails here (go vet runs in .ci/run).
func TestGoldenPackagesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo, Tests: false}
	pkgs, err := packages.Load(cfg, "./golden/...", "./generated/...")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, name := range goldenCases(t) {
		want["github.com/sogen-go/sogen/golden/"+name] = true
	}
	for _, p := range pkgs {
		delete(want, p.PkgPath)
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	}
	for p := range want {
		t.Errorf("golden package %s was not loaded", p)
	}
}

// TestLayout checks where the agents case puts its declarations: types both agents use in types.go,
// each agent's own types beside its client.
func TestLayout(t *testing.T) {
	res := generateCase(t, "agents")
	where := map[string]string{}
	for _, f := range res.Files {
		af, err := goparser.ParseFile(token.NewFileSet(), f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					where[s.(*ast.TypeSpec).Name.Name] = f.Name
				}
			}
		}
	}
	want := map[string]string{
		"Credentials": "types.go", "Currency": "types.go", "Money": "types.go", "Customer": "types.go",
		"OrdersClient":         "orders_client.go",
		"OrdersRequestHeader":  "orders_client.go",
		"Order":                "orders_client_types.go",
		"GetCustomer":          "orders_client_types.go",
		"PlaceOrderResponse":   "orders_client_types.go",
		"BillingClient":        "billing_client.go",
		"BillingRequestHeader": "billing_client.go",
		"Invoice":              "billing_client_types.go",
		"SendInvoice":          "billing_client_types.go",
	}
	for name, file := range want {
		if where[name] != file {
			t.Errorf("%s is in %q, want %s", name, where[name], file)
		}
	}
}

// TestLibraryDoesNoIO checks that the library packages (generation: sogen, parser, model, emit; and
// apidiff) import nothing that reads files or the network: every document comes through the
// Config's Resolver, and only the command (internal/cli) reads files, -map copies and downloads.
func TestLibraryDoesNoIO(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedImports}
	pkgs, err := packages.Load(cfg, ".", "./parser", "./model", "./emit", "./apidiff")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 5 {
		t.Fatalf("loaded %d packages, want 5", len(pkgs))
	}
	for _, p := range pkgs {
		for path := range p.Imports {
			switch path {
			case "os", "os/exec", "net", "net/http", "syscall", "io/ioutil", "path/filepath":
				t.Errorf("%s imports %s", p.PkgPath, path)
			}
		}
	}
}

// TestServerIsAdditive checks that Config.Server only adds files (one <porttype>_server.go per port
// type): every case generated without it gives the golden files but those, byte for byte.
func TestServerIsAdditive(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			cfg := caseConfig(t, name)
			cfg.Server = false
			res, err := sogen.Generate(cfg)
			if err != nil {
				t.Fatal(err)
			}
			with := generateCase(t, name)
			servers := 0
			byName := map[string][]byte{}
			for _, f := range with.Files {
				byName[f.Name] = f.Content
			}
			for _, f := range res.Files {
				if !bytes.Equal(byName[f.Name], f.Content) {
					t.Errorf("%s differs with Config.Server", f.Name)
				}
				delete(byName, f.Name)
			}
			for n := range byName {
				if !strings.HasSuffix(n, "_server.go") {
					t.Errorf("Config.Server adds %s, which is no server file", n)
				}
				servers++
			}
			if servers == 0 {
				t.Error("Config.Server adds no file")
			}
		})
	}
}
