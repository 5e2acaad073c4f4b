package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sogen-go/sogen/parser"
)

// defaultFetchTimeout limits one download with -fetch.
const defaultFetchTimeout = 30 * time.Second

// maxFileSize is the parser's default limit on one document, which the resolver also reads at most.
const maxFileSize = 32 << 20

// resolver reads the documents of one run for the parser (a parser.Resolver): local files, relative
// to the directory holding the local inputs, wherever a relative import leads (symbolic links
// followed); the local copies -map names for remote locations, a prefix entry's directory read
// through a sandbox that nothing leads out of; and, with -fetch, downloads of the http and https
// locations no -map entry covers. Every other remote location is not read (parser.ErrNotRead).
type resolver struct {
	dir     string  // the directory holding the local inputs ("" when every input is a URL)
	maps    mapFlag // -map entries, by normalised URL
	fetch   bool
	timeout time.Duration
	client  *http.Client // nil: http.DefaultClient

	// notices say where remote locations were read from, in the order they were read.
	notices   []string
	used      map[string]bool     // the -map entries that were used, by URL
	sandboxes map[string]*sandbox // the directories of prefix entries, opened on first use
}

// FileResolver returns the parser.Resolver the sogen command reads local inputs with, relative to
// dir, when given neither -map nor -fetch: tests generate through it what a user gets.
func FileResolver(dir string) parser.Resolver { return (&resolver{dir: dir}).resolve }

// close closes the sandboxes the run opened.
func (r *resolver) close() error {
	var errs []error
	for _, s := range r.sandboxes {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// resolve reads the document at loc (see parser.Resolver), at most max+1 bytes of it.
func (r *resolver) resolve(loc string, max int64) ([]byte, error) {
	if parser.IsURL(loc) {
		return r.remote(loc, max)
	}
	if r.dir == "" {
		return nil, fmt.Errorf("%s: no local input directory to read it from", loc)
	}
	return readFile(filepath.Join(r.dir, filepath.FromSlash(loc)), loc, max)
}

// readFile reads at most max+1 bytes of the file at path, named name in errors.
func readFile(path, name string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, renamed(err, name)
	}
	defer f.Close()
	return parser.ReadFile(f, name, max)
}

// renamed names name in a file system error rather than the path it was opened with, which depends
// on the machine.
func renamed(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		op := pe.Op
		if op == "openat" { // os.Root's name for it
			op = "open"
		}
		return fmt.Errorf("%s %s: %w", op, name, pe.Err)
	}
	return err
}

// remote reads the remote location u: from the copy a -map entry names, else, with -fetch, by
// downloading it.
func (r *resolver) remote(u string, max int64) ([]byte, error) {
	if key, rest, prefix := r.maps.lookup(u); key != "" {
		if r.used == nil {
			r.used = map[string]bool{}
		}
		r.used[key] = true
		target := r.maps[key]
		var data []byte
		var err error
		from := target
		if prefix {
			from = filepath.Join(target, filepath.FromSlash(rest))
			data, err = r.readMapped(target, rest, max)
		} else {
			data, err = readFile(target, target, max)
		}
		if err != nil {
			return nil, fmt.Errorf("%s is mapped to %s: %w", u, from, err)
		}
		r.notices = append(r.notices, fmt.Sprintf("read %s from %s (-map)", u, from))
		return data, nil
	}
	if !r.fetch || !fetchable(u) {
		return nil, parser.ErrNotRead
	}
	data, err := r.download(u, max)
	if err != nil {
		return nil, err
	}
	r.notices = append(r.notices, fmt.Sprintf("fetched %s (%d bytes)", u, len(data)))
	return data, nil
}

