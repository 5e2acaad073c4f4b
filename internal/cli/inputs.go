package cli

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// inputFlags are the flags saying how the inputs are read; generation and sogen diff share them.
type inputFlags struct {
	maps         mapFlag
	fetch        *bool
	fetchTimeout *time.Duration
	lenient      *bool
	strict       *bool
	verbose      *bool
	allowOutside *bool
}

func addInputFlags(fs *flag.FlagSet) *inputFlags {
	f := &inputFlags{maps: mapFlag{}}
	f.fetch = fs.Bool("fetch", false, "download remote imports (http, https) that no -map covers")
	f.fetchTimeout = fs.Duration("fetch-timeout", sogen.DefaultFetchTimeout, "time limit of one download with -fetch")
	fs.Var(f.maps, "map", "read the remote location `URL=FILE` from a local file (repeatable; URL/=DIR maps every location under a URL prefix)")
	f.lenient = fs.Bool("lenient", false, "also make the fix-ups that guess or leave something out (a reference to nothing read as xs:anyType or left out, a type sogen cannot map kept as XML, ...), summarised as warnings")
	f.strict = fs.Bool("strict", false, "refuse the inputs the loss-free fix-ups repair by default (a reference resolving only by its local name, a name with white space around it, ...)")
	f.verbose = fs.Bool("v", false, "list every fix-up, with its file and element, instead of one summary line per kind")
	f.allowOutside = fs.Bool("allow-outside", false, "follow imports that lead outside the directory holding the inputs (../ paths, symbolic links)")
	return f
}

// inputs are input files opened for reading.
type inputs struct {
	// cfg has the fields of a sogen.Config that say what to read and how.
	cfg sogen.Config
	// dir is the directory holding the local inputs ("." when every input is a URL).
	dir   string
	close func() error
}

// open opens the inputs, files or URLs. The files are read from the deepest directory holding them
// all, through a sandbox that no path or symbolic link leads out of, unless -allow-outside; a URL
// needs -fetch or a -map entry.
func (f *inputFlags) open(names []string) (*inputs, error) {
	if *f.strict && *f.lenient {
		return nil, UsageError{"-strict and -lenient exclude each other: -strict refuses the inputs the loss-free fix-ups would repair, -lenient asks for the lossy ones too"}
	}
	var local, remote []string
	for _, in := range names {
		if isURL(in) {
			remote = append(remote, in)
		} else {
			local = append(local, in)
		}
	}
	if len(remote) > 0 && !*f.fetch && !f.maps.covers(remote) {
		return nil, UsageError{fmt.Sprintf("input %s is a remote location: run sogen with -fetch to download it, or with -map %s=FILE", remote[0], remote[0])}
	}
	root, roots := ".", []string(nil)
	if len(local) > 0 {
		var err error
		if root, roots, err = inputRoot(local); err != nil {
			return nil, UsageError{err.Error()}
		}
	}
	in := &inputs{dir: root, close: func() error { return nil }}
	var fsys iofs.FS
	if *f.allowOutside {
		// The whole file system, with the inputs named from its root: imports may go anywhere but
		// to another volume or an absolute path (the parser refuses those), or over the network.
		vol := filepath.VolumeName(root) + string(filepath.Separator)
		for i, r := range roots {
			rel, err := filepath.Rel(vol, filepath.Join(root, filepath.FromSlash(r)))
			if err != nil {
				return nil, err
			}
			roots[i] = filepath.ToSlash(rel)
		}
		fsys = os.DirFS(vol)
	} else {
		sandbox, err := openSandbox(root)
		if err != nil {
			return nil, err
		}
		fsys, in.close = sandbox, sandbox.Close
	}
	in.cfg = sogen.Config{
		FS:           fsys,
		Roots:        append(roots, remote...),
		Sources:      append(sources(local), remote...),
		Map:          f.maps,
		Fetch:        *f.fetch,
		FetchTimeout: *f.fetchTimeout,
		Lenient:      *f.lenient,
		Strict:       *f.strict,
	}
	return in, nil
}

