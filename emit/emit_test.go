package emit

import (
	"strings"
	"testing"

	"github.com/sogen-go/sogen/model"
)

// TestInvalidSourceError: when the model leads to source that is not valid Go (a bug in sogen), the
// error names the file and shows the few lines around the fault, not the whole file.
func TestInvalidSourceError(t *testing.T) {
	var types []*model.Type
	for _, name := range []string{"A", "B", "C", "Bad Name", "D", "E", "F", "G"} {
		types = append(types, &model.Type{Kind: model.Struct, GoName: name, Doc: name + " is a type.", DescVar: "desc" + name, TableVar: "table" + name})
	}
	pkg := &model.Package{Name: "p", Runtime: model.DefaultRuntime, Types: types,
		Files: []*model.File{{Name: "types.go", Types: types}}}
	_, err := Files(pkg)
	if err == nil {
		t.Fatal("rendering succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"rendering types.go: the generated source is not valid Go (a bug in sogen): ", "> ", "type Bad Name struct"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error lacks %q:\n%s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n"); n > 8 {
		t.Errorf("the error has %d lines, want the few around the fault:\n%s", n, msg)
	}
}
