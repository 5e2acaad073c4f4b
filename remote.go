package sogen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultFetchTimeout limits one download when Config.FetchTimeout is zero.
const DefaultFetchTimeout = 30 * time.Second

// remote reads the remote locations of one run: from the files Config.Map names, else, when
// Config.Fetch allows it, over HTTP. Each URL is read at most once (the parser caches what it got).
type remote struct {
	cfg     *Config
	max     int64
	notices []string
}

// newRemote returns the reader of remote locations for cfg, or nil when cfg neither maps nor fetches
// any.
func newRemote(cfg *Config) *remote {
	if len(cfg.Map) == 0 && !cfg.Fetch {
		return nil
	}
	r := &remote{cfg: cfg, max: cfg.Parse.MaxFileSize}
	if r.max <= 0 {
		r.max = 32 << 20
	}
	return r
}

// mapped returns the local file Config.Map gives for u: an exact entry, else the longest prefix entry
// (a key ending in "/", whose value is a directory) that u extends.
func (r *remote) mapped(u string) (string, bool) {
	if p, ok := r.cfg.Map[u]; ok {
		return p, true
	}
	var prefixes []string
	for k := range r.cfg.Map {
		if strings.HasSuffix(k, "/") && strings.HasPrefix(u, k) {
			prefixes = append(prefixes, k)
		}
	}
	if len(prefixes) == 0 {
		return "", false
	}
	sort.Slice(prefixes, func(i, j int) bool { return len(prefixes[i]) > len(prefixes[j]) })
	rest := strings.TrimPrefix(u, prefixes[0])
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	return filepath.Join(r.cfg.Map[prefixes[0]], filepath.FromSlash(rest)), true
}

func (r *remote) read(u string) ([]byte, error) {
	if p, ok := r.mapped(u); ok {
		fh, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("%s is mapped to %s: %w", u, p, errors.Unwrap(err))
		}
		defer fh.Close()
		data, err := io.ReadAll(io.LimitReader(fh, r.max+1))
		if err != nil {
			return nil, fmt.Errorf("%s is mapped to %s: %w", u, p, err)
		}
		r.notices = append(r.notices, fmt.Sprintf("read %s from %s (-map)", u, p))
		return data, nil
	}
	if !r.cfg.Fetch {
		return nil, fmt.Errorf("%s is a remote location that no -map entry covers, and fetching is off: run sogen with -fetch to download it, or with -map %s=FILE to read a local copy", u, u)
	}
	data, err := r.fetch(u)
	if err == nil {
		r.notices = append(r.notices, fmt.Sprintf("fetched %s (%d bytes)", u, len(data)))
	}
	return data, err
}

// fetch downloads u with a GET, within the timeout and the size limit.
func (r *remote) fetch(u string) ([]byte, error) {
	pu, err := url.Parse(u)
	if err != nil || pu.Scheme != "http" && pu.Scheme != "https" {
		return nil, fmt.Errorf("%s: only http and https locations can be fetched; map this one to a local file with -map %s=FILE", u, u)
	}
	timeout := r.cfg.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	hc := r.cfg.HTTPClient
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
	if resp.ContentLength > r.max {
		return nil, fmt.Errorf("fetching %s: %d bytes, over the limit of %d", u, resp.ContentLength, r.max)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, r.max+1))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	if int64(len(data)) > r.max {
		return nil, fmt.Errorf("fetching %s: over the limit of %d bytes", u, r.max)
	}
	return data, nil
}
