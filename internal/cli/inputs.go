package cli

import (
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
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
	f.fetchTimeout = fs.Duration("fetch-timeout", defaultFetchTimeout, "time limit of one download with -fetch")
	fs.Var(f.maps, "map", "read the remote location `URL=FILE` from a local file (repeatable; split at the last =; URL/=DIR maps every location under a URL prefix)")
	f.lenient = fs.Bool("lenient", false, "also make the fix-ups that guess the wire form or leave out what a client could call (an operation whose message is not defined left out, a type part of a document-style body read as an element, a type sogen cannot map kept as XML, ...), summarised as warnings")
	f.strict = fs.Bool("strict", false, "refuse the inputs the loss-free fix-ups repair by default (a reference resolving only by its local name, a name with white space around it, a reference to nothing defined read as xs:anyType, an xs:import of a remote schema that was not read passed over, ...)")
	f.verbose = fs.Bool("v", false, "list every fix-up, with its file and element, instead of one summary line per kind")
	f.allowOutside = fs.Bool("allow-outside", false, "deprecated, does nothing: relative imports may lead outside the directory holding the inputs")
	return f
}

// inputs are the inputs of one generation, ready to be read.
type inputs struct {
	// cfg has the fields of a sogen.Config that say what to read and how.
	cfg sogen.Config
	// dir is the directory holding the local inputs ("." when every input is a URL).
	dir string
	res *resolver
	// notes are about the command line (a deprecated flag).
	notes []string
}

// close releases what reading the inputs opened.
func (in *inputs) close() error { return in.res.close() }

// notices returns the notices of a run: the command line's, where remote locations were read from,
// then more (the generator's).
func (in *inputs) notices(more []string) []string {
	var out []string
	out = append(out, in.notes...)
	out = append(out, in.res.notices...)
	return append(out, more...)
}

// open prepares reading the inputs, files or URLs. Local files are read relative to the deepest
// directory holding them all, and their relative imports are followed wherever they lead (absolute
// paths stay refused, by the parser); a URL, and what a document read from one imports, needs a -map
// entry or -fetch.
func (f *inputFlags) open(names []string) (*inputs, error) {
	if *f.strict && *f.lenient {
		return nil, UsageError{"-strict and -lenient exclude each other: -strict refuses the inputs the loss-free fix-ups would repair, -lenient asks for the lossy ones too"}
	}
	var local, remote []string
	for _, in := range names {
		if parser.IsURL(in) {
			remote = append(remote, in)
		} else {
			local = append(local, in)
		}
	}
	if len(remote) > 0 && !*f.fetch && !f.maps.covers(remote) {
		return nil, UsageError{fmt.Sprintf("input %s is a remote location (%s)", remote[0], advice(parser.Hint{Kind: parser.HintRemote, URL: remote[0]}, *f.strict))}
	}
	res := &resolver{maps: f.maps, fetch: *f.fetch, timeout: *f.fetchTimeout}
	in := &inputs{dir: ".", res: res}
	var roots []string
	if len(local) > 0 {
		var err error
		if res.dir, roots, err = inputRoot(local); err != nil {
			return nil, UsageError{err.Error()}
		}
		in.dir = res.dir
	}
	if *f.allowOutside {
		in.notes = append(in.notes, "-allow-outside is deprecated and does nothing: relative imports may lead outside the directory holding the inputs without it")
	}
	in.cfg = sogen.Config{
		Resolver: res.resolve,
		Roots:    append(roots, remote...),
		Sources:  append(sources(local), remote...),
		Lenient:  *f.lenient,
		Strict:   *f.strict,
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
			line := x.String()
			if x.Kind == parser.Unread && x.Ref == (xml.Name{}) {
				line += " (for typed Go, " + readRemote(x.Hint.URL) + ")"
			}
			fmt.Fprintf(w, "sogen: warning%s: %s\n", side, line)
		}
	} else {
		for _, sum := range parser.Summaries(fixups) {
			how := "-strict refuses them"
			if sum.Kind.Lossy() {
				how = "without -lenient they are errors"
			}
			if sum.Count == 1 || sum.Kind == parser.Unread {
				how = strings.NewReplacer("them", "it", "they are errors", "it is an error").Replace(how)
			}
			how = "-v lists each; " + how
			if sum.Kind == parser.Unread && sum.Count > 0 {
				how = "for typed Go, " + readRemote(sum.Hint.URL) + "; " + how
			}
			fmt.Fprintf(w, "sogen: warning%s: %s (%s)\n", side, sum.Text, how)
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
