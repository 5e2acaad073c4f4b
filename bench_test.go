package sogen_test

import (
	"os"
	"testing"

	"github.com/sogen-go/sogen"
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
