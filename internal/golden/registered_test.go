package golden

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryPackageTakesUpdate checks that every package of the module with tests registers the
// -update flag (by importing this package in a test file): go test ./... -update, which CI runs to
// check that golden files are current, fails on a package that does not define the flag.
func TestEveryPackageTakesUpdate(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	const self = "github.com/sogen-go/sogen/internal/golden"
	hasTests := map[string]bool{}
	registers := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			if p != root {
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		dir := filepath.Dir(p)
		hasTests[dir] = true
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == self {
				registers[dir] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(hasTests) < 10 {
		t.Fatalf("found tests in only %d directories under %s: the walk is wrong", len(hasTests), root)
	}
	for dir := range hasTests {
		if dir == filepath.Join(root, "internal", "golden") || registers[dir] {
			continue
		}
		rel, _ := filepath.Rel(root, dir)
		t.Errorf("%s has tests but does not register -update: add an update_test.go importing %s", rel, self)
	}
}
