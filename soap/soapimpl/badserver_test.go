package soapimpl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sogen-go/sogen/soap"
)

// The tests in this file play servers that misbehave: they answer with what is not a SOAP reply, with
// too much, with too little, or not at all. Every call must end with a typed error (or, where the
// reply is usable despite the oddity, with the decoded result), never with a panic, a hang or a
// zero-value success.

// billionLaughs defines entities that would expand to 3 GB.
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><t:EchoResponse xmlns:t="urn:sogen:test"><t:text>&lol9;</t:text></t:EchoResponse></s:Body></s:Envelope>`

// wantTyped fails unless err is non-nil and errors.As finds a *T in it; it returns that *T.
func wantTyped[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if err == nil {
		t.Fatalf("no error: want a %T", target)
	}
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T): want a %T", err, errors.Unwrap(err), target)
	}
	if !strings.HasPrefix(err.Error(), "soap: Echo.") {
		t.Errorf("message %q does not name the operation", err)
	}
	return target
}

func TestBadServerReplies(t *testing.T) {
	fault11 := env11("", `<s:Fault><faultcode>s:Server</faultcode><faultstring>it broke</faultstring></s:Fault>`)
	fault12 := env12("", `<env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">it broke</env:Text></env:Reason></env:Fault>`)
	tests := []struct {
		name   string
		op     *Operation
		reply  cannedReply
		check  func(t *testing.T, err error)
		result bool // the call succeeds with the decoded result
	}{
		{name: "HTML page with status 200", op: echo11,
			reply: cannedReply{200, "text/html", "<html><body><h1>Welcome</h1></body></html>"},
			check: func(t *testing.T, err error) {
				he := wantTyped[*soap.HTTPError](t, err)
				if he.StatusCode != 200 || he.Reason != "not a SOAP envelope" || he.ContentType != "text/html" {
					t.Errorf("%+v", he)
				}
			}},
		{name: "HTML error page with status 500", op: echo11,
			reply: cannedReply{500, "text/html", "<html><body>Internal Server Error</body></html>"},
			check: func(t *testing.T, err error) {
				he := wantTyped[*soap.HTTPError](t, err)
				if he.StatusCode != 500 || !strings.Contains(he.Excerpt, "Internal Server Error") {
					t.Errorf("%+v", he)
				}
			}},
		{name: "JSON with status 200", op: echo11,
			reply: cannedReply{200, "application/json", `{"error":"use the REST API"}`},
			check: func(t *testing.T, err error) {
				he := wantTyped[*soap.HTTPError](t, err)
				if he.Reason != "not XML" || he.ContentType != "application/json" || he.Excerpt != `{"error":"use the REST API"}` {
					t.Errorf("%+v", he)
				}
				wantTyped[*soap.DecodeError](t, err)
			}},
		{name: "binary garbage", op: echo11,
			reply: cannedReply{200, "application/octet-stream", "\x00\x01\xff\xfe<\x80garbage"},
			check: func(t *testing.T, err error) {
				he := wantTyped[*soap.HTTPError](t, err)
				if he.Reason != "not XML" || !strings.Contains(he.Excerpt, "\uFFFD") {
					t.Errorf("%+v", he)
				}
			}},
		{name: "empty body with status 200", op: echo12,
			reply: cannedReply{200, "application/soap+xml", ""},
			check: func(t *testing.T, err error) {
				if he := wantTyped[*soap.HTTPError](t, err); he.Reason != "empty body" {
					t.Errorf("%+v", he)
				}
			}},
		{name: "empty body with status 401", op: echo11,
			reply: cannedReply{401, "", ""},
			check: func(t *testing.T, err error) {
				if he := wantTyped[*soap.HTTPError](t, err); he.StatusCode != 401 || he.Reason != "empty body" {
					t.Errorf("%+v", he)
				}
			}},
		{name: "white space only", op: echo11,
			reply: cannedReply{200, "text/xml", " \r\n\t "},
			check: func(t *testing.T, err error) {
				if he := wantTyped[*soap.HTTPError](t, err); he.Reason != "empty body" {
					t.Errorf("%+v", he)
				}
			}},
		{name: "envelope served as text/html is still decoded", op: echo11, result: true,
			reply: cannedReply{200, "text/html", env11("", echoReply)}},
		{name: "envelope served as application/json is still decoded", op: echo12, result: true,
			reply: cannedReply{200, "application/json", env12("", echoReply)}},
		{name: "SOAP 1.1 fault to a SOAP 1.2 client", op: echo12,
			reply: cannedReply{500, "text/xml", fault11},
			check: func(t *testing.T, err error) {
				f := wantTyped[*soap.Fault](t, err)
				if f.Version != soap.V11 || f.Code.Local != "Server" || f.Reason != "it broke" || f.HTTPStatus != 500 {
					t.Errorf("%+v", f)
				}
			}},
		{name: "SOAP 1.2 fault to a SOAP 1.1 client", op: echo11,
			reply: cannedReply{500, "application/soap+xml", fault12},
			check: func(t *testing.T, err error) {
				f := wantTyped[*soap.Fault](t, err)
				if f.Version != soap.V12 || f.Code.Local != "Receiver" || f.Reason != "it broke" {
					t.Errorf("%+v", f)
				}
			}},
		{name: "SOAP 1.1 fault with status 200", op: echo11,
			reply: cannedReply{200, "text/xml", fault11},
			check: func(t *testing.T, err error) {
				if f := wantTyped[*soap.Fault](t, err); f.HTTPStatus != 200 {
					t.Errorf("%+v", f)
				}
			}},
		{name: "a fault in a truncated envelope", op: echo11,
			reply: cannedReply{500, "text/xml", fault11[:strings.Index(fault11, "</s:Body>")]},
			check: func(t *testing.T, err error) {
				de := wantTyped[*soap.DecodeError](t, err)
				f := wantTyped[*soap.Fault](t, err)
				if de.Path != "Envelope/Body" || f.Reason != "it broke" {
					t.Errorf("%v", err)
				}
				if want := "soap: Echo.Echo: decode: Envelope/Body (line 2, column 183): XML syntax error on line 2: unexpected EOF: element <Body> is not closed; the reply carried soap fault (SOAP 1.1, HTTP 500): Server: it broke"; err.Error() != want {
					t.Errorf("message %s\nwant    %s", err, want)
				}
			}},
		{name: "SOAP 1.1 reply (no fault) to a SOAP 1.2 client", op: echo12,
			reply: cannedReply{200, "text/xml", env11("", echoReply)},
			check: func(t *testing.T, err error) {
				if de := wantTyped[*soap.DecodeError](t, err); !strings.Contains(de.Error(), "the reply is a SOAP 1.1 envelope, the operation expects SOAP 1.2") {
					t.Error(de)
				}
			}},
		{name: "billion laughs", op: echo11,
			reply: cannedReply{200, "text/xml", billionLaughs},
			check: func(t *testing.T, err error) {
				if he := wantTyped[*soap.HTTPError](t, err); he.Reason != "not XML" {
					t.Errorf("%+v", he)
				}
			}},
		{name: "undefined entity", op: echo11,
			reply: cannedReply{200, "text/xml", env11("", `<t:EchoResponse><t:text>&lol9;</t:text></t:EchoResponse>`)},
			check: func(t *testing.T, err error) { wantTyped[*soap.DecodeError](t, err) }},
		{name: "nesting deeper than the limit", op: echo11,
			reply: cannedReply{200, "text/xml", env11("", `<t:EchoResponse>`+strings.Repeat("<a>", 100000)+strings.Repeat("</a>", 100000)+`</t:EchoResponse>`)},
			check: func(t *testing.T, err error) {
				if de := wantTyped[*soap.DecodeError](t, err); !strings.Contains(de.Error(), "elements nested deeper than 256") {
					t.Error(de)
				}
			}},
		{name: "the response element twice is still one result", op: echo11, result: true,
			reply: cannedReply{200, "text/xml", env11("", echoReply+echoReply)}},
		{name: "another element in the Body", op: echo11,
			reply: cannedReply{200, "text/xml", env11("", `<t:Other/>`)},
			check: func(t *testing.T, err error) { wantTyped[*soap.DecodeError](t, err) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, tt.reply)
			call, res := echoCall(s.URL)
			err := new(Client).Do(context.Background(), tt.op, call)
			if tt.result {
				if err != nil {
					t.Fatal(err)
				}
				if res.Text != "hi" || res.Count != 3 {
					t.Fatalf("result %+v", res)
				}
				return
			}
			tt.check(t, err)
			if res.Text != "" || res.Count != 0 {
				t.Errorf("the result was filled in: %+v", res)
			}
		})
	}
}

