package doccheck

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// example is one code block to compile.
type example struct {
	file string // the Markdown file, relative to the repository
	line int    // the line of its fence
	code string
}

// marker precedes a compiled block.
const marker = "<!-- go:compile -->"

// examples returns the marked blocks of the Markdown files; a marker not followed by a ```go block
// is an error.
func examples(t *testing.T, root string, files []string) []example {
	var out []example
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i := 0; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) != marker {
				continue
			}
			if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "```go" {
				t.Fatalf("%s:%d: %s is not followed by a ```go block", f, i+1, marker)
			}
			start := i + 2
			end := start
			for end < len(lines) && strings.TrimSpace(lines[end]) != "```" {
				end++
			}
			if end == len(lines) {
				t.Fatalf("%s:%d: the block does not end", f, i+2)
			}
			out = append(out, example{file: f, line: i + 2, code: strings.Join(lines[start:end], "\n") + "\n"})
			i = end
		}
	}
	return out
}

var otelImport = regexp.MustCompile(`"go\.opentelemetry\.io/`)

func TestDocExamplesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiling the documentation's examples is left out with -short")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"README.md"}
	for _, d := range docs {
		files = append(files, filepath.Join("docs", filepath.Base(d)))
	}
	exs := examples(t, root, files)
	// The README's example, and the slog, header and WS-Security and OpenTelemetry ones of docs/.
	if len(exs) < 5 {
		t.Fatalf("found %d marked examples, want at least 5", len(exs))
	}
	tmp := t.TempDir()
	overlay := map[string]map[string]string{} // module directory -> overlay
	var pkgs = map[string][]string{}          // module directory -> packages to build
	for i, ex := range exs {
		src := filepath.Join(tmp, "example"+strconv.Itoa(i)+".go")
		// A line directive makes the compiler's messages point into the Markdown file.
		code := "//line " + filepath.Join(root, ex.file) + ":" + strconv.Itoa(ex.line+1) + "\n" + ex.code
		if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
			t.Fatal(err)
		}
		mod, dir := root, filepath.Join(root, "internal", "doccheck", "example"+strconv.Itoa(i))
		if otelImport.MatchString(ex.code) {
			mod = filepath.Join(root, "internal", "examples", "otel")
			dir = filepath.Join(mod, "docexample"+strconv.Itoa(i))
		}
		if overlay[mod] == nil {
			overlay[mod] = map[string]string{}
		}
		overlay[mod][filepath.Join(dir, "example.go")] = src
		rel, _ := filepath.Rel(mod, dir)
		pkgs[mod] = append(pkgs[mod], "./"+filepath.ToSlash(rel))
	}
	for mod, files := range overlay {
		data, _ := json.Marshal(map[string]any{"Replace": files})
		ov := filepath.Join(tmp, "overlay"+strconv.Itoa(len(mod))+".json")
		if err := os.WriteFile(ov, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// go vet would chdir into the package directories, which exist only in the overlay.
		cmd := exec.Command("go", append([]string{"build", "-overlay", ov}, pkgs[mod]...)...)
		cmd.Dir = mod
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("the examples compiled in %s fail:\n%s", mod, out)
		}
	}
}
