package parser

import (
	"fmt"
	"net/url"
	"strings"
)

// isURL reports whether loc is an absolute URL (a scheme followed by "://"), as opposed to a path.
func isURL(loc string) bool {
	i := strings.Index(loc, "://")
	return i > 0 && !strings.ContainsAny(loc[:i], "/.\\")
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

// readRemote reads the remote location u through Options.Remote, once per run.
func (l *loader) readRemote(u string) ([]byte, error) {
	if data, ok := l.remote[u]; ok {
		return data, nil
	}
	if l.opts.Remote == nil {
		return nil, fmt.Errorf("%s is a remote location, which sogen does not fetch unless asked (-fetch or -map %s=FILE)", u, u)
	}
	data, err := l.opts.Remote(u)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > l.opts.MaxFileSize {
		return nil, fmt.Errorf("%s is over the size limit of %d bytes", u, l.opts.MaxFileSize)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, fmt.Errorf("%s: the file is empty", u)
	}
	data = []byte(strings.TrimPrefix(string(data), "\xef\xbb\xbf"))
	if l.remote == nil {
		l.remote = map[string][]byte{}
	}
	l.remote[u] = data
	return data, nil
}