// readMapped reads rest, the part of a URL following a -map prefix, from the prefix's directory dir,
// through a sandbox: a document read this way stands for a downloaded one, and what it imports
// resolves against its URL, so a path leading out of dir (.., a symbolic link) is refused.
func (r *resolver) readMapped(dir, rest string, max int64) ([]byte, error) {
	if !fs.ValidPath(rest) || rest == "." {
		return nil, fmt.Errorf("%q is not the name of a file inside the directory", rest)
	}
	s, ok := r.sandboxes[dir]
	if !ok {
		var err error
		if s, err = openSandbox(dir); err != nil {
			return nil, err
		}
		if r.sandboxes == nil {
			r.sandboxes = map[string]*sandbox{}
		}
		r.sandboxes[dir] = s
	}
	f, err := s.Open(rest)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parser.ReadFile(f, rest, max)
}

// fetchable reports whether -fetch may download u: an http or https URL.
func fetchable(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && (pu.Scheme == "http" || pu.Scheme == "https")
}

// download reads u with a GET, within the timeout and the size limit.
func (r *resolver) download(u string, max int64) ([]byte, error) {
	timeout := r.timeout
	if timeout <= 0 {
		timeout = defaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	hc := r.client
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching %s: HTTP status %s", u, resp.Status)
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("fetching %s: %d bytes, over the limit of %d", u, resp.ContentLength, max)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("fetching %s: over the limit of %d bytes", u, max)
	}
	return data, nil
}

// mapFlag collects -map URL=FILE and URL/=DIR flags, by normalised URL.
type mapFlag map[string]string

func (m mapFlag) String() string {
	var parts []string
	for k, v := range m {
		parts = append(parts, k+"="+v)
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// Set adds one entry. The URL and the file are split at the last "=", so that a URL holding "="
// (WCF's ?wsdl=wsdl0 and ?xsd=xsd0) can be mapped; a file name holding "=" cannot.
func (m mapFlag) Set(s string) error {
	i := strings.LastIndex(s, "=")
	if i <= 0 || i == len(s)-1 {
		return fmt.Errorf("-map wants URL=FILE, got %q", s)
	}
	u, file := s[:i], s[i+1:]
	if !parser.IsURL(u) {
		return fmt.Errorf("-map %s: %q is not an absolute URL", s, u)
	}
	n, err := parser.NormalizeURL(u)
	if err != nil {
		return fmt.Errorf("-map %s: %v", s, err)
	}
	if old, dup := m[n]; dup && old != file {
		return fmt.Errorf("-map %s: %s is already mapped to %s", s, u, old)
	}
	m[n] = file
	return nil
}

// lookup returns the entry u is mapped by ("" when none): an exact entry, mapping u to a file, else
// the longest prefix entry (a URL ending in "/") that u starts with, mapping it to a directory, with
// prefix set and the rest of u after the prefix, query string included.
func (m mapFlag) lookup(u string) (key, rest string, prefix bool) {
	if _, ok := m[u]; ok && !strings.HasSuffix(u, "/") {
		return u, "", false
	}
	best := ""
	for k := range m {
		if strings.HasSuffix(k, "/") && strings.HasPrefix(u, k) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		return "", "", false
	}
	return best, strings.TrimPrefix(u, best), true
}

// unused returns a notice for each -map entry the run did not use: a mistyped URL, or a URL that
// the last-"=" split cut short (a forgotten =FILE after ?xsd=xsd0).
func (r *resolver) unused() []string {
	var out []string
	for k, v := range r.maps {
		switch {
		case r.used[k]:
		case strings.HasSuffix(k, "/"):
			out = append(out, fmt.Sprintf("-map %s=%s was not used: sogen read no location under %s", k, v, k))
		default:
			out = append(out, fmt.Sprintf("-map %s=%s was not used: sogen read no location %s", k, v, k))
		}
	}
	sort.Strings(out)
	return out
}

// covers reports whether every URL has a -map entry (exact or prefix).
func (m mapFlag) covers(urls []string) bool {
	for _, u := range urls {
		n, err := parser.NormalizeURL(u)
		if err != nil {
			return false
		}
		if key, _, _ := m.lookup(n); key == "" {
			return false
		}
	}
	return true
}
