package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// A Resolver reads the documents a parse needs: the roots and every document they import or
// include. The parser does no input of its own; the caller decides where documents come from and what
// may be read (the sogen command reads files, its -map copies and, with -fetch, downloads).
//
// loc is one of:
//   - an absolute URL (http://..., https://..., or any other scheme), for a remote root, a remote
//     location in a document, and every location in a document read from a URL (resolved against
//     that URL, RFC 3986 section 5, so that a remote document never names a local file);
//   - a clean slash-separated path relative to the directory holding the local roots, for a local
//     root and the relative locations in local documents (resolved against the referring document's
//     path as written: "../" segments are resolved by name, not by where a symbolic link leads). It
//     starts with "../" when a location leads out of that directory; it is never absolute (absolute
//     paths in documents are refused before a Resolver is asked).
//
// The parser refuses a document over max bytes (Options.MaxFileSize), so a Resolver need not read
// more than max+1 bytes of one. It returns ErrNotRead (possibly wrapped) for a remote location it
// has no copy of and may not download: the parser then reports the location with a Hint of kind
// HintRemote. Any other error is reported as it is, located at the reference. The parser asks for a
// URL at most once per Load; a local document included into two namespaces (a chameleon include)
// is asked for once per namespace.
type Resolver func(loc string, max int64) ([]byte, error)

// ErrNotRead is what a Resolver returns for a remote location it has no copy of and may not download.
var ErrNotRead = errors.New("remote location not read")

// FS returns a Resolver reading local locations from fsys: a location leading out of fsys ("../")
// is an error, and a remote one is not read (ErrNotRead).
func FS(fsys fs.FS) Resolver {
	return func(loc string, max int64) ([]byte, error) {
		if isURL(loc) {
			return nil, ErrNotRead
		}
		if !fs.ValidPath(loc) {
			return nil, fmt.Errorf("%s leads outside the input directory", loc)
		}
		fh, err := fsys.Open(loc)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		return ReadFile(fh, loc, max)
	}
}

// ReadFile reads at most max+1 bytes of f, the file named name, for a Resolver: a file whose size
// is known to be over max is refused without reading it, and a directory is an error.
func ReadFile(f fs.File, name string, max int64) ([]byte, error) {
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory, not a file", name)
		}
		if st.Size() > max {
			return nil, fmt.Errorf("%s: the file is %d bytes, over the limit of %d", name, st.Size(), max)
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return data, nil
}

// isURL reports whether loc is an absolute URL (a scheme followed by "://"), as opposed to a path.
func isURL(loc string) bool {
	i := strings.Index(loc, "://")
	return i > 0 && !strings.ContainsAny(loc[:i], "/.\\")
}

// IsURL reports whether loc, a root or a location a Resolver is asked for, is an absolute URL (a
// scheme followed by "://") rather than a path.
func IsURL(loc string) bool { return isURL(loc) }

// NormalizeURL returns u, an absolute URL, in the form a Resolver is asked for it: dot segments
// removed, the fragment dropped, the rest (query included) as written.
func NormalizeURL(u string) (string, error) { return resolveURL("", u) }

// isAbsPath reports whether loc is an absolute path (Unix or Windows), which a document may not name.
func isAbsPath(loc string) bool {
	return strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "\\") || len(loc) > 1 && loc[1] == ':'
}

// localPath resolves loc, a relative path in the document named from (a local path), to the clean
// slash-separated path a Resolver reads: relative to the directory of the roots, "../" when it leads
// out of it. The query and fragment are dropped (they do not name a file).
func localPath(from, loc string) string {
	loc = strings.ReplaceAll(loc, "\\", "/")
	if i := strings.IndexAny(loc, "?#"); i >= 0 {
		loc = loc[:i]
	}
	return path.Clean(path.Join(path.Dir(from), loc))
}

// resolveURL resolves loc against base, the name of the referring file: a URL when that file was read
// from one. The fragment is dropped (it does not name a file).
func resolveURL(base, loc string) (string, error) {
	ref, err := url.Parse(strings.ReplaceAll(loc, "\\", "/"))
	if err != nil {
		return "", fmt.Errorf("not a valid URL: %v", err)
	}
	if isURL(base) {
		b, err := url.Parse(base)
		if err != nil {
			return "", fmt.Errorf("not a valid URL: %v", err)
		}
		ref = b.ResolveReference(ref)
	}
	if !ref.IsAbs() {
		return "", fmt.Errorf("not an absolute URL")
	}
	if ref.Opaque == "" {
		ref = ref.ResolveReference(&url.URL{}) // removes dot segments: one URL per file
	}
	ref.Fragment = ""
	ref.RawFragment = ""
	return ref.String(), nil
}

// reference is what asked for a document: the element and its location attribute as written (the
// zero reference for a root).
type reference struct {
	pos       Pos
	attr, loc string
}

// read reads the document name through the Resolver (a URL once per run), and returns it as UTF-8
// text, checked against the size limit, not empty.
func (l *loader) read(name string, from reference) ([]byte, error) {
	data, cached := l.remote[name]
	if !cached {
		var err error
		if l.notRead[name] {
			err = ErrNotRead // asked once already
		} else {
			data, err = l.resolve(name, l.opts.MaxFileSize)
		}
		switch {
		case errors.Is(err, ErrNotRead) && isURL(name):
			if l.notRead == nil {
				l.notRead = map[string]bool{}
			}
			l.notRead[name] = true
			what := name + " is a remote location"
			if from.attr != "" {
				what = fmt.Sprintf("%s=%q is a remote location", from.attr, from.loc)
				if name != from.loc {
					what += " (" + name + ")"
				}
			}
			e := errorf(from.pos, "%s, which was not read", what)
			e.Hint = Hint{Kind: HintRemote, URL: name}
			return nil, e
		case err != nil:
			return nil, &Error{Pos: from.pos, Err: err} // wrapped: the caller may look into it
		}
		if isURL(name) {
			if l.remote == nil {
				l.remote = map[string][]byte{}
			}
			l.remote[name] = data
		}
	}
	if int64(len(data)) > l.opts.MaxFileSize {
		return nil, errorf(from.pos, "%s: the file is over the limit of %d bytes", name, l.opts.MaxFileSize)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errorf(from.pos, "%s: the file is empty", name)
	}
	return decodeText(data, name)
}
