package enginetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

func TestMeasureTmp(t *testing.T) {
	dir := os.Getenv("SOGEN_CORPUS")
	if dir == "" || os.Getenv("MEASURE") == "" {
		t.Skip()
	}
	dir = filepath.Join(dir, "superoffice", "Services88")
	roots, _ := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	for i := range roots {
		roots[i] = filepath.Base(roots[i])
	}
	sort.Strings(roots)
	set, err := parser.Parse(os.DirFS(dir), roots, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := model.Build(set, model.Options{Package: "services88", ClientSuffix: "Agent", Sources: roots})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	old, err := emit.Files(pkg)
	t.Logf("emit old: %v", time.Since(start))
	start = time.Now()
	tab, err := emit.TableFiles(pkg)
	t.Logf("emit tables: %v", time.Since(start))
	out := "/tmp/measure"
	os.RemoveAll(out)
	write := func(sub string, files []emit.File) {
		os.MkdirAll(filepath.Join(out, sub), 0o755)
		n := 0
		for _, f := range files {
			os.WriteFile(filepath.Join(out, sub, f.Name), f.Content, 0o644)
			n += strings.Count(string(f.Content), "\n")
		}
		t.Logf("%s: %d lines, %d types", sub, n, len(pkg.Types))
	}
	write("old", old)
	write("tables", tab)
	write("plain", []emit.File{{Name: "types.go", Content: plain(pkg)}})
	os.WriteFile(filepath.Join(out, "go.mod"), []byte("module github.com/sogen-go/sogen/measure\n\ngo 1.26\n"), 0o644)
	abs, _ := filepath.Abs("../..")
	os.WriteFile(filepath.Join(out, "go.mod"), []byte(fmt.Sprintf("module measure\n\ngo 1.26\n\nrequire github.com/sogen-go/sogen v0.0.0\n\nreplace github.com/sogen-go/sogen => %s\n", abs)), 0o644)
	cmd := exec.Command("go", "mod", "tidy")
	cmd.Dir = out
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %v", b, err)
	}
}

func plain(pkg *model.Package) []byte {
	var b strings.Builder
	b.WriteString("package plain\n\nimport \"encoding/xml\"\n\nvar _ xml.Name\n\n")
	var gt func(g *model.GoType) string
	gt = func(g *model.GoType) string {
		switch g.Kind {
		case model.Basic:
			return g.Name
		case model.Runtime, model.XMLName, model.Any:
			return "string"
		case model.Named:
			if g.Type.Kind == model.Struct {
				return g.Type.GoName
			}
			return "string"
		case model.Pointer:
			return "*" + gt(g.Elem)
		case model.Slice:
			return "[]" + gt(g.Elem)
		case model.Map:
			return "[]struct{ Key string `xml:\"Key\"`; Value " + gt(g.Elem) + " `xml:\"Value\"` }"
		case model.Interface:
			return "*" + g.Type.GoName
		}
		return "string"
	}
	for _, t := range pkg.Types {
		if t.Kind != model.Struct {
			continue
		}
		fmt.Fprintf(&b, "// %s is a type.\ntype %s struct {\n", t.GoName, t.GoName)
		if t.Base != nil {
			fmt.Fprintf(&b, "\t%s\n", t.Base.GoName)
		}
		for _, f := range t.Fields {
			ns := ""
			if f.Elem.NS != nil {
				ns = f.Elem.NS.URI + " "
			}
			fmt.Fprintf(&b, "\t// %s is a field.\n\t%s %s `xml:\"%s%s,omitempty\"`\n", f.GoName, f.GoName, gt(f.Type), ns, f.Elem.Local)
		}
		for _, a := range t.Attrs {
			fmt.Fprintf(&b, "\t%s %s `xml:\"%s,attr\"`\n", a.GoName, gt(a.Type), a.Name.Local)
		}
		b.WriteString("}\n\n")
	}
	return []byte(b.String())
}
