package soapimpl

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

func TestRedactForms(t *testing.T) {
	s := secrets{}
	s.add(`7T:a<b&"c"`)
	for _, text := range []string{
		`ticket 7T:a<b&"c" is invalid`,                      // as sent
		`<p>ticket 7T:a&lt;b&amp;"c" is invalid</p>`,        // XML text
		`<p title="7T:a&lt;b&amp;&quot;c&quot;">x</p>`,      // XML attribute
		`<p>7T:a&lt;b&amp;&#34;c&#34;</p>`,                  // HTML (html.EscapeString)
		`strconv.ParseInt: parsing "7T:a<b&\"c\"": invalid`, // %q
	} {
		got := s.redact(text)
		if strings.Contains(got, "7T:a") || !strings.Contains(got, soap.Redacted) {
			t.Errorf("redact(%s) = %s", text, got)
		}
	}
	short := secrets{}
	short.add("abc")
	if len(short) != 0 {
		t.Errorf("a 3-character value was recorded as a secret: %q", short)
	}
	nested := secrets{}
	nested.add("token")
	nested.add("token-and-more")
	if got := nested.redact("x token-and-more y"); got != "x "+soap.Redacted+" y" {
		t.Errorf("nested secrets: %s", got)
	}
}

// The token the tests below send, and what a server may echo of it.
const testToken = "Tk-8f14e45fceea167a5a36dedd4bea2543"

// secretCall is a call whose header carries testToken in an element named "token".
func secretCall(endpoint string) (*Call, *echoResponse) {
	call, res := echoCall(endpoint)
	call.Header = auth(testToken)
	call.ResponseHeader = new(checkedHeader)
	return call, res
}

// checkRedacted fails if the secret shows in any way err can be printed, and unless soap.Redacted does
// (in the message, or in the excerpt when the message shows less of it).
func checkRedacted(t *testing.T, err error, secret string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	for _, verb := range []string{"%v", "%+v", "%s", "%q"} {
		msg := fmt.Sprintf(verb, err)
		if strings.Contains(msg, secret) {
			t.Errorf("%s shows the secret: %s", verb, msg)
		}
	}
	var he *soap.HTTPError
	if !strings.Contains(err.Error(), soap.Redacted) && !(errors.As(err, &he) && strings.Contains(he.Excerpt, soap.Redacted)) {
		t.Errorf("the message does not say something was redacted: %s", err)
	}
	// Each typed error in the chain is clean on its own too.
	if errors.As(err, &he) {
		if s := fmt.Sprintf("%s %+v", he, *he); strings.Contains(s, secret) {
			t.Errorf("the soap.HTTPError shows the secret: %s", s)
		}
	}
	var f *soap.Fault
	if errors.As(err, &f) {
		if s := fmt.Sprintf("%s %+v %+v", f, *f, f.Detail); strings.Contains(s, secret) {
			t.Errorf("the soap.Fault shows the secret: %s", s)
		}
	}
	var de *soap.DecodeError
	if errors.As(err, &de) {
		if strings.Contains(de.Error(), secret) {
			t.Errorf("the soap.DecodeError shows the secret: %s", de)
		}
	}
}

