package sogen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sogen-go/sogen"
	sogenparser "github.com/sogen-go/sogen/parser"
)

// fuzzSeedMax is the largest input file used as a fuzz seed: bigger ones slow every mutation down.
const fuzzSeedMax = 64 << 10

// fuzzSeeds returns the WSDL and XSD files under dir no bigger than fuzzSeedMax, sorted by path.
func fuzzSeeds(f *testing.F, dir string) [][]byte {
	var out [][]byte
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !(strings.HasSuffix(p, ".wsdl") || strings.HasSuffix(p, ".xsd")) {
			return nil
		}
		if info, err := e.Info(); err != nil || info.Size() > fuzzSeedMax {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, data)
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	return out
}

// FuzzGenerate runs the whole generator (parser, model, emit) on arbitrary bytes as a WSDL document,
// a.wsdl, beside a second file, b.xsd, that it may import or include. It must never panic or hang;
// every failure must be an error that starts with the name of the file it is about; every success
// must produce Go source that parses and declares no init function (input text turned into code).
//
// Seeds: every fixture and bad input in testdata and, with SOGEN_CORPUS set, the corpus's WSDL and
// XSD files (the second file is empty for those; mutations rename imports to b.xsd quickly). Run it
// with
//
//	go test -timeout 20m -run '^$' -fuzz '^FuzzGenerate$' -fuzztime 10m -parallel 1 .
func FuzzGenerate(f *testing.F) {
	seeds := fuzzSeeds(f, "testdata")
	if dir := os.Getenv("SOGEN_CORPUS"); dir != "" {
		seeds = append(seeds, fuzzSeeds(f, dir)...)
	}
	for _, s := range seeds {
		f.Add(s, []byte(nil))
	}
	// An import of the second file, with the second file a schema.
	f.Add([]byte(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><wsdl:types><xs:schema targetNamespace="urn:a"><xs:import namespace="urn:b" schemaLocation="b.xsd"/></xs:schema></wsdl:types></wsdl:definitions>`),
		[]byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b"><xs:complexType name="T"><xs:sequence><xs:element name="e" type="xs:string"/></xs:sequence></xs:complexType></xs:schema>`))
	f.Fuzz(func(t *testing.T, wsdl, xsd []byte) {
		fsys := fstest.MapFS{
			"a.wsdl": {Data: wsdl},
			"b.xsd":  {Data: xsd},
		}
		res, err := sogen.Generate(sogen.Config{
			FS:      fsys,
			Roots:   []string{"a.wsdl"},
			Package: "fuzz",
			Parse:   sogenparser.Options{MaxFiles: 8, MaxFileSize: 1 << 20, MaxDepth: 64},
		})
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "a.wsdl: ") && !strings.HasPrefix(msg, "b.xsd: ") {
				t.Fatalf("the error does not name the file: %s", msg)
			}
			return
		}
		for _, file := range res.Files {
			af, err := parser.ParseFile(token.NewFileSet(), file.Name, file.Content, parser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("generated %s does not parse: %v\n%s", file.Name, err, file.Content)
			}
			// sogen never writes an init function: one would be input text turned into code.
			for _, d := range af.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "init" && fd.Recv == nil {
					t.Fatalf("generated %s declares func init:\n%s", file.Name, file.Content)
				}
			}
		}
	})
}
