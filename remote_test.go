package sogen_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/parser"
)

// remoteWSDL is a WSDL whose types come from base+"types.xsd" (twice: through the WSDL and through a
// second schema block), which itself includes a relative "more/part.xsd".
func remoteWSDL(base string) fstest.MapFS {
	return fstest.MapFS{"svc.wsdl": {Data: []byte(`<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:svc" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:remote" xmlns:tns="urn:svc">
  <wsdl:types>
    <xs:schema targetNamespace="urn:svc"><xs:import namespace="urn:remote" schemaLocation="` + base + `types.xsd"/></xs:schema>
    <xs:schema targetNamespace="urn:svc2"><xs:import namespace="urn:remote" schemaLocation="` + base + `types.xsd"/></xs:schema>
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="p" element="r:Ping"/></wsdl:message>
  <wsdl:portType name="Svc"><wsdl:operation name="Ping"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="SvcBinding" type="tns:Svc">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Ping"><soap:operation soapAction="urn:ping"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`)}}
}

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

func TestFetch(t *testing.T) {
	srv, hits := schemaServer(t, 0)
	base := srv.URL + "/schemas/"
	cfg := sogen.Config{FS: remoteWSDL(base), Roots: []string{"svc.wsdl"}, Package: "svc", Fetch: true, HTTPClient: srv.Client()}
	res, err := sogen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := hits(); got["/schemas/types.xsd"] != 1 || got["/schemas/more/part.xsd"] != 1 || len(got) != 2 {
		t.Errorf("requests per path = %v, want each file fetched once", got)
	}
	var all strings.Builder
	for _, f := range res.Files {
		all.Write(f.Content)
	}
	if !strings.Contains(all.String(), "type Ping struct") {
		t.Errorf("the remote element Ping did not make it into the output")
	}
	want := "fetched " + base + "types.xsd ("
	if len(res.Notices) == 0 || !strings.HasPrefix(res.Notices[0], want) {
		t.Errorf("notices %q, want the first to start with %q", res.Notices, want)
	}

	t.Run("without -fetch or -map the error names the location and both ways out", func(t *testing.T) {
		c := cfg
		c.Fetch = false
		_, err := sogen.Generate(c)
		want := `svc.wsdl: /wsdl:definitions/wsdl:types/xs:schema[1]/xs:import: schemaLocation="` + base + `types.xsd" is a remote location, which sogen does not fetch unless asked: run sogen with -fetch to download it, or save it and run sogen with -map ` + base + `types.xsd=FILE to read your copy`
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})
	t.Run("HTTP errors name the URL", func(t *testing.T) {
		fsys := remoteWSDL(srv.URL + "/missing/")
		_, err := sogen.Generate(sogen.Config{FS: fsys, Roots: []string{"svc.wsdl"}, Package: "svc", Fetch: true, HTTPClient: srv.Client()})
		if err == nil || !strings.Contains(err.Error(), "fetching "+srv.URL+"/missing/types.xsd: HTTP status 404 Not Found") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		c := cfg
		c.Parse = parser.Options{MaxFileSize: 100}
		_, err := sogen.Generate(c)
		if err == nil || !strings.Contains(err.Error(), "over the limit of 100") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("only http and https are fetched", func(t *testing.T) {
		_, err := sogen.Generate(sogen.Config{FS: remoteWSDL("ftp://example.com/"), Roots: []string{"svc.wsdl"}, Package: "svc", Fetch: true})
		if err == nil || !strings.Contains(err.Error(), "ftp://example.com/types.xsd: only http and https locations can be fetched; map this one to a local file with -map") {
			t.Errorf("got %v", err)
		}
	})
}

func TestFetchTimeout(t *testing.T) {
	srv, _ := schemaServer(t, 5*time.Second)
	cfg := sogen.Config{FS: remoteWSDL(srv.URL + "/schemas/"), Roots: []string{"svc.wsdl"}, Package: "svc", Fetch: true,
		FetchTimeout: 50 * time.Millisecond, HTTPClient: srv.Client()}
	start := time.Now()
	_, err := sogen.Generate(cfg)
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
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// No server: a mapped location must not touch the network.
	base := "https://schemas.example.invalid/schemas/"
	for _, tt := range []struct {
		name string
		m    map[string]string
	}{
		{"files", map[string]string{
			base + "types.xsd":     filepath.Join(dir, "schemas", "types.xsd"),
			base + "more/part.xsd": filepath.Join(dir, "schemas", "more", "part.xsd"),
		}},
		{"prefix", map[string]string{base: filepath.Join(dir, "schemas")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := sogen.Generate(sogen.Config{FS: remoteWSDL(base), Roots: []string{"svc.wsdl"}, Package: "svc", Map: tt.m})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Notices) < 2 || !strings.HasPrefix(res.Notices[0], "read "+base+"types.xsd from ") {
				t.Errorf("notices %q", res.Notices)
			}
		})
	}
	t.Run("a location no entry covers", func(t *testing.T) {
		_, err := sogen.Generate(sogen.Config{FS: remoteWSDL(base), Roots: []string{"svc.wsdl"}, Package: "svc",
			Map: map[string]string{base + "types.xsd": filepath.Join(dir, "schemas", "types.xsd")}})
		want := base + "more/part.xsd is a remote location that no -map entry covers, and fetching is off: run sogen with -fetch to download it, or with -map " + base + "more/part.xsd=FILE to read a local copy"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got  %v\nwant it to contain %s", err, want)
		}
	})
}
