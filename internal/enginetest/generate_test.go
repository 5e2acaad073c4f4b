// Package enginetest checks the table-driven runtime (soap/soapimpl) against the current one: it
// generates the Services88 fixtures with the table-driven backend into services88 (a test fails when
// those files are stale; -update rewrites them), whose tests compare both runtimes.
package enginetest

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/emit"
)

var update = flag.Bool("update", false, "rewrite the generated packages")

func TestGenerated(t *testing.T) {
	cfg := sogen.Config{
		FS:           os.DirFS("../../testdata/wsdl/services88"),
		Roots:        []string{"Webhook.wsdl", "SoPrincipal.wsdl"},
		Package:      "services88",
		ClientSuffix: "Agent",
		Sources:      []string{"../../testdata/wsdl/services88/Webhook.wsdl", "../../testdata/wsdl/services88/SoPrincipal.wsdl"},
	}
	pkg, err := sogen.Model(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err := emit.TableFiles(pkg)
	if err != nil {
		t.Fatal(err)
	}
	dir := "services88"
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if *update {
			if err := os.WriteFile(path, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(old, f.Content) {
			t.Errorf("%s is stale: run go test ./internal/enginetest -update", path)
		}
	}
}
