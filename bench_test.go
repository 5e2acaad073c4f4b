package sogen_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/internal/soaptest"
)

// BenchmarkGenerateWebhook measures the whole pipeline (parse, model, emit with gofmt) on the
// Services88 Webhook fixture and the schemas it imports.
func BenchmarkGenerateWebhook(b *testing.B) {
	cfg := sogen.Config{FS: os.DirFS("testdata/wsdl/services88"), Roots: []string{"Webhook.wsdl"}, Package: "services88", ClientSuffix: "Agent"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sogen.Generate(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateServices88Corpus measures the whole pipeline on every Services88 WSDL of the
// corpus into one package (needs SOGEN_CORPUS).
func BenchmarkGenerateServices88Corpus(b *testing.B) {
	dir := soaptest.Corpus(b, "superoffice", "Services88")
	roots, err := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	if err != nil || len(roots) == 0 {
		b.Fatalf("no WSDLs in %s", dir)
	}
	for i, r := range roots {
		roots[i] = filepath.Base(r)
	}
	cfg := sogen.Config{FS: os.DirFS(dir), Roots: roots, Package: "services88", ClientSuffix: "Agent"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sogen.Generate(cfg); err != nil {
			b.Fatal(err)
		}
	}
}
