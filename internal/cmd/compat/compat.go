package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/internal/cli"
	"github.com/sogen-go/sogen/parser"
)

// Entry is one entry point of the manifest and what happened to it.
type Entry struct {
	Path  string // relative to public/
	Style string // the manifest's binding style
	Ops   int    // the manifest's count of SOAP operations
	Pkg   string // the package directory in the temporary module

	// Flags are the flags of the run that generated the package (none when it needed none), or of
	// the last run tried: each added because the error of the run before suggested it.
	Flags []string
	// Maps are the remote locations mapped (-map URL=FILE, after the flags) to the stand-ins in
	// testdata/remote, each because the error of the run before named it.
	Maps []string
	// Unfollowed are flags an error suggested that the measurement does not add: -fetch (it runs
	// offline, so that the report depends only on the corpus and the repository).
	Unfollowed []string

	Generated, Built, Vetted bool
	Panicked                 bool
	// Stage is where it failed ("generate", "generate with -lenient", "build", "vet") and Err the
	// error, as the sogen command words it.
	Stage string
	Err   string
}

// NoFlags reports whether the entry builds and vets as sogen generates it with no flags.
func (e *Entry) NoFlags() bool { return e.Vetted && len(e.Flags) == 0 && len(e.Maps) == 0 }

// NoMaps reports whether the entry builds and vets with the flags its errors suggest, without -map.
func (e *Entry) NoMaps() bool { return e.Vetted && len(e.Maps) == 0 }

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

// generate runs the sogen command on one entry point into dir, as a user would: the entry point
// named by its path, so that its own folder is the input directory; with no flags first, then with
// the flags the error suggests (its typed hint, read with cli.SuggestedFlags), one round at a time,
// until a run succeeds or its error suggests nothing new that the measurement can follow. A remote
// location the error names (parser.HintRemote) that copies holds a stand-in for (at its host and
// path) is mapped to it, as a user would save a copy and add -map URL=FILE.
func generate(corpus string, e *Entry, dir, copies string) {
	path := filepath.Join(corpus, "public", filepath.FromSlash(e.Path))
	var flags, maps []string
	for {
		args := append([]string{"-o", dir, "-pkg", e.Pkg}, flags...)
		for _, u := range maps {
			args = append(args, "-map", u+"="+standIn(copies, u))
		}
		err := runSogen(e, append(args, path))
		e.Flags, e.Maps = flags, maps
		if err == nil {
			e.Generated = true
			return
		}
		if h, ok := parser.HintOf(err); ok && h.Kind == parser.HintRemote && !slices.Contains(maps, h.URL) && !e.Panicked {
			if _, serr := os.Stat(standIn(copies, h.URL)); serr == nil {
				maps = append(slices.Clip(maps), h.URL)
				continue
			}
		}
		var next []string
		if !e.Panicked {
			for _, f := range cli.SuggestedFlags(err) {
				switch {
				case slices.Contains(flags, f):
				case f == "-fetch":
					if !slices.Contains(e.Unfollowed, f) {
						e.Unfollowed = append(e.Unfollowed, f)
					}
				default:
					next = append(next, f)
				}
			}
		}
		if len(next) == 0 {
			e.Stage, e.Err = "generate", err.Error()
			if len(flags) > 0 {
				e.Stage += " with " + strings.Join(flags, " ")
			}
			return
		}
		flags = append(slices.Clip(flags), next...)
	}
}

// standIn returns the file in copies standing in for the remote location u: the one at u's host and
// path, query string included.
func standIn(copies, u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return filepath.Join(copies, "-")
	}
	p := pu.Host + pu.EscapedPath()
	if pu.RawQuery != "" {
		p += "?" + pu.RawQuery
	}
	return filepath.Join(copies, filepath.FromSlash(p))
}

// runSogen runs the sogen command in-process, turning a panic into an error.
func runSogen(e *Entry, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			e.Panicked = true
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return cli.Run(args, io.Discard, io.Discard)
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
	copies := filepath.Join(repo, "testdata", "remote")
	for _, e := range entries {
		generate(corpus, e, filepath.Join(tmp, e.Pkg), copies)
		any = any || e.Generated
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
	// -trimpath keeps the temporary directory out of the build cache's keys, so that a package
	// generated as in the previous run (same import path, same files) is not compiled again.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod -trimpath", "GOWORK=off")
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
