package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/parser"
)

// pingWSDL is a WSDL with one operation, Ping, whose element {urn:remote}Ping comes from the schema
// locations given, each imported by a schema block of its own.
func pingWSDL(locations ...string) string {
	var blocks strings.Builder
	for i, loc := range locations {
		fmt.Fprintf(&blocks, "\n    <xs:schema targetNamespace=\"urn:svc%d\"><xs:import namespace=\"urn:remote\" schemaLocation=\"%s\"/></xs:schema>", i+1, loc)
	}
	return `<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:svc" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:remote" xmlns:tns="urn:svc">
  <wsdl:types>` + blocks.String() + `
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="p" element="r:Ping"/></wsdl:message>
  <wsdl:portType name="Svc"><wsdl:operation name="Ping"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="SvcBinding" type="tns:Svc">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Ping"><soap:operation soapAction="urn:ping"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`
}

// remoteWSDL is a WSDL whose types come from base+"types.xsd" (twice: through two schema blocks),
// which itself includes a relative "more/part.xsd".
func remoteWSDL(base string) string { return pingWSDL(base+"types.xsd", base+"types.xsd") }

var remoteFiles = map[string]string{
	"/schemas/types.xsd":     `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:remote" elementFormDefault="qualified"><xs:include schemaLocation="more/part.xsd"/></xs:schema>`,
	"/schemas/more/part.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:remote" elementFormDefault="qualified"><xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
}

// schemaServer serves remoteFiles, counting the requests per path.
func schemaServer(t *testing.T, delay time.Duration) (*httptest.Server, func() map[string]int) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		body, ok := remoteFiles[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range hits {
			out[k] = v
		}
		return out
	}
}

// remoteCase writes svc.wsdl, importing from base, into a new input directory, and returns a
// resolver reading it and the Config generating from it.
func remoteCase(t *testing.T, base string, r *resolver) sogen.Config {
	t.Helper()
	r.dir = t.TempDir()
	write(t, filepath.Join(r.dir, "svc.wsdl"), remoteWSDL(base))
	return sogen.Config{Resolver: r.resolve, Roots: []string{"svc.wsdl"}, Package: "svc"}
}

func allFiles(res *sogen.Result) string {
	var all strings.Builder
	for _, f := range res.Files {
		all.Write(f.Content)
	}
	return all.String()
}

