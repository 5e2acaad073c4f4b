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

	"github.com/sogen-go/sogen"
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
	// testdata/remote, each because the error of the run before named it (or, in a Typed run,
	// because a run passed it over).
	Maps []string
	// Unfollowed are flags an error suggested that the measurement does not add: -fetch (it runs
	// offline, so that the report depends only on the corpus and the repository).
	Unfollowed []string

	// Unread are the remote schemas the run that generated the package passed over (their xs:import's
	// location is a hint), with how many references into each one's namespace were read as any
	// content.
	Unread []Unread
	// Typed is the run for typed Go of the Unread schemas that testdata/remote holds stand-ins for:
	// the same flags, -map copies of those added (and of what they name in turn), into a package of
	// its own (nil when none has a stand-in).
	Typed *Entry

	Generated, Built, Vetted bool
	Panicked                 bool
	// Stage is where it failed ("generate", "generate with -lenient", "build", "vet") and Err the
	// error, as the sogen command words it.
	Stage string
	Err   string
}

// Unread is a remote schema a run passed over.
type Unread struct {
	URL string
	// Refs is the number of references into its namespace read as any content.
	Refs int
}

// NoFlags reports whether the entry builds and vets as sogen generates it with no flags.
func (e *Entry) NoFlags() bool { return e.Vetted && len(e.Flags) == 0 && len(e.Maps) == 0 }

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
// path) is mapped to it, as a user would save a copy and add -map URL=FILE. When the run that
// succeeds passed over remote schemas that copies holds stand-ins for, the entry is generated again
// with those mapped too (Entry.Typed, in the directory dir+"t"), as a user wanting typed Go for them
// would.
func generate(corpus string, e *Entry, dir, copies string) {
	e.Unread = follow(corpus, e, dir, copies, nil, nil, false)
	if !e.Generated {
		return
	}
	var maps []string
	for _, u := range e.Unread {
		if _, err := os.Stat(standIn(copies, u.URL)); err == nil {
			maps = append(maps, u.URL)
		}
	}
	if len(maps) == 0 {
		return
	}
	e.Typed = &Entry{Path: e.Path, Style: e.Style, Ops: e.Ops, Pkg: e.Pkg + "t"}
	follow(corpus, e.Typed, dir+"t", copies, e.Flags, append(slices.Clip(e.Maps), maps...), true)
}

// follow runs sogen on e into dir with flags and -map copies of maps, then with what each error
// suggests (see generate), and, when typed is set, with the copies of the remote schemas a successful
// run passed over; it returns those the last successful run passed over.
func follow(corpus string, e *Entry, dir, copies string, flags, maps []string, typed bool) []Unread {
	path := filepath.Join(corpus, "public", filepath.FromSlash(e.Path))
	for {
		args := append([]string{"-o", dir, "-pkg", e.Pkg}, flags...)
		for _, u := range maps {
			args = append(args, "-map", u+"="+standIn(copies, u))
		}
		res, err := runSogen(e, append(args, path))
		e.Flags, e.Maps = flags, maps
		if err == nil {
			e.Generated = true
			unread := unreadOf(res)
			if typed {
				more := false
				for _, u := range unread {
					if _, serr := os.Stat(standIn(copies, u.URL)); serr == nil && !slices.Contains(maps, u.URL) {
						maps, more = append(slices.Clip(maps), u.URL), true
					}
				}
				if more {
					continue
				}
			}
			return unread
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
			return nil
		}
		flags = append(slices.Clip(flags), next...)
	}
}

// unreadOf returns the remote schemas a generation passed over (its parser.Unread fix-ups).
func unreadOf(res *sogen.Result) []Unread {
	if res == nil {
		return nil
	}
	var out []Unread
	for _, sum := range parser.Summaries(res.Fixups) {
		if sum.Kind == parser.Unread {
			out = append(out, Unread{URL: sum.Hint.URL, Refs: sum.Count})
		}
	}
	return out
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
func runSogen(e *Entry, args []string) (res *sogen.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			e.Panicked = true
			res, err = nil, fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return cli.RunResult(args, io.Discard, io.Discard)
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
	packages := withTyped(entries)
	buildOut, _ := goCmd(tmp, "build", "./...")
	failed := attribute(buildOut, packages)
	for _, e := range packages {
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
	failed = attribute(vetOut, packages)
	for _, e := range packages {
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

// withTyped returns the entries and their typed runs (Entry.Typed): every package generated.
func withTyped(entries []*Entry) []*Entry {
	var out []*Entry
	for _, e := range entries {
		out = append(out, e)
		if e.Typed != nil {
			out = append(out, e.Typed)
		}
	}
	return out
}

// attribute splits go build or go vet output by package: lines after "# compat/<pkg>", and lines
// starting with "<pkg>/", for the packages of entries. Output it cannot attribute fails every
// package, so nothing passes unseen.
func attribute(out string, entries []*Entry) map[string]string {
	known := map[string]bool{}
	for _, e := range entries {
		known[e.Pkg] = true
	}
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
		if p, _, ok := strings.Cut(line, "/"); ok && known[p] {
			pkg = p
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
