package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen"
)

// Entry is one entry point of the manifest and what happened to it.
type Entry struct {
	Path  string // relative to public/
	Style string // the manifest's binding style
	Ops   int    // the manifest's count of SOAP operations
	Pkg   string // the package directory in the temporary module

	Generated, Built, Vetted bool
	Panicked                 bool
	// Lenient is true when generation failed with the default options, suggesting -lenient, and
	// succeeded with it; TriedLenient when it failed with -lenient too (Err is then that error).
	Lenient, TriedLenient bool
	// Stage is where it failed ("generate", "build", "vet") and Err the first lines of the error.
	Stage string
	Err   string
}

// Report is the outcome over the whole manifest.
type Report struct {
	Entries []*Entry
}

var opsRe = regexp.MustCompile(`(\d+) soap ops`)

// readManifest reads public/MANIFEST.tsv.
func readManifest(corpus string) ([]*Entry, error) {
	data, err := os.ReadFile(filepath.Join(corpus, "public", "MANIFEST.tsv"))
	if err != nil {
		return nil, err
	}
	var out []*Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 10 || f[0] == "" {
			continue
		}
		e := &Entry{Path: f[0], Style: f[5], Pkg: fmt.Sprintf("e%02d", len(out)+1)}
		if m := opsRe.FindStringSubmatch(f[9]); m != nil {
			e.Ops, _ = strconv.Atoi(m[1])
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, errors.New("the manifest lists no entry points")
	}
	return out, sc.Err()
}

// generate runs sogen on one entry point with the default options and, when the error suggests
// -lenient, again with it.
func generate(corpus string, e *Entry) (*sogen.Result, error) {
	res, err := generateWith(corpus, e, false)
	if err != nil && !e.Panicked && strings.Contains(err.Error(), "-lenient") {
		res2, err2 := generateWith(corpus, e, true)
		if err2 == nil {
			e.Lenient = true
			return res2, nil
		}
		// What stops it even with -lenient is the more useful error.
		e.TriedLenient = true
		return nil, err2
	}
	return res, err
}

// generateWith runs sogen on one entry point, turning a panic into an error.
func generateWith(corpus string, e *Entry, lenient bool) (res *sogen.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			e.Panicked = true
			stack := string(debug.Stack())
			err = fmt.Errorf("panic: %v\n%s", r, stack)
		}
	}()
	return sogen.Generate(sogen.Config{
		FS:      os.DirFS(filepath.Join(corpus, "public")),
		Roots:   []string{e.Path},
		Package: e.Pkg,
		Sources: []string{e.Path},
		Lenient: lenient,
	})
}

// Run generates every entry point into a temporary module, builds and vets it, and reports.
func Run(corpus, repo string) (*Report, error) {
	entries, err := readManifest(corpus)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "sogen-compat-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	gosum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		return nil, err
	}
	gomod := "module compat\n\ngo 1.26.0\n\nrequire github.com/sogen-go/sogen v0.0.0\n\nreplace github.com/sogen-go/sogen => " + strconv.Quote(repo) + "\n"
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(gomod), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, "go.sum"), gosum, 0o644); err != nil {
		return nil, err
	}
	any := false
	for _, e := range entries {
		res, err := generate(corpus, e)
		if err != nil {
			e.Stage, e.Err = "generate", err.Error()
			if e.TriedLenient {
				e.Stage = "generate with -lenient"
			}
			continue
		}
		dir := filepath.Join(tmp, e.Pkg)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		for _, f := range res.Files {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
				return nil, err
			}
		}
		e.Generated = true
		any = true
	}
	if !any {
		return &Report{Entries: entries}, nil
	}
	buildOut, _ := goCmd(tmp, "build", "./...")
	failed := attribute(buildOut, entries)
	for _, e := range entries {
		if !e.Generated {
			continue
		}
		if msg, bad := failed[e.Pkg]; bad {
			e.Stage, e.Err = "build", msg
			continue
		}
		e.Built = true
	}
	vetOut, _ := goCmd(tmp, "vet", "./...")
	failed = attribute(vetOut, entries)
	for _, e := range entries {
		if !e.Built {
			continue
		}
		if msg, bad := failed[e.Pkg]; bad {
			e.Stage, e.Err = "vet", msg
			continue
		}
		e.Vetted = true
	}
	return &Report{Entries: entries}, nil
}

// goCmd runs the go command in dir and returns its combined output.
func goCmd(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// attribute splits go build or go vet output by package: lines after "# compat/eNN", and lines
// starting with "eNN/". Output it cannot attribute fails every package, so nothing passes unseen.
func attribute(out string, entries []*Entry) map[string]string {
	msgs := map[string][]string{}
	var cur string
	var stray []string
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if p, ok := strings.CutPrefix(line, "# compat/"); ok {
			cur = p
			continue
		}
		pkg := cur
		if i := strings.Index(line, "/"); i > 0 && strings.HasPrefix(line, "e") {
			if _, err := strconv.Atoi(line[1:i]); err == nil {
				pkg = line[:i]
			}
		}
		if pkg == "" {
			stray = append(stray, line)
			continue
		}
		msgs[pkg] = append(msgs[pkg], line)
	}
	failed := map[string]string{}
	for p, lines := range msgs {
		failed[p] = strings.Join(lines, "\n")
	}
	if len(stray) > 0 {
		for _, e := range entries {
			if _, ok := failed[e.Pkg]; !ok && e.Generated {
				failed[e.Pkg] = strings.Join(stray, "\n")
			}
		}
	}
	return failed
}

// RepoRoot returns the root of the repository the command runs in (the directory holding go.mod of
// github.com/sogen-go/sogen), found from the working directory upwards.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte("module github.com/sogen-go/sogen\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the sogen repository")
		}
		dir = parent
	}
}

func filepathIsAbs(p string) bool { return filepath.IsAbs(p) }
func joinPath(a, b string) string { return filepath.Join(a, b) }
func dirOf(p string) string       { return filepath.Dir(p) }