// TestTruncatedReplies cuts a reply, a fault and a reply with headers at every byte: no prefix may
// decode as a success, and each error must be typed.
func TestTruncatedReplies(t *testing.T) {
	for name, body := range map[string]string{
		"reply":   env11(`<t:Status><t:succeeded>true</t:succeeded></t:Status>`, echoReply),
		"fault11": env11("", `<s:Fault><faultcode>s:Client</faultcode><faultstring>no</faultstring><detail><t:x>1</t:x></detail></s:Fault>`),
		"fault12": env12("", `<env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text xml:lang="en">no</env:Text></env:Reason></env:Fault>`),
	} {
		t.Run(name, func(t *testing.T) {
			for n := 0; n < len(body); n++ {
				client := &Client{HTTPClient: &http.Client{Transport: replyTransport{200, "text/xml", []byte(body[:n])}}}
				call, res := echoCall("http://soap.invalid/")
				call.ResponseHeader = new(statusHeader)
				op := echo11
				if name == "fault12" {
					op = echo12
				}
				err := client.Do(context.Background(), op, call)
				var he *soap.HTTPError
				var de *soap.DecodeError
				switch {
				case err == nil:
					t.Fatalf("%d of %d bytes decoded without error: %+v", n, len(body), res)
				case errors.As(err, &he), errors.As(err, &de):
				default:
					t.Fatalf("%d bytes: untyped error %v", n, err)
				}
			}
		})
	}
}

