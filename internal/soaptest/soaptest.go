// Package soaptest holds helpers shared by sogen's tests: access to the third-party corpus, the
// conversion of SuperOffice's documented example envelopes to the envelope their binding prescribes,
// and a recording SOAP server.
package soaptest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/beevik/etree"

	"github.com/sogen-go/sogen/internal/soapconv"
)

// Envelope namespaces.
const (
	SOAP11Env = "http://schemas.xmlsoap.org/soap/envelope/"
	SOAP11Enc = "http://schemas.xmlsoap.org/soap/encoding/"
	SOAP12Env = "http://www.w3.org/2003/05/soap-envelope"
	SOAP12Enc = "http://www.w3.org/2003/05/soap-encoding"
)

// Corpus returns the directory named by SOGEN_CORPUS, joined with elem, or skips the test when the
// variable is unset.
func Corpus(t testing.TB, elem ...string) string {
	t.Helper()
	dir := os.Getenv("SOGEN_CORPUS")
	if dir == "" {
		t.Skip("SOGEN_CORPUS is not set: run with SOGEN_CORPUS=../shared/corpus (as .ci/run does) to test against the third-party corpus")
	}
	return filepath.Join(append([]string{dir}, elem...)...)
}

// ToSOAP11 converts one of SuperOffice's documented example envelopes to the envelope the WSDL binding
// prescribes (SOAP 1.1, header blocks inside soap:Header), with the function soap/soaptest.ToSOAP11
// (users' canned servers) calls too.
func ToSOAP11(example []byte) ([]byte, error) { return soapconv.ToSOAP11(example) }

// Request is a request a Server received.
type Request struct {
	Header http.Header
	Body   []byte
}

// Server is an httptest server answering every request with a fixed reply and recording what it got.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []Request
	status   int
	ctype    string
	reply    []byte
}

// NewServer starts a server replying with status, content type and body. Close it when done.
func NewServer(t testing.TB, status int, contentType string, reply []byte) *Server {
	s := &Server{status: status, ctype: contentType, reply: reply}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, Request{Header: r.Header.Clone(), Body: body})
		status, ctype, reply := s.status, s.ctype, s.reply
		s.mu.Unlock()
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(status)
		w.Write(reply)
	}))
	t.Cleanup(s.Close)
	return s
}

// SetReply changes the reply.
func (s *Server) SetReply(status int, contentType string, reply []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.ctype, s.reply = status, contentType, reply
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Last returns the last request received; it fails the test when there is none.
func (s *Server) Last(t testing.TB) Request {
	t.Helper()
	r := s.Requests()
	if len(r) == 0 {
		t.Fatal("the server received no request")
	}
	return r[len(r)-1]
}

// Indent re-indents XML for readable comparisons and goldens; it fails the test on malformed XML.
func Indent(t testing.TB, b []byte) string {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(bytes.TrimSpace(b)); err != nil {
		t.Fatalf("malformed XML: %v\n%s", err, b)
	}
	doc.Indent(1)
	s, err := doc.WriteToString()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ZeepPython returns a python3 that can import zeep (python3-zeep): $SOGEN_PYTHON when set, else
// python3 or /usr/bin/python3. Without one, it skips the test, or fails it when SOGEN_REQUIRE_ZEEP
// is set (as .ci/run does, having installed zeep), so that the interop checks cannot skip in CI.
func ZeepPython(t testing.TB) string {
	t.Helper()
	candidates := []string{"python3", "/usr/bin/python3"}
	if p := os.Getenv("SOGEN_PYTHON"); p != "" {
		candidates = []string{p}
	}
	for _, p := range candidates {
		if exec.Command(p, "-c", "import zeep").Run() == nil {
			return p
		}
	}
	if os.Getenv("SOGEN_REQUIRE_ZEEP") != "" {
		t.Fatal("SOGEN_REQUIRE_ZEEP is set but no python3 can import zeep (apt-get install python3-zeep)")
	}
	t.Skip("no python3 with zeep (apt-get install python3-zeep, or set SOGEN_PYTHON)")
	return ""
}