func TestFetch(t *testing.T) {
	srv, hits := schemaServer(t, 0)
	base := srv.URL + "/schemas/"
	r := &resolver{fetch: true}
	res, err := sogen.Generate(remoteCase(t, base, r))
	if err != nil {
		t.Fatal(err)
	}
	if got := hits(); got["/schemas/types.xsd"] != 1 || got["/schemas/more/part.xsd"] != 1 || len(got) != 2 {
		t.Errorf("requests per path = %v, want each file fetched once", got)
	}
	if !strings.Contains(allFiles(res), "type Ping struct") {
		t.Errorf("the remote element Ping did not make it into the output")
	}
	want := []string{"fetched " + base + "types.xsd (", "fetched " + base + "more/part.xsd ("}
	if len(r.notices) != 2 || !strings.HasPrefix(r.notices[0], want[0]) || !strings.HasPrefix(r.notices[1], want[1]) {
		t.Errorf("notices %q, want them to start with %q", r.notices, want)
	}

	t.Run("without -fetch or -map the import is passed over, with -strict the error names the location and the ways out", func(t *testing.T) {
		res, err := sogen.Generate(remoteCase(t, base, &resolver{}))
		if err != nil {
			t.Fatal(err)
		}
		if c := allFiles(res); !strings.Contains(c, "func (c *SvcClient) Ping(ctx context.Context, ping any, ") {
			t.Errorf("the unread element Ping is not read as xs:anyType:\n%s", c)
		}
		cfg := remoteCase(t, base, &resolver{})
		cfg.Strict = true
		_, err = sogen.Generate(cfg)
		want := `svc.wsdl: /wsdl:definitions/wsdl:types/xs:schema[1]/xs:import: schemaLocation="` + base + `types.xsd" is a remote location, which was not read`
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
		wantHint := parser.Hint{Kind: parser.HintRemote, URL: base + "types.xsd", Namespace: "urn:remote",
			Effect: "pass the import over, reading what refers into its namespace as any content"}
		if h, _ := parser.HintOf(err); h != wantHint {
			t.Errorf("hint %+v", h)
		}
		want += " (sogen reads remote locations only when asked: run sogen with -fetch to download it, or save it and run sogen with -map " + base + "types.xsd=FILE to read your copy" +
			"; or run sogen without -strict to pass the import over, reading what refers into its namespace as any content, with a warning)"
		if got := explain(err, true).Error(); got != want {
			t.Errorf("worded: got  %s\nwant %s", got, want)
		}
		if d := cmp.Diff([]string{"-fetch"}, SuggestedFlags(err)); d != "" {
			t.Errorf("suggested flags (-want +got):\n%s", d)
		}
	})
	t.Run("HTTP errors name the URL", func(t *testing.T) {
		_, err := sogen.Generate(remoteCase(t, srv.URL+"/missing/", &resolver{fetch: true}))
		if err == nil || !strings.Contains(err.Error(), "fetching "+srv.URL+"/missing/types.xsd: HTTP status 404 Not Found") {
			t.Errorf("got %v", err)
		}
		if h, ok := parser.HintOf(err); ok {
			t.Errorf("hint %+v", h)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		cfg := remoteCase(t, base, &resolver{fetch: true})
		cfg.Parse = parser.Options{MaxFileSize: 100}
		_, err := sogen.Generate(cfg)
		if err == nil || !strings.Contains(err.Error(), "over the limit of 100") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("only http and https are fetched", func(t *testing.T) {
		cfg := remoteCase(t, "ftp://example.com/", &resolver{fetch: true})
		cfg.Strict = true
		_, err := sogen.Generate(cfg)
		want := `svc.wsdl: /wsdl:definitions/wsdl:types/xs:schema[1]/xs:import: schemaLocation="ftp://example.com/types.xsd" is a remote location, which was not read (sogen downloads only http and https locations: save it and run sogen with -map ftp://example.com/types.xsd=FILE to read your copy)`
		if err == nil || explain(err, false).Error() != want {
			t.Errorf("got  %v\nwant %s", explain(err, false), want)
		}
		if f := SuggestedFlags(err); f != nil {
			t.Errorf("suggested flags %q, want none (only a copy helps)", f)
		}
	})
}

func TestFetchTimeout(t *testing.T) {
	srv, _ := schemaServer(t, 5*time.Second)
	start := time.Now()
	_, err := sogen.Generate(remoteCase(t, srv.URL+"/schemas/", &resolver{fetch: true, timeout: 50 * time.Millisecond}))
	if err == nil || !strings.Contains(err.Error(), "context deadline exceeded") {
		t.Errorf("got %v, want a timeout", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v; the timeout is 50ms", d)
	}
}

func TestMap(t *testing.T) {
	dir := t.TempDir()
	for p, body := range remoteFiles {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, f, body)
	}
	// No server: a mapped location must not touch the network.
	base := "https://schemas.example.invalid/schemas/"
	for _, tt := range []struct {
		name string
		m    mapFlag
	}{
		{"files", mapFlag{
			base + "types.xsd":     filepath.Join(dir, "schemas", "types.xsd"),
			base + "more/part.xsd": filepath.Join(dir, "schemas", "more", "part.xsd"),
		}},
		{"prefix", mapFlag{base: filepath.Join(dir, "schemas")}},
		{"shorter prefix", mapFlag{"https://schemas.example.invalid/": dir}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &resolver{maps: tt.m}
			if _, err := sogen.Generate(remoteCase(t, base, r)); err != nil {
				t.Fatal(err)
			}
			want := "read " + base + "types.xsd from " + filepath.Join(dir, "schemas", "types.xsd") + " (-map)"
			if len(r.notices) != 2 || r.notices[0] != want {
				t.Errorf("notices %q, want the first to be %q", r.notices, want)
			}
			if u := r.unused(); len(u) != 0 {
				t.Errorf("unused entries: %q", u)
			}
		})
	}
	t.Run("a location no entry covers", func(t *testing.T) {
		r := &resolver{maps: mapFlag{base + "types.xsd": filepath.Join(dir, "schemas", "types.xsd"), base + "other.xsd": "x.xsd"}}
		_, err := sogen.Generate(remoteCase(t, base, r))
		want := `types.xsd: /xs:schema/xs:include: schemaLocation="more/part.xsd" is a remote location (` + base + `more/part.xsd), which was not read`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got  %v\nwant it to contain %s", err, want)
		}
		if d := cmp.Diff([]string{"-map " + base + "other.xsd=x.xsd was not used: sogen read no location " + base + "other.xsd"}, r.unused()); d != "" {
			t.Errorf("unused entries (-want +got):\n%s", d)
		}
	})
}

// TestMapSplitsAtTheLastEquals maps WCF-style locations holding "=" (?xsd=xsd0), exactly and under a
// prefix (which keeps the query string as part of the file name).
func TestMapSplitsAtTheLastEquals(t *testing.T) {
	m := mapFlag{}
	for _, s := range []string{"https://x.invalid/S.svc?xsd=xsd0=a.xsd", "https://x.invalid/dir/./=copies", "https://x.invalid/S.svc?wsdl=wsdl0#frag=b.wsdl"} {
		if err := m.Set(s); err != nil {
			t.Fatal(err)
		}
	}
	want := mapFlag{"https://x.invalid/S.svc?xsd=xsd0": "a.xsd", "https://x.invalid/dir/": "copies", "https://x.invalid/S.svc?wsdl=wsdl0": "b.wsdl"}
	if d := cmp.Diff(want, m); d != "" {
		t.Errorf("entries (-want +got):\n%s", d)
	}
	if key, rest, prefix := m.lookup("https://x.invalid/dir/Service.svc?xsd=xsd1"); key != "https://x.invalid/dir/" || rest != "Service.svc?xsd=xsd1" || !prefix {
		t.Errorf("lookup: %q %q %v", key, rest, prefix)
	}
	for _, bad := range []string{"https://x.invalid/S.svc?wsdl", "https://x.invalid/a.xsd=", "=a.xsd", "a.xsd=b.xsd"} {
		if err := (mapFlag{}).Set(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// wcfWSDL is a WSDL as WCF publishes it: its schemas are imported from ?xsd=xsdN locations of the
// service, one of which imports another.
func wcfWSDL(base string) string { return pingWSDL(base + "Service.svc?xsd=xsd0") }

const (
	wcfXSD0 = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:remote" xmlns:c="urn:common" elementFormDefault="qualified"><xs:import namespace="urn:common" schemaLocation="Service.svc?xsd=xsd1"/><xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="When" type="c:Stamp"/></xs:sequence></xs:complexType></xs:element></xs:schema>`
	wcfXSD1 = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:common"><xs:simpleType name="Stamp"><xs:restriction base="xs:dateTime"/></xs:simpleType></xs:schema>`
)

// TestMapSuggestionWorks takes the -map line a run suggests, lets a POSIX shell split it (the URL
// holds "?" and "="), puts a copy of the document where it says FILE, and runs sogen with it: the
// next location's line is suggested next, and with both the run reads every document. Without -strict
// the suggestions are in the warnings of runs that pass the imports over; with it, in the errors.
func TestMapSuggestionWorks(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no POSIX shell to split the suggested command line")
	}
	dir := t.TempDir()
	base := "https://svc.example.invalid/Api/"
	write(t, filepath.Join(dir, "svc.wsdl"), wcfWSDL(base))
	copies := map[string]string{base + "Service.svc?xsd=xsd0": wcfXSD0, base + "Service.svc?xsd=xsd1": wcfXSD1}
	for _, strict := range []bool{false, true} {
		args := []string{"-o", filepath.Join(dir, "out"), "-pkg", "svc"}
		if strict {
			args = append(args, "-strict")
		}
		mapSuggestions(t, sh, dir, args, copies)
	}
}

// mapSuggestions runs sogen with args on dir/svc.wsdl, following the -map lines suggested, copies
// holding the documents by URL.
func mapSuggestions(t *testing.T, sh, dir string, args []string, copies map[string]string) {
	t.Helper()
	for round := 0; ; round++ {
		var log bytes.Buffer
		err := Run(append(args, filepath.Join(dir, "svc.wsdl")), &log, &log)
		msg := log.String()
		if err != nil {
			msg = err.Error()
		} else if !strings.Contains(msg, "was not read") {
			if round != 2 {
				t.Fatalf("%q: read everything after %d suggestions, want 2", args, round)
			}
			if strings.Contains(log.String(), "was not used") {
				t.Errorf("an entry was not used:\n%s", log.String())
			}
			break
		}
		if round == 2 {
			t.Fatalf("%q: still not reading everything with the suggested entries: %s", args, msg)
		}
		i := strings.Index(msg, "run sogen with -map ")
		j := strings.Index(msg, " to read your copy")
		if i < 0 || j < i {
			t.Fatalf("no -map suggestion in %s", msg)
		}
		suggested := msg[i+len("run sogen with ") : j]
		out, err := exec.Command(sh, "-c", `for a in `+suggested+`; do printf '%s\n' "$a"; done`).Output()
		if err != nil {
			t.Fatalf("the shell could not split %s: %v", suggested, err)
		}
		words := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(words) != 2 || words[0] != "-map" || !strings.HasSuffix(words[1], "=FILE") {
			t.Fatalf("the shell split %s into %q", suggested, words)
		}
		u := strings.TrimSuffix(words[1], "=FILE")
		body, ok := copies[u]
		if !ok {
			t.Fatalf("suggested URL %s is none of the documents", u)
		}
		file := filepath.Join(dir, "copy"+string(rune('0'+round))+".xsd")
		write(t, file, body)
		args = append(args[:len(args):len(args)], "-map", strings.TrimSuffix(words[1], "FILE")+file)
	}
	var all strings.Builder
	for _, f := range generatedFiles(t, filepath.Join(dir, "out")) {
		all.WriteString(f)
	}
	if !strings.Contains(all.String(), "When ") || !strings.Contains(all.String(), `"urn:common"`) {
		t.Errorf("the output lacks the element of the first document or the namespace of the second:\n%s", all.String())
	}
}

// TestMapPrefixKeepsTheQuery maps a WCF service's locations with one prefix entry: the files in the
// directory are named after the rest of the URL, query string included (as wget saves them).
func TestMapPrefixKeepsTheQuery(t *testing.T) {
	dir := t.TempDir()
	base := "https://svc.example.invalid/Api/"
	write(t, filepath.Join(dir, "svc.wsdl"), wcfWSDL(base))
	copies := filepath.Join(dir, "copies")
	os.MkdirAll(copies, 0o755)
	write(t, filepath.Join(copies, "Service.svc?xsd=xsd0"), wcfXSD0)
	write(t, filepath.Join(copies, "Service.svc?xsd=xsd1"), wcfXSD1)
	var log bytes.Buffer
	if err := Run([]string{"-o", filepath.Join(dir, "out"), "-pkg", "svc", "-map", base + "=" + copies, filepath.Join(dir, "svc.wsdl")}, &log, &log); err != nil {
		t.Fatal(err)
	}
	want := "sogen: note: read " + base + "Service.svc?xsd=xsd1 from " + filepath.Join(copies, "Service.svc?xsd=xsd1") + " (-map)"
	if !strings.Contains(log.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, log.String())
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"https://x/a.xsd=FILE":            "https://x/a.xsd=FILE",
		"https://x/S.svc?xsd=xsd0=FILE":   "'https://x/S.svc?xsd=xsd0=FILE'",
		"https://x/a&b=FILE":              "'https://x/a&b=FILE'",
		"https://x/it's=FILE":             `'https://x/it'\''s=FILE'`,
		"https://x/a%20b.xsd;v=1=FILE":    "'https://x/a%20b.xsd;v=1=FILE'",
		"https://user@x:8080/a,b+c=FILE":  "https://user@x:8080/a,b+c=FILE",
		"https://x/$HOME/`id`/a.xsd=FILE": "'https://x/$HOME/`id`/a.xsd=FILE'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