func TestSecretsRedacted(t *testing.T) {
	status := `<t:Status><t:succeeded>true</t:succeeded></t:Status>`
	tests := []struct {
		name  string
		reply cannedReply
		want  string // the exact message
	}{
		{"HTML page echoing the token", cannedReply{200, "text/html", `<html><body>Session expired for token ` + testToken + `. <a href="/login?t=` + testToken + `">Log in</a></body></html>`},
			`soap: Echo.Echo: HTTP 200 OK (text/html): not a SOAP envelope: "<html><body>Session expired for token [REDACTED]. <a href=\"/login?t=[REDACTED]\">Log in</a></body></html>"`},
		{"token XML-escaped in a page", cannedReply{403, "text/html", `<p>` + strings.ReplaceAll(testToken, "-", "&#45;") + `</p><p>` + testToken + `</p>`},
			`soap: Echo.Echo: HTTP 403 Forbidden (text/html): not a SOAP envelope: "<p>[REDACTED]</p><p>[REDACTED]</p>"`},
		{"SOAP 1.1 fault", cannedReply{500, "text/xml", env11("", `<s:Fault><faultcode>s:Client</faultcode><faultstring>Invalid ticket `+testToken+`</faultstring><faultactor>urn:`+testToken+`</faultactor><detail><t:Info t:token="`+testToken+`">`+testToken+`</t:Info></detail></s:Fault>`)},
			`soap: Echo.Echo: soap fault (SOAP 1.1, HTTP 500): Client: Invalid ticket [REDACTED]`},
		{"SOAP 1.2 fault", cannedReply{500, "application/soap+xml", env12("", `<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>`+testToken+`</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">bad `+testToken+`</env:Text><env:Text xml:lang="no">feil `+testToken+`</env:Text></env:Reason><env:Node>`+testToken+`</env:Node><env:Detail>`+testToken+`</env:Detail></env:Fault>`)},
			`soap: Echo.Echo: soap fault (SOAP 1.2, HTTP 500): Sender/[REDACTED]: bad [REDACTED]`},
		{"decoding error quoting the value", cannedReply{200, "text/xml", env11(status, `<t:EchoResponse><t:text>x</t:text><t:count>`+testToken+`</t:count></t:EchoResponse>`)},
			`soap: Echo.Echo: decode: Envelope/Body/EchoResponse/count (line 2, column 259): soap: "[REDACTED]" is not a valid xs:int`},
		{"header checker's error", cannedReply{200, "text/xml", env11(`<t:Status><t:succeeded>false</t:succeeded><t:message>ticket `+testToken+` expired</t:message></t:Status>`, echoReply)},
			`soap: Echo.Echo: api error: ticket [REDACTED] expired`},
		{"token at the end of the excerpt", cannedReply{502, "text/plain", strings.Repeat(".", maxExcerpt-10) + testToken + strings.Repeat(".", 100)},
			""},
		{"not XML", cannedReply{200, "text/plain", testToken + " <"},
			`soap: Echo.Echo: HTTP 200 OK (text/plain): not XML (decode: line 1, column 1: text before the root element): "[REDACTED] <"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, tt.reply)
			call, _ := secretCall(s.URL)
			err := new(Client).Do(context.Background(), echo11, call)
			checkRedacted(t, err, testToken)
			if tt.want != "" && err.Error() != tt.want {
				t.Errorf("message %s\nwant    %s", err, tt.want)
			}
			var he *soap.HTTPError
			if errors.As(err, &he) && strings.Contains(he.Excerpt, testToken[:8]) {
				t.Errorf("the excerpt shows part of the token: %q", he.Excerpt)
			}
		})
	}
}

func TestHTTPSecretsRedacted(t *testing.T) {
	t.Run("Authorization header", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{401, "text/plain", "bearer token " + testToken + " rejected"})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call, soap.WithHTTPHeader("Authorization", "Bearer "+testToken))
		checkRedacted(t, err, testToken)
	})
	t.Run("API key header", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{401, "text/plain", "key " + testToken + " rejected"})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call, soap.WithHTTPHeader("X-Api-Key", testToken))
		checkRedacted(t, err, testToken)
	})
	t.Run("password in the endpoint URL", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{401, "text/plain", "user:" + testToken + " rejected"})
		call, _ := echoCall(strings.Replace(s.URL, "http://", "http://user:"+testToken+"@", 1))
		err := new(Client).Do(context.Background(), echo11, call)
		checkRedacted(t, err, testToken)
	})
	t.Run("token in a redirect URL", func(t *testing.T) {
		mux := http.NewServeMux()
		mux.HandleFunc("/soap", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/login?ticket="+testToken, http.StatusFound)
		})
		mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<html>log in</html>"))
		})
		s, _ := newTestServer(t, cannedReply{})
		s.Config.Handler = mux
		call, _ := secretCall(s.URL + "/soap")
		err := new(Client).Do(context.Background(), echo11, call)
		checkRedacted(t, err, testToken)
		var he *soap.HTTPError
		if !errors.As(err, &he) || !strings.HasSuffix(he.URL, "/login?ticket="+soap.Redacted) {
			t.Errorf("error %v", err)
		}
	})
	t.Run("encoding error", func(t *testing.T) {
		call, _ := echoCall("http://soap.invalid/")
		call.Header = auth(testToken + "\x01")
		err := new(Client).Do(context.Background(), echo11, call)
		if err == nil || strings.Contains(fmt.Sprintf("%v %+v", err, err), testToken) {
			t.Errorf("error %v", err)
		}
	})
}

func TestRedactedErrorsUnwrap(t *testing.T) {
	s, _ := newTestServer(t, cannedReply{200, "text/xml", env11(`<t:Status><t:succeeded>false</t:succeeded><t:message>`+testToken+`</t:message></t:Status>`, echoReply)})
	call, _ := secretCall(s.URL)
	err := new(Client).Do(context.Background(), echo11, call)
	var ae *apiError
	if !errors.As(err, &ae) || ae.Message != testToken {
		t.Fatalf("errors.As does not reach the checker's own error: %v", err)
	}
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestRedactionGaps sends a secret in each way a call carries one and has the server echo it
// written otherwise: none of it may reach the error.
func TestRedactionGaps(t *testing.T) {
	const ticket = "7T:dXNlcj0xMjM/x+y=="
	refs := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			fmt.Fprintf(&b, "&#%d;", r)
		}
		return b.String()
	}
	ticketCall := func(endpoint string) *Call {
		call, _ := echoCall(endpoint)
		call.Header = auth(ticket)
		return call
	}
	tests := []struct {
		name  string
		reply cannedReply
		// call returns the call and its options for the server's URL.
		call   func(u string) (*Call, []soap.CallOption)
		secret string
	}{
		{"ticket URL-encoded in an HTML excerpt", cannedReply{401, "text/html", `<a href="/login?ReturnUrl=%2Fsoap%3Fticket%3D` + url.QueryEscape(url.QueryEscape(ticket)) + `&amp;t=` + url.QueryEscape(ticket) + `">log in</a>`},
			func(u string) (*Call, []soap.CallOption) { return ticketCall(u), nil }, ticket},
		{"ticket as decimal character references", cannedReply{500, "text/html", `<p>` + refs(ticket) + `</p>`},
			func(u string) (*Call, []soap.CallOption) { return ticketCall(u), nil }, ticket},
		{"ticket with hexadecimal references and &apos;", cannedReply{500, "text/xml", env11("", `<s:Fault><faultcode>s:Client</faultcode><faultstring>bad &apos;7T&#x3a;dXNlcj0xMjM&#x2F;x+y&#61;=&apos;</faultstring></s:Fault>`)},
			func(u string) (*Call, []soap.CallOption) { return ticketCall(u), nil }, ticket},
		{"ticket in JSON escapes", cannedReply{400, "application/json", `{"error":"ticket 7T\u003adXNlcj0xMjM\/x\u002by== expired"}`},
			func(u string) (*Call, []soap.CallOption) { return ticketCall(u), nil }, ticket},
		{"access_token in the endpoint's query string", cannedReply{401, "text/plain", "token " + testToken + " expired"},
			func(u string) (*Call, []soap.CallOption) {
				call, _ := echoCall(u + "/soap?access_token=" + testToken + "&x=1")
				return call, nil
			}, testToken},
		{"api key in the query string, echoed percent-encoded", cannedReply{401, "text/html", "<p>key " + url.QueryEscape(ticket) + " unknown</p>"},
			func(u string) (*Call, []soap.CallOption) {
				call, _ := echoCall(u + "/soap?api_key=" + url.QueryEscape(ticket))
				return call, nil
			}, ticket},
		{"Basic password given with WithHTTPHeader, echoed decoded", cannedReply{401, "text/plain", "user alice:" + testToken + " refused; password " + testToken},
			func(u string) (*Call, []soap.CallOption) {
				call, _ := echoCall(u)
				return call, []soap.CallOption{soap.WithHTTPHeader("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("alice:"+testToken)))}
			}, testToken},
		{"URL password echoed in the Authorization header", cannedReply{401, "text/plain", "bad header: Basic " + base64.StdEncoding.EncodeToString([]byte("alice:"+testToken))},
			func(u string) (*Call, []soap.CallOption) {
				call, _ := echoCall(strings.Replace(u, "http://", "http://alice:"+testToken+"@", 1))
				return call, nil
			}, base64.StdEncoding.EncodeToString([]byte("alice:" + testToken))},
		{"a cookie's value echoed alone", cannedReply{401, "text/plain", "session " + testToken + " expired"},
			func(u string) (*Call, []soap.CallOption) {
				call, _ := echoCall(u)
				return call, []soap.CallOption{soap.WithHTTPHeader("Cookie", "lang=en; session="+testToken)}
			}, testToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, tt.reply)
			call, opts := tt.call(s.URL)
			err := new(Client).Do(context.Background(), echo11, call, opts...)
			checkRedacted(t, err, tt.secret)
			// No piece of the secret's distinctive part either, however written.
			for _, piece := range []string{"dXNlcj0xMjM", "f14e45fceea167"} {
				if strings.Contains(tt.secret, piece) && strings.Contains(fmt.Sprintf("%v %+v", err, err), piece) {
					t.Errorf("the error shows part of the secret: %v", err)
				}
			}
		})
	}
}