// report prints the fix-ups and the notices of a run on w, each line prefixed by "sogen: warning" or
// "sogen: note" and the side ("" or e.g. "old"): one line per kind of fix-up, saying which flag turns
// it off, or with -v every fix-up with its file and element.
func (f *inputFlags) report(w io.Writer, side string, fixups []parser.Fixup, notices []string) {
	if side != "" {
		side = " (" + side + ")"
	}
	if *f.verbose {
		for _, x := range fixups {
			fmt.Fprintf(w, "sogen: warning%s: %s\n", side, x)
		}
	} else {
		for _, sum := range parser.Summaries(fixups) {
			how := "-strict refuses them"
			if sum.Kind.Lossy() {
				how = "without -lenient they are errors"
			}
			if sum.Count == 1 {
				how = strings.NewReplacer("them", "it", "they are errors", "it is an error").Replace(how)
			}
			fmt.Fprintf(w, "sogen: warning%s: %s (-v lists each; %s)\n", side, sum.Text, how)
		}
	}
	for _, m := range notices {
		fmt.Fprintf(w, "sogen: note%s: %s\n", side, m)
	}
}

// checkNames checks the package name and the client suffix. from says where a package name not given
// with -pkg comes from.
func checkNames(pkg, from, suffix string) error {
	var bad *model.PackageNameError
	if err := model.CheckPackageName(pkg); errors.As(err, &bad) {
		if from != "" {
			return UsageError{fmt.Sprintf("no -pkg given, and the name of %s gives %q, which %s: give one with -pkg", from, pkg, bad.Reason)}
		}
		return UsageError{"-pkg " + err.Error()}
	}
	if !token.IsIdentifier(suffix) && suffix != "" {
		return UsageError{fmt.Sprintf("-client-suffix %q is not a valid Go identifier part", suffix)}
	}
	return nil
}

// packageName returns the default package name for a directory: its name, lower-cased, without
// dashes and dots.
func packageName(dir string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return -1
		}
		return r
	}, filepath.Base(dir)))
}

// inputRoot returns the deepest directory holding every input, and the inputs relative to it, with
// forward slashes (the form fs.FS wants).
//
// An input that is a symbolic link counts where it leads: the user named it, and the files it imports
// are looked for beside the file itself.
func inputRoot(inputs []string) (string, []string, error) {
	abs := make([]string, len(inputs))
	for i, in := range inputs {
		a, err := filepath.Abs(in)
		if err != nil {
			return "", nil, err
		}
		if real, err := filepath.EvalSymlinks(a); err == nil {
			a = real
		}
		st, err := os.Stat(a)
		if err != nil {
			return "", nil, fmt.Errorf("input %s: %w", in, errors.Unwrap(err))
		}
		if st.IsDir() {
			return "", nil, fmt.Errorf("input %s is a directory, not a WSDL file", in)
		}
		abs[i] = a
	}
	root := filepath.Dir(abs[0])
	for _, a := range abs[1:] {
		for !within(root, a) {
			root = filepath.Dir(root)
		}
	}
	rel := make([]string, len(abs))
	for i, a := range abs {
		r, err := filepath.Rel(root, a)
		if err != nil {
			return "", nil, err
		}
		rel[i] = filepath.ToSlash(r)
	}
	return root, rel, nil
}

func within(dir, path string) bool {
	r, err := filepath.Rel(dir, path)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// sources returns the input names recorded in the generated header: as given, with forward slashes;
// an absolute path is reduced to its base name so that output does not depend on the machine.
func sources(inputs []string) []string {
	out := make([]string, len(inputs))
	for i, in := range inputs {
		if filepath.IsAbs(in) {
			out[i] = filepath.Base(in)
		} else {
			out[i] = filepath.ToSlash(filepath.Clean(in))
		}
	}
	return out
}

// isURL reports whether an input is an absolute URL rather than a file.
func isURL(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 && !strings.ContainsAny(s[:i], "/.\\")
}

// covers reports whether every URL has a -map entry (exact or prefix).
func (m mapFlag) covers(urls []string) bool {
	for _, u := range urls {
		ok := m[u] != ""
		for k := range m {
			ok = ok || strings.HasSuffix(k, "/") && strings.HasPrefix(u, k)
		}
		if !ok {
			return false
		}
	}
	return true
}

// mapFlag collects -map URL=FILE flags.
type mapFlag map[string]string

func (m mapFlag) String() string {
	var parts []string
	for k, v := range m {
		parts = append(parts, k+"="+v)
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

func (m mapFlag) Set(s string) error {
	u, file, ok := strings.Cut(s, "=")
	if !ok || u == "" || file == "" {
		return fmt.Errorf("-map wants URL=FILE, got %q", s)
	}
	if i := strings.Index(u, "://"); i <= 0 {
		return fmt.Errorf("-map %s: %q is not an absolute URL", s, u)
	}
	if old, dup := m[u]; dup && old != file {
		return fmt.Errorf("-map %s: %s is already mapped to %s", s, u, old)
	}
	m[u] = file
	return nil
}