func TestEndlessReply(t *testing.T) {
	var written atomic.Int64
	done := make(chan struct{})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><t:EchoResponse xmlns:t="urn:sogen:test"><t:text>`)
		chunk := bytes.Repeat([]byte("x"), 1<<16)
		for written.Load() < 1<<30 { // a gigabyte, unless the client hangs up first
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer s.Close()
	call, _ := echoCall(s.URL)
	start := time.Now()
	err := (&Client{MaxResponseSize: 1 << 20}).Do(context.Background(), echo11, call)
	if !errors.Is(err, soap.ErrResponseTooLarge) {
		t.Fatalf("error %v: want ErrResponseTooLarge", err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server was still writing 10 s after the client gave up")
	}
	if n := written.Load(); n >= 1<<30 {
		t.Errorf("the client read the whole gigabyte")
	}
	t.Logf("gave up after %v; the server wrote %d bytes", time.Since(start), written.Load())
}

func TestDeclaredLengthTooLarge(t *testing.T) {
	var wrote atomic.Bool
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.FormatInt(10<<30, 10))
		w.WriteHeader(200)
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the body never comes: the client must not wait for it
		wrote.Store(true)
	}))
	defer s.Close()
	call, _ := echoCall(s.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := new(Client).Do(ctx, echo11, call)
	if !errors.Is(err, soap.ErrResponseTooLarge) {
		t.Fatalf("error %v: want ErrResponseTooLarge", err)
	}
}

func TestCompressedBomb(t *testing.T) {
	// 256 MiB of spaces compresses to about 256 KiB; the size limit counts decompressed bytes.
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	io.WriteString(zw, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>`)
	space := bytes.Repeat([]byte(" "), 1<<20)
	for range 256 {
		zw.Write(space)
	}
	zw.Close()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/xml")
		w.Write(gz.Bytes())
	}))
	defer s.Close()
	call, _ := echoCall(s.URL)
	n := allocated(func() {
		err := (&Client{MaxResponseSize: 1 << 20}).Do(context.Background(), echo11, call)
		if !errors.Is(err, soap.ErrResponseTooLarge) {
			t.Errorf("error %v: want ErrResponseTooLarge", err)
		}
	})
	if n > 64<<20 {
		t.Errorf("the call allocated %d bytes", n)
	}
}