// TestRedirectURLEncodedTicket follows a redirect whose URL carries the ticket percent-encoded, once
// and inside another URL: the HTTPError's URL and message show neither.
func TestRedirectURLEncodedTicket(t *testing.T) {
	const ticket = "7T:dXNlcj0xMjM/x+y=="
	mux := http.NewServeMux()
	mux.HandleFunc("/soap", func(w http.ResponseWriter, r *http.Request) {
		back := "/soap?ticket=" + url.QueryEscape(ticket)
		http.Redirect(w, r, "/login?t="+url.QueryEscape(ticket)+"&ReturnUrl="+url.QueryEscape(back), http.StatusFound)
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>log in</html>"))
	})
	s, _ := newTestServer(t, cannedReply{})
	s.Config.Handler = mux
	call, _ := echoCall(s.URL + "/soap")
	call.Header = auth(ticket)
	err := new(Client).Do(context.Background(), echo11, call)
	checkRedacted(t, err, url.QueryEscape(ticket))
	var he *soap.HTTPError
	if !errors.As(err, &he) || !strings.HasSuffix(he.URL, "/login?t="+soap.Redacted+"&ReturnUrl=%2Fsoap%3Fticket%3D"+soap.Redacted) {
		t.Errorf("URL %q", he.URL)
	}
	if strings.Contains(err.Error(), "dXNlcj0xMjM") {
		t.Errorf("error %v", err)
	}
}
