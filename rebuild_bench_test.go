package sogen_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/internal/soaptest"
)

// BenchmarkRebuildServices88Corpus measures the incremental rebuild of the package generated from
// every Services88 WSDL of the corpus (needs SOGEN_CORPUS): each round changes one comment of the
// package and runs go build on it, its dependencies cached. The baseline, "encoding-xml", is the same
// Go types as plain encoding/xml structs: the generated files with only their type and constant
// declarations, each struct field tagged `xml:"Name,omitempty"`, no descriptor tables, methods or
// clients.
//
// "sogen" is the whole package; "sogen-types" and "encoding-xml-types" are the same two with only
// the files that hold the schema types (types.go and *_types.go: each type's declaration, descriptor
// table and methods, no client), which compares the cost per schema type alone.
func BenchmarkRebuildServices88Corpus(b *testing.B) {
	dir := soaptest.Corpus(b, "superoffice", "Services88")
	roots, err := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	if err != nil || len(roots) == 0 {
		b.Fatalf("no WSDLs in %s", dir)
	}
	for i, r := range roots {
		roots[i] = filepath.Base(r)
	}
	res, err := sogen.Generate(services88Config(dir, roots...))
	if err != nil {
		b.Fatal(err)
	}
	plain := plainStructs(b, res.Files)
	types := typeFiles(res.Files)
	mod := tempModule(b, "github.com/sogen-go/sogen/rebuildcheck")
	for _, pkg := range []struct {
		name  string
		files []emit.File
	}{
		{"sogen", res.Files}, {"encoding-xml", plain},
		{"sogen-types", types}, {"encoding-xml-types", plainStructs(b, types)},
	} {
		b.Run(pkg.name, func(b *testing.B) {
			pdir := filepath.Join(mod, pkg.name)
			writePackage(b, pdir, pkg.files)
			goCmd(b, mod, nil, "build", "./"+pkg.name) // dependencies built and cached
			lines := 0
			for _, f := range pkg.files {
				lines += bytes.Count(f.Content, []byte("\n"))
			}
			touched := filepath.Join(pdir, "types.go")
			orig, err := os.ReadFile(touched)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				// A comment never written before: the go command caches builds by content.
				b.StopTimer()
				if err := os.WriteFile(touched, fmt.Appendf(bytes.Clone(orig), "\n// %d\n", time.Now().UnixNano()), 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				goCmd(b, mod, nil, "build", "./"+pkg.name)
			}
			b.ReportMetric(float64(lines), "lines")
		})
	}
}

// typeFiles returns the generated files that hold the schema types: types.go and the *_types.go of
// each port type, without the clients (or servers) of the other files.
func typeFiles(files []emit.File) []emit.File {
	var out []emit.File
	for _, f := range files {
		if f.Name == "types.go" || strings.HasSuffix(f.Name, "_types.go") {
			out = append(out, f)
		}
	}
	return out
}

// plainStructs returns files holding the Go types of the generated files as plain encoding/xml
// structs: their type and constant declarations only, each struct field tagged for encoding/xml.
func plainStructs(tb testing.TB, files []emit.File) []emit.File {
	tb.Helper()
	var out []emit.File
	for _, f := range files {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			tb.Fatal(err)
		}
		var decls []ast.Decl
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE && gd.Tok != token.CONST {
				continue
			}
			gd.Doc = nil
			for _, s := range gd.Specs {
				ts, ok := s.(*ast.TypeSpec)
				if !ok {
					continue
				}
				ts.Doc, ts.Comment = nil, nil
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fd := range st.Fields.List {
					fd.Doc, fd.Comment = nil, nil
					if len(fd.Names) == 1 {
						fd.Tag = &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(`xml:"` + fd.Names[0].Name + `,omitempty"`)}
					}
				}
			}
			decls = append(decls, gd)
		}
		// The imports the declarations kept use, by the name they are used under.
		used := map[string]bool{"xml": true}
		for _, d := range decls {
			ast.Inspect(d, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok {
						used[id.Name] = true
					}
				}
				return true
			})
		}
		var src bytes.Buffer
		src.WriteString("package " + file.Name.Name + "\n\nimport (\n\t\"encoding/xml\"\n")
		for _, imp := range file.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			name := path.Base(p)
			if imp.Name != nil {
				name = imp.Name.Name
			}
			if p != "encoding/xml" && used[name] {
				fmt.Fprintf(&src, "\t%s %q\n", name, p)
			}
		}
		src.WriteString(")\n\nvar _ xml.Name\n\n")
		for _, d := range decls {
			if err := format.Node(&src, fset, d); err != nil {
				tb.Fatal(err)
			}
			src.WriteString("\n\n")
		}
		formatted, err := format.Source(src.Bytes())
		if err != nil {
			tb.Fatalf("%s: %v\n%s", f.Name, err, src.Bytes())
		}
		out = append(out, emit.File{Name: f.Name, Content: formatted})
	}
	return out
}