func TestConnectionDroppedMidBody(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := env11("", echoReply)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		io.WriteString(w, body[:len(body)/2])
		w.(http.Flusher).Flush()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer s.Close()
	call, res := echoCall(s.URL)
	err := new(Client).Do(context.Background(), echo11, call)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("error %v: want io.ErrUnexpectedEOF", err)
	}
	if res.Text != "" {
		t.Errorf("result filled in: %+v", res)
	}
}

func TestSlowTrickle(t *testing.T) {
	// A server that sends a byte every 20 ms, forever: the context deadline ends the call.
	stop := make(chan struct{})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := io.WriteString(w, " "); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}))
	defer s.Close()
	defer close(stop)
	call, _ := echoCall(s.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := new(Client).Do(ctx, echo11, call)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v: want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Do returned after %v", d)
	}
}

func TestRedirects(t *testing.T) {
	t.Run("307 keeps the POST and its body", func(t *testing.T) {
		mux := http.NewServeMux()
		var got string
		mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/new", http.StatusTemporaryRedirect)
		})
		mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			got = r.Method + " " + r.Header.Get("SOAPAction") + " " + strconv.FormatBool(strings.Contains(string(b), "<ns1:text>hi</ns1:text>"))
			io.WriteString(w, env11("", echoReply))
		})
		s := httptest.NewServer(mux)
		defer s.Close()
		call, res := echoCall(s.URL + "/old")
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if want := `POST "urn:sogen:test/Echo" true`; got != want || res.Text != "hi" {
			t.Errorf("the redirected request was %q (want %q), result %+v", got, want, res)
		}
	})

	t.Run("redirect loop", func(t *testing.T) {
		var s *httptest.Server
		s = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, s.URL+r.URL.Path+"x", http.StatusTemporaryRedirect)
		}))
		defer s.Close()
		call, _ := echoCall(s.URL + "/a")
		err := new(Client).Do(context.Background(), echo11, call)
		var ue *url.Error
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "stopped after 10 redirects") {
			t.Fatalf("error %v: want a *url.Error about redirects", err)
		}
	})

	t.Run("redirects refused by the caller's http.Client", func(t *testing.T) {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/login", http.StatusFound)
		}))
		defer s.Close()
		hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		call, _ := echoCall(s.URL)
		err := (&Client{HTTPClient: hc}).Do(context.Background(), echo11, call)
		he := wantTyped[*soap.HTTPError](t, err)
		if he.StatusCode != http.StatusFound {
			t.Errorf("%+v", he)
		}
	})
}

// tokenCall is echoCall with testToken in its request header.
func tokenCall(endpoint string) (*Call, *echoResponse) {
	call, res := echoCall(endpoint)
	call.Header = auth(testToken)
	return call, res
}

func TestRedirectToAnotherOrigin(t *testing.T) {
	var reached atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		io.WriteString(w, env11("", echoReply))
	}))
	defer other.Close()
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+"/collect", status)
			}))
			defer s.Close()
			call, res := tokenCall(s.URL)
			err := new(Client).Do(context.Background(), echo11, call)
			var ue *url.Error
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), "redirect to http://127.0.0.1") || !strings.Contains(err.Error(), "to another origin") {
				t.Fatalf("error %v: want a refused redirect", err)
			}
			if reached.Load() != 0 || res.Text != "" {
				t.Fatalf("the other server received %d requests", reached.Load())
			}
			// A client of the caller's own keeps its policy.
			call, res = tokenCall(s.URL)
			if err := (&Client{HTTPClient: &http.Client{}}).Do(context.Background(), echo11, call); err != nil || res.Text != "hi" {
				t.Fatalf("with the caller's http.Client: %v, %+v", err, res)
			}
			reached.Store(0)
		})
	}
	t.Run("302 becomes a GET without body and is followed", func(t *testing.T) {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/login", http.StatusFound)
		}))
		defer s.Close()
		call, _ := tokenCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		if err != nil || reached.Load() != 1 {
			t.Fatalf("error %v, %d requests at the other server", err, reached.Load())
		}
	})
}
