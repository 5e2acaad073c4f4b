package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

var (
	echo11 = &Operation{Name: "Echo.Echo", Action: "urn:sogen:test/Echo", Version: soap.V11, Request: tn("Echo"), Response: tn("EchoResponse"), Headers: []int{0}}
	echo12 = &Operation{Name: "Echo.Echo12", Action: "urn:sogen:test/Echo", Version: soap.V12, Request: tn("Echo"), Response: tn("EchoResponse"), Headers: []int{0}}
	notify = &Operation{Name: "Echo.Notify", Version: soap.V11, Request: tn("Notify")}
)

// seenRequest is what a test server received.
type seenRequest struct {
	Method, Path, ContentType string
	SOAPAction                []string // nil when absent
	Header                    http.Header
	Host                      string
	Body                      string
}

// cannedReply is a reply a test server sends.
type cannedReply struct {
	status      int
	contentType string
	body        string
}

// server starts an httptest server that records each request and answers with reply.
func newTestServer(t *testing.T, reply cannedReply) (*httptest.Server, func() seenRequest) {
	t.Helper()
	var mu sync.Mutex
	var last seenRequest
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		last = seenRequest{
			Method: r.Method, Path: r.URL.Path, ContentType: r.Header.Get("Content-Type"),
			SOAPAction: r.Header.Values("SOAPAction"), Header: r.Header.Clone(), Host: r.Host, Body: string(b),
		}
		mu.Unlock()
		if reply.contentType != "" {
			w.Header().Set("Content-Type", reply.contentType)
		}
		if reply.status != 0 {
			w.WriteHeader(reply.status)
		}
		io.WriteString(w, reply.body)
	}))
	t.Cleanup(s.Close)
	return s, func() seenRequest {
		mu.Lock()
		defer mu.Unlock()
		return last
	}
}

func env11(header, body string) string {
	h := ""
	if header != "" {
		h = "<s:Header>" + header + "</s:Header>"
	}
	return `<?xml version="1.0" encoding="utf-8"?>` + "\n" +
		`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:sogen:test">` + h +
		"<s:Body>" + body + "</s:Body></s:Envelope>"
}

func env12(header, body string) string {
	h := ""
	if header != "" {
		h = "<env:Header>" + header + "</env:Header>"
	}
	return `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:t="urn:sogen:test">` + h +
		"<env:Body>" + body + "</env:Body></env:Envelope>"
}

const echoReply = `<t:EchoResponse><t:text>hi</t:text><t:count>3</t:count></t:EchoResponse>`

func echoCall(endpoint string) (*Call, *echoResponse) {
	res := new(echoResponse)
	return &Call{
		Endpoint:   endpoint,
		Namespaces: []string{testNS},
		Request:    &echoRequest{Text: "hi", Count: 3},
		Response:   res,
	}, res
}

func TestRequest(t *testing.T) {
	const body11 = `<?xml version="1.0" encoding="utf-8"?>` +
		`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns1="urn:sogen:test">` +
		`<soap:Header><ns1:Auth><ns1:token>s3cret</ns1:token></ns1:Auth></soap:Header>` +
		`<soap:Body><ns1:Echo><ns1:text>hi</ns1:text><ns1:count>3</ns1:count></ns1:Echo></soap:Body>` +
		`</soap:Envelope>`

	t.Run("SOAP 1.1 exact request", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{contentType: "text/xml; charset=utf-8", body: env11("", echoReply)})
		call, _ := echoCall(s.URL + "/services/echo")
		call.Header = auth("s3cret")
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		g := got()
		want := seenRequest{Method: "POST", Path: "/services/echo", ContentType: "text/xml; charset=utf-8",
			SOAPAction: []string{`"urn:sogen:test/Echo"`}, Body: body11}
		if diff := cmp.Diff(want, g, cmpSeen); diff != "" {
			t.Errorf("request (-want +got):\n%s", diff)
		}
	})

	t.Run("SOAP 1.1 empty action is sent as a quoted empty string", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env11("", "")})
		op := &Operation{Name: "X.Notify", Version: soap.V11, Request: tn("Notify")}
		if err := new(Client).Do(context.Background(), op, &Call{Endpoint: s.URL}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{`""`}, got().SOAPAction); diff != "" {
			t.Errorf("SOAPAction (-want +got):\n%s", diff)
		}
	})

	t.Run("SOAP 1.1 action with quote and backslash is escaped", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env11("", "")})
		op := &Operation{Name: "X.Notify", Action: `urn:a"b\c`, Version: soap.V11, Request: tn("Notify")}
		if err := new(Client).Do(context.Background(), op, &Call{Endpoint: s.URL}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{`"urn:a\"b\\c"`}, got().SOAPAction); diff != "" {
			t.Errorf("SOAPAction (-want +got):\n%s", diff)
		}
	})

	t.Run("SOAP 1.2 request", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{contentType: "application/soap+xml; charset=utf-8", body: env12("", echoReply)})
		call, res := echoCall(s.URL + "/svc")
		if err := new(Client).Do(context.Background(), echo12, call); err != nil {
			t.Fatal(err)
		}
		g := got()
		want := seenRequest{Method: "POST", Path: "/svc", ContentType: `application/soap+xml; charset=utf-8; action="urn:sogen:test/Echo"`,
			Body: `<?xml version="1.0" encoding="utf-8"?>` +
				`<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns1="urn:sogen:test">` +
				`<soap:Body><ns1:Echo><ns1:text>hi</ns1:text><ns1:count>3</ns1:count></ns1:Echo></soap:Body></soap:Envelope>`}
		if diff := cmp.Diff(want, g, cmpSeen); diff != "" {
			t.Errorf("request (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(&echoResponse{Text: "hi", Count: 3}, res); diff != "" {
			t.Errorf("result (-want +got):\n%s", diff)
		}
	})

	t.Run("SOAP 1.2 without action has no action parameter", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env12("", "")})
		op := &Operation{Name: "X.Notify", Version: soap.V12, Request: tn("Notify")}
		if err := new(Client).Do(context.Background(), op, &Call{Endpoint: s.URL}); err != nil {
			t.Fatal(err)
		}
		g := got()
		if g.ContentType != "application/soap+xml; charset=utf-8" || g.SOAPAction != nil {
			t.Errorf("Content-Type %q, SOAPAction %q; want application/soap+xml; charset=utf-8 and none", g.ContentType, g.SOAPAction)
		}
	})

	t.Run("header function writing nothing gives no Header element", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env11("", echoReply)})
		call, _ := echoCall(s.URL)
		call.Header = (*authHeader)(nil)
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if b := got().Body; strings.Contains(b, "Header") || !strings.Contains(b, `xmlns:ns1="urn:sogen:test"><soap:Body>`) {
			t.Errorf("body %s: want no Header element", b)
		}
	})
}

// cmpSeen compares the recorded requests without the full header map.
var cmpSeen = cmp.FilterPath(func(p cmp.Path) bool {
	return p.Last().String() == ".Header" || p.Last().String() == ".Host"
}, cmp.Ignore())

func TestReply(t *testing.T) {
	t.Run("headers and body", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{contentType: "text/xml", body: env11(
			`<t:Other s:mustUnderstand="0"><t:x><t:y/></t:x></t:Other>`+
				`<t:Status><t:succeeded>true</t:succeeded><t:message>fine</t:message><t:extra>1</t:extra></t:Status>`,
			echoReply+`<t:Trailing/>`)})
		call, res := echoCall(s.URL)
		hdr := new(statusHeader)
		call.ResponseHeader = hdr
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&echoResponse{Text: "hi", Count: 3}, res); diff != "" {
			t.Errorf("result (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(&statusHeader{Status: &statusBlock{Succeeded: true, Message: "fine"}}, hdr); diff != "" {
			t.Errorf("header (-want +got):\n%s", diff)
		}
	})

	t.Run("whitespace and comments around the body element", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", "\n  <!-- c -->\n  "+echoReply+"\n")})
		call, res := echoCall(s.URL)
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if res.Text != "hi" || res.Count != 3 {
			t.Errorf("result %+v", res)
		}
	})

	t.Run("ResponseChecker error", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11(`<t:Status><t:succeeded>false</t:succeeded><t:message>ticket expired</t:message></t:Status>`, echoReply)})
		call, res := echoCall(s.URL)
		call.ResponseHeader = new(checkedHeader)
		err := new(Client).Do(context.Background(), echo11, call)
		var ae *apiError
		if !errors.As(err, &ae) || ae.Message != "ticket expired" {
			t.Fatalf("error %v: want an *apiError with the message", err)
		}
		if got, want := err.Error(), "soap: Echo.Echo: api error: ticket expired"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
		if res.Text != "hi" {
			t.Errorf("the result was not decoded: %+v", res)
		}
		if !soap.ResultDecoded(err) {
			t.Error("soap.ResultDecoded = false for a header failure of a reply whose body was decoded")
		}
	})

	t.Run("ResponseChecker error with a body that cannot be used", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11(`<t:Status><t:succeeded>false</t:succeeded><t:message>ticket expired</t:message></t:Status>`, ``)})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = new(checkedHeader)
		err := new(Client).Do(context.Background(), echo11, call)
		var ae *apiError
		if !errors.As(err, &ae) || ae.Message != "ticket expired" {
			t.Fatalf("error %v: want an *apiError with the message", err)
		}
		if want := "soap: Echo.Echo: api error: ticket expired (and the reply body could not be used: "; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("message %q, want it to start with %q", err, want)
		}
		if soap.ResultDecoded(err) {
			t.Error("soap.ResultDecoded = true, but the body was not decoded")
		}
	})

	t.Run("a header block the decoder knows, twice", func(t *testing.T) {
		// Last one wins would make this reply a success.
		s, _ := newTestServer(t, cannedReply{body: env11(
			`<t:Status><t:succeeded>false</t:succeeded><t:message>ticket expired</t:message></t:Status>`+
				`<t:Status><t:succeeded>true</t:succeeded></t:Status>`, echoReply)})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = new(checkedHeader)
		err := new(Client).Do(context.Background(), echo11, call)
		var de *soap.DecodeError
		if !errors.As(err, &de) || de.Path != "Envelope/Header/Status" {
			t.Fatalf("error %v: want a *soap.DecodeError at Envelope/Header/Status", err)
		}
		if want := "the reply carries the header block {urn:sogen:test}Status more than once"; de.Err.Error() != want {
			t.Errorf("error %q, want %q", de.Err, want)
		}
		if soap.ResultDecoded(err) {
			t.Error("soap.ResultDecoded = true for a reply that could not be decoded")
		}
	})

	t.Run("a header block twice in two Header elements", func(t *testing.T) {
		hdr := `<t:Status><t:succeeded>true</t:succeeded></t:Status>`
		s, _ := newTestServer(t, cannedReply{body: `<s:Envelope xmlns:s="` + envelope[soap.V11] + `" xmlns:t="` + testNS + `">` +
			`<s:Header>` + hdr + `</s:Header><s:Header>` + hdr + `</s:Header><s:Body>` + echoReply + `</s:Body></s:Envelope>`})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = new(statusHeader)
		err := new(Client).Do(context.Background(), echo11, call)
		if err == nil || !strings.Contains(err.Error(), "more than once") {
			t.Fatalf("error %v: want the repeated block refused", err)
		}
	})

	t.Run("an unknown header block twice is skipped", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11(`<t:Other/><t:Other/><t:Status><t:succeeded>true</t:succeeded></t:Status>`, echoReply)})
		call, _ := echoCall(s.URL)
		hdr := new(statusHeader)
		call.ResponseHeader = hdr
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if !hdr.succeeded() {
			t.Errorf("header %+v", hdr)
		}
	})

	t.Run("ResponseChecker success", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11(`<t:Status><t:succeeded>true</t:succeeded></t:Status>`, echoReply)})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = new(checkedHeader)
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ResponseChecker is not called after a fault", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 500, body: env11("", `<s:Fault><faultcode>s:Server</faultcode><faultstring>boom</faultstring></s:Fault>`)})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = new(checkedHeader)
		err := new(Client).Do(context.Background(), echo11, call)
		var f *soap.Fault
		if !errors.As(err, &f) {
			t.Fatalf("error %v: want a *soap.Fault", err)
		}
		if soap.ResultDecoded(err) {
			t.Error("soap.ResultDecoded = true for a fault")
		}
	})

	t.Run("typed nil ResponseHeader is ignored", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11(`<t:Status><t:succeeded>true</t:succeeded></t:Status>`, echoReply)})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = (*statusHeader)(nil)
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("error from the header decoder", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11(`<t:Status><t:succeeded><b/></t:succeeded></t:Status>`, echoReply)})
		call, _ := echoCall(s.URL)
		call.ResponseHeader = new(statusHeader)
		err := new(Client).Do(context.Background(), echo11, call)
		var de *soap.DecodeError
		if !errors.As(err, &de) || de.Path != "Envelope/Header/Status/succeeded/b" {
			t.Fatalf("error %v: want a *soap.DecodeError at Envelope/Header/Status/succeeded/b", err)
		}
	})

	t.Run("nil Result skips the body element", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", echoReply)})
		call, _ := echoCall(s.URL)
		call.Response = nil
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("wrong body element", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", `<t:PingResponse/>`)})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var de *soap.DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("error %v: want a *soap.DecodeError", err)
		}
		want := "soap: Echo.Echo: decode: Envelope/Body/PingResponse (line 2, column 115): " +
			"unexpected element {urn:sogen:test}PingResponse in the reply Body, expected {urn:sogen:test}EchoResponse"
		if err.Error() != want {
			t.Errorf("message\n%s\nwant\n%s", err, want)
		}
	})

	t.Run("empty Body for a request-response operation", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", "")})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		if err == nil || !strings.Contains(err.Error(), "the reply Body is empty, expected element {urn:sogen:test}EchoResponse") {
			t.Fatalf("error %v", err)
		}
	})

	t.Run("envelope without Body", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/></s:Envelope>`})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		if err == nil || !strings.Contains(err.Error(), "the SOAP 1.1 envelope has no Body") {
			t.Fatalf("error %v", err)
		}
	})

	t.Run("truncated envelope", func(t *testing.T) {
		full := env11("", echoReply)
		s, _ := newTestServer(t, cannedReply{body: full[:len(full)-40]})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var de *soap.DecodeError
		var se *xml.SyntaxError
		if !errors.As(err, &de) || !errors.As(err, &se) || !strings.HasPrefix(se.Msg, "unexpected EOF") {
			t.Fatalf("error %v: want a *soap.DecodeError wrapping an unexpected EOF *xml.SyntaxError", err)
		}
		if de.Line != 2 || de.Column == 0 || !strings.Contains(err.Error(), "line 2, column") {
			t.Errorf("error %v: want the position", err)
		}
		if strings.Count(err.Error(), "soap:") != 1 {
			t.Errorf("error %q: want one soap: prefix", err)
		}
	})

	t.Run("XML syntax error inside the envelope", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", `<t:EchoResponse><t:text>a & b</t:text></t:EchoResponse>`)})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var de *soap.DecodeError
		var se *xml.SyntaxError
		if !errors.As(err, &de) || !errors.As(err, &se) || de.Line != 2 {
			t.Fatalf("error %v: want a *soap.DecodeError on line 2 wrapping an *xml.SyntaxError", err)
		}
	})

	t.Run("SOAP 1.2 reply to a SOAP 1.1 operation", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env12("", echoReply)})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		want := "soap: Echo.Echo: decode: Envelope/Body/EchoResponse (line 1, column 118): the reply is a SOAP 1.2 envelope, the operation expects SOAP 1.1"
		var de *soap.DecodeError
		if err == nil || err.Error() != want || !errors.As(err, &de) {
			t.Fatalf("error %v, want the *soap.DecodeError %s", err, want)
		}
	})

	t.Run("SOAP 1.1 reply to a SOAP 1.2 operation", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", echoReply)})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo12, call)
		want := "soap: Echo.Echo12: decode: Envelope/Body/EchoResponse (line 2, column 114): the reply is a SOAP 1.1 envelope, the operation expects SOAP 1.2"
		var de *soap.DecodeError
		if err == nil || err.Error() != want || !errors.As(err, &de) {
			t.Fatalf("error %v, want the *soap.DecodeError %s", err, want)
		}
	})

	t.Run("xsi:type resolved through call.Types", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", `<t:EchoResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:any xsi:type="t:Thing"><t:text>x</t:text></t:any></t:EchoResponse>`)})
		res := new(anyHolder)
		call := &Call{Endpoint: s.URL, Response: res, Types: NewRegistry([]*Type{tableThing})}
		if err := new(Client).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&thing{Text: "x"}, res.V); diff != "" {
			t.Errorf("value (-want +got):\n%s", diff)
		}
	})
}

func TestHTTPErrors(t *testing.T) {
	const login = "<!DOCTYPE html>\r\n<html><head><title>Sign in</title></head><body><form>Password:</form></body></html>"

	t.Run("HTML login page with status 200", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{contentType: "text/html; charset=utf-8", body: login})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) {
			t.Fatalf("error %v: want an *soap.HTTPError", err)
		}
		wantMsg := `soap: Echo.Echo: HTTP 200 OK (text/html; charset=utf-8): not XML (decode: line 1, column 1: document type declarations are not accepted): "<!DOCTYPE html> <html><head><title>Sign in</title></head><body><form>Password:</form></body></html>"`
		if err.Error() != wantMsg {
			t.Errorf("message\n%s\nwant\n%s", err, wantMsg)
		}
		var de *soap.DecodeError
		if !errors.As(he.Err, &de) || !errors.As(err, &de) {
			t.Errorf("Err %v: want a *soap.DecodeError", he.Err)
		}
		he.Err = nil
		want := &soap.HTTPError{StatusCode: 200, Status: "200 OK", ContentType: "text/html; charset=utf-8",
			Excerpt: strings.Replace(login, "\r\n", "\n", 1), Reason: "not XML"}
		if diff := cmp.Diff(want, he); diff != "" {
			t.Errorf("soap.HTTPError (-want +got):\n%s", diff)
		}
	})

	t.Run("HTML login page after a 302 redirect", func(t *testing.T) {
		mux := http.NewServeMux()
		mux.HandleFunc("/soap", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/login?next=soap", http.StatusFound)
		})
		mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><body><h1>Log in</h1></body></html>`)
		})
		s := httptest.NewServer(mux)
		defer s.Close()
		call, _ := echoCall(s.URL + "/soap")
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) {
			t.Fatalf("error %v: want an *soap.HTTPError", err)
		}
		want := &soap.HTTPError{StatusCode: 200, Status: "200 OK", ContentType: "text/html",
			Excerpt: `<html><body><h1>Log in</h1></body></html>`, Reason: "not a SOAP envelope", URL: s.URL + "/login?next=soap"}
		if diff := cmp.Diff(want, he); diff != "" {
			t.Errorf("soap.HTTPError (-want +got):\n%s", diff)
		}
		if !strings.Contains(err.Error(), "after redirect to "+s.URL+"/login?next=soap: not a SOAP envelope") {
			t.Errorf("message %q", err)
		}
	})

	t.Run("502 text/plain from a proxy", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 502, contentType: "text/plain", body: "upstream connect error\n"})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) {
			t.Fatalf("error %v: want an *soap.HTTPError", err)
		}
		he.Err = nil
		want := &soap.HTTPError{StatusCode: 502, Status: "502 Bad Gateway", ContentType: "text/plain",
			Excerpt: "upstream connect error\n", Reason: "not XML"}
		if diff := cmp.Diff(want, he); diff != "" {
			t.Errorf("soap.HTTPError (-want +got):\n%s", diff)
		}
	})

	t.Run("non-2xx envelope without fault", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 503, contentType: "text/xml", body: env11("", echoReply)})
		call, res := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) || he.StatusCode != 503 || he.Reason != "HTTP status" || he.Status != "503 Service Unavailable" {
			t.Fatalf("error %#v: want an *soap.HTTPError 503 with Reason HTTP status", err)
		}
		if res.Text != "" {
			t.Errorf("the result was decoded: %+v", res)
		}
	})

	t.Run("XML that is not an envelope", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 200, contentType: "text/xml", body: `<error><code>42</code></error>`})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) || he.Reason != "not a SOAP envelope" || he.Err != nil {
			t.Fatalf("error %v: want an *soap.HTTPError not a SOAP envelope", err)
		}
	})

	t.Run("Envelope in an unknown namespace", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: `<Envelope xmlns="http://www.w3.org/2001/12/soap-envelope"><Body/></Envelope>`})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) || he.Reason != "not a SOAP envelope" {
			t.Fatalf("error %v: want an *soap.HTTPError not a SOAP envelope", err)
		}
	})

	t.Run("empty 200 body for a request-response operation", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 200})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call)
		var he *soap.HTTPError
		if !errors.As(err, &he) {
			t.Fatalf("error %v: want an *soap.HTTPError", err)
		}
		want := &soap.HTTPError{StatusCode: 200, Status: "200 OK", Reason: "empty body"}
		if diff := cmp.Diff(want, he); diff != "" {
			t.Errorf("soap.HTTPError (-want +got):\n%s", diff)
		}
		if got, want := err.Error(), "soap: Echo.Echo: HTTP 200 OK: empty body"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})

	t.Run("empty 500 body for a one-way operation", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 500})
		err := new(Client).Do(context.Background(), notify, &Call{Endpoint: s.URL})
		var he *soap.HTTPError
		if !errors.As(err, &he) || he.Reason != "empty body" || he.StatusCode != 500 {
			t.Fatalf("error %v: want an *soap.HTTPError 500 empty body", err)
		}
	})

	for _, status := range []int{200, 202, 204} {
		t.Run(fmt.Sprintf("empty %d body for a one-way operation", status), func(t *testing.T) {
			s, got := newTestServer(t, cannedReply{status: status})
			if err := new(Client).Do(context.Background(), notify, &Call{Endpoint: s.URL, Request: &echoRequest{Text: "x"}}); err != nil {
				t.Fatal(err)
			}
			if g := got(); !strings.Contains(g.Body, "<ns1:Notify") {
				t.Errorf("request body %s", g.Body)
			}
		})
	}

	t.Run("one-way operation answered with an envelope", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 200, body: env11("", `<t:Ack/>`)})
		if err := new(Client).Do(context.Background(), notify, &Call{Endpoint: s.URL}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestResponseTooLarge(t *testing.T) {
	big := env11("", `<t:EchoResponse><t:text>`+strings.Repeat("x", 4000)+`</t:text></t:EchoResponse>`)
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !chunked {
					w.Header().Set("Content-Length", strconv.Itoa(len(big)))
				}
				io.WriteString(w, big[:2000])
				w.(http.Flusher).Flush()
				io.WriteString(w, big[2000:])
			}))
			defer s.Close()
			call, _ := echoCall(s.URL)
			err := (&Client{MaxResponseSize: 1024}).Do(context.Background(), echo11, call)
			if !errors.Is(err, soap.ErrResponseTooLarge) {
				t.Fatalf("error %v: want soap.ErrResponseTooLarge", err)
			}
			if got, want := err.Error(), "soap: Echo.Echo: response too large: more than 1024 bytes (MaxResponseSize)"; got != want {
				t.Errorf("message %q, want %q", got, want)
			}
		})
	}

	t.Run("exactly at the limit", func(t *testing.T) {
		body := env11("", echoReply)
		s, _ := newTestServer(t, cannedReply{body: body})
		call, _ := echoCall(s.URL)
		if err := (&Client{MaxResponseSize: int64(len(body))}).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
	})
}

// goroutineCheck returns a function that fails t if more goroutines run than when it was called,
// after giving them time to end.
func goroutineCheck(t *testing.T) func() {
	before := runtime.NumGoroutine()
	return func() {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<16)
				buf = buf[:runtime.Stack(buf, true)]
				t.Errorf("%d goroutines, %d before:\n%s", runtime.NumGoroutine(), before, buf)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

func TestDeadline(t *testing.T) {
	check := goroutineCheck(t)
	release := make(chan struct{})
	var started atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	tr := &http.Transport{}
	client := &Client{HTTPClient: &http.Client{Transport: tr}}

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	start := time.Now()
	call, _ := echoCall(s.URL)
	err := client.Do(ctx, echo11, call)
	elapsed := time.Since(start)
	cancel()

	close(release)
	s.Close()
	tr.CloseIdleConnections()

	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v: want context.DeadlineExceeded", err)
	}
	if !strings.HasPrefix(fmt.Sprint(err), "soap: Echo.Echo: ") {
		t.Errorf("message %q", err)
	}
	if elapsed > 3*time.Second {
		t.Errorf("Do returned after %v", elapsed)
	}
	if started.Load() != 1 {
		t.Errorf("handler ran %d times", started.Load())
	}
	check()
}

func TestDeadlineWhileReadingBody(t *testing.T) {
	check := goroutineCheck(t)
	release := make(chan struct{})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>`)
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	tr := &http.Transport{}
	client := &Client{HTTPClient: &http.Client{Transport: tr}}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	call, _ := echoCall(s.URL)
	err := client.Do(ctx, echo11, call)
	cancel()
	close(release)
	s.Close()
	tr.CloseIdleConnections()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v: want context.DeadlineExceeded", err)
	}
	check()
}

// recordingTransport records the requests it forwards.
type recordingTransport struct {
	mu   sync.Mutex
	urls []string
}

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rt.mu.Lock()
	rt.urls = append(rt.urls, r.Method+" "+r.URL.String()+" SOAPAction="+r.Header.Get("SOAPAction"))
	rt.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func TestOptions(t *testing.T) {
	t.Run("the caller's http.Client is used", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{body: env11("", echoReply)})
		rt := new(recordingTransport)
		call, _ := echoCall(s.URL + "/a")
		if err := (&Client{HTTPClient: &http.Client{Transport: rt}}).Do(context.Background(), echo11, call); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"POST " + s.URL + `/a SOAPAction="urn:sogen:test/Echo"`}, rt.urls); diff != "" {
			t.Errorf("calls (-want +got):\n%s", diff)
		}
	})

	t.Run("soap.WithEndpoint", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env11("", echoReply)})
		call, _ := echoCall("http://127.0.0.1:1/unused")
		if err := new(Client).Do(context.Background(), echo11, call, soap.WithEndpoint(s.URL+"/other")); err != nil {
			t.Fatal(err)
		}
		if p := got().Path; p != "/other" {
			t.Errorf("path %q", p)
		}
	})

	t.Run("no endpoint", func(t *testing.T) {
		// The errors name what the user set: the generated client's field (Caller), the Call's, or
		// the option.
		call, _ := echoCall("")
		err := new(Client).Do(context.Background(), echo11, call)
		if want := "soap: Echo.Echo: Call.Endpoint is empty: set it, or pass soap.WithEndpoint"; err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
		call.Caller = "echo.EchoClient"
		err = new(Client).Do(context.Background(), echo11, call)
		if want := "soap: Echo.Echo: echo.EchoClient.Endpoint is empty: set it, or pass soap.WithEndpoint"; err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
		call.Endpoint = "http://127.0.0.1:1/"
		err = new(Client).Do(context.Background(), echo11, call, soap.WithEndpoint(""))
		if want := "soap: Echo.Echo: soap.WithEndpoint was given an empty URL"; err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
		err = new(Client).Do(context.Background(), echo11, call, soap.WithEndpoint("://y"))
		if want := `soap: Echo.Echo: soap.WithEndpoint: parse "://y": missing protocol scheme`; err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
	})

	t.Run("soap.WithHTTPHeader", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env11("", echoReply)})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo11, call,
			soap.WithHTTPHeader("X-Trace", "a"), soap.WithHTTPHeader("x-trace", "b"),
			soap.WithHTTPHeader("Authorization", "Bearer t"),
			soap.WithHTTPHeader("SOAPAction", `"urn:override"`),
			soap.WithHTTPHeader("Host", "example.test"),
			nil)
		if err != nil {
			t.Fatal(err)
		}
		g := got()
		if diff := cmp.Diff([]string{"a", "b"}, g.Header.Values("X-Trace")); diff != "" {
			t.Errorf("X-Trace (-want +got):\n%s", diff)
		}
		if v := g.Header.Get("Authorization"); v != "Bearer t" {
			t.Errorf("Authorization %q", v)
		}
		if diff := cmp.Diff([]string{`"urn:override"`}, g.SOAPAction); diff != "" {
			t.Errorf("SOAPAction (-want +got):\n%s", diff)
		}
		if g.Host != "example.test" {
			t.Errorf("Host %q", g.Host)
		}
		if diff := cmp.Diff([]string{"text/xml; charset=utf-8"}, g.Header.Values("Content-Type")); diff != "" {
			t.Errorf("Content-Type (-want +got):\n%s", diff)
		}
	})

	t.Run("soap.WithHTTPHeader replaces Content-Type", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env12("", echoReply)})
		call, _ := echoCall(s.URL)
		if err := new(Client).Do(context.Background(), echo12, call, soap.WithHTTPHeader("content-type", "application/soap+xml")); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"application/soap+xml"}, got().Header.Values("Content-Type")); diff != "" {
			t.Errorf("Content-Type (-want +got):\n%s", diff)
		}
	})

	t.Run("soap.WithRequestHeader and soap.WithResponseHeader through generated-style code", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{body: env11(`<t:Status><t:succeeded>true</t:succeeded></t:Status>`, echoReply)})
		gc := &genClient{endpoint: s.URL, header: auth("default")}

		if _, err := gc.Echo(context.Background(), &echoRequest{Text: "hi"}); err != nil {
			t.Fatal(err)
		}
		if b := got().Body; !strings.Contains(b, "<ns1:token>default</ns1:token>") {
			t.Errorf("default header not sent: %s", b)
		}

		out := new(statusHeader)
		if _, err := gc.Echo(context.Background(), &echoRequest{Text: "hi"},
			soap.WithRequestHeader(auth("ptr")), soap.WithResponseHeader(out)); err != nil {
			t.Fatal(err)
		}
		if b := got().Body; !strings.Contains(b, "<ns1:token>ptr</ns1:token>") {
			t.Errorf("pointer header not sent: %s", b)
		}
		if !out.succeeded() {
			t.Errorf("response header %+v", out)
		}

		if _, err := gc.Echo(context.Background(), &echoRequest{Text: "hi"}, soap.WithRequestHeader(*auth("value"))); err != nil {
			t.Fatal(err)
		}
		if b := got().Body; !strings.Contains(b, "<ns1:token>value</ns1:token>") {
			t.Errorf("value header not sent: %s", b)
		}

		if _, err := gc.Echo(context.Background(), &echoRequest{Text: "hi"}, soap.WithRequestHeader(nil)); err != nil {
			t.Fatal(err)
		}
		if b := got().Body; strings.Contains(b, "Header") {
			t.Errorf("header sent despite soap.WithRequestHeader(nil): %s", b)
		}
	})
}

// genClient mimics a generated client method using the option helpers.
type genClient struct {
	endpoint string
	header   *authHeader
	client   Client
}

func (c *genClient) Echo(ctx context.Context, req *echoRequest, opts ...soap.CallOption) (*echoResponse, error) {
	h, err := RequestHeaderFrom(c.header, opts)
	if err != nil {
		return nil, err
	}
	var local statusHeader
	rh, err := ResponseHeaderFrom(&local, opts)
	if err != nil {
		return nil, err
	}
	res := new(echoResponse)
	err = c.client.Do(ctx, echo11, &Call{
		Endpoint: c.endpoint, Namespaces: []string{testNS}, Header: h,
		Request: req, Response: res, ResponseHeader: rh,
	}, opts...)
	if err != nil {
		return nil, err
	}
	return res, nil
}

func TestHeaderFrom(t *testing.T) {
	def := auth("def")
	t.Run("request default", func(t *testing.T) {
		h, err := RequestHeaderFrom(def, []soap.CallOption{soap.WithEndpoint("x")})
		if err != nil || h != def {
			t.Fatalf("got %v, %v; want the default", h, err)
		}
	})
	t.Run("request pointer", func(t *testing.T) {
		p := auth("p")
		h, err := RequestHeaderFrom(def, []soap.CallOption{soap.WithRequestHeader(&authHeader{}), soap.WithRequestHeader(p)})
		if err != nil || h != p {
			t.Fatalf("got %v, %v; want the last pointer given", h, err)
		}
	})
	t.Run("request value", func(t *testing.T) {
		h, err := RequestHeaderFrom(def, []soap.CallOption{soap.WithRequestHeader(*auth("v"))})
		if err != nil || h == nil || h.Auth.Token != "v" {
			t.Fatalf("got %v, %v; want a copy of the value", h, err)
		}
	})
	t.Run("request nil", func(t *testing.T) {
		h, err := RequestHeaderFrom(def, []soap.CallOption{soap.WithRequestHeader(nil)})
		if err != nil || h != nil {
			t.Fatalf("got %v, %v; want nil", h, err)
		}
	})
	t.Run("request wrong type", func(t *testing.T) {
		_, err := RequestHeaderFrom(def, []soap.CallOption{soap.WithRequestHeader(&statusHeader{})})
		want := "soap: WithRequestHeader: got a *soapimpl.statusHeader, want *soapimpl.authHeader or soapimpl.authHeader (to send a header block of another type, use soap.WithHeaderBlock)"
		if err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
	})
	local := new(statusHeader)
	t.Run("response default", func(t *testing.T) {
		h, err := ResponseHeaderFrom(local, nil)
		if err != nil || h != local {
			t.Fatalf("got %v, %v; want local", h, err)
		}
	})
	t.Run("response given", func(t *testing.T) {
		dst := &statusHeader{Status: &statusBlock{Succeeded: true, Message: "from an earlier reply"}}
		h, err := ResponseHeaderFrom(local, []soap.CallOption{soap.WithResponseHeader(dst)})
		if err != nil || h != dst {
			t.Fatalf("got %v, %v; want dst", h, err)
		}
		// It is reset: it will hold only what this call's reply carries.
		if *dst != (statusHeader{}) {
			t.Errorf("dst = %+v, want it reset to the zero value", *dst)
		}
	})
	t.Run("response untyped nil", func(t *testing.T) {
		h, err := ResponseHeaderFrom(local, []soap.CallOption{soap.WithResponseHeader(nil)})
		if err != nil || h != local {
			t.Fatalf("got %v, %v; want local", h, err)
		}
	})
	t.Run("response nil pointer", func(t *testing.T) {
		_, err := ResponseHeaderFrom(local, []soap.CallOption{soap.WithResponseHeader((*statusHeader)(nil))})
		want := "soap: WithResponseHeader: got a nil *soapimpl.statusHeader, want a non-nil one"
		if err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
	})
	t.Run("response wrong type", func(t *testing.T) {
		for _, v := range []any{statusHeader{}, &authHeader{}} {
			_, err := ResponseHeaderFrom(local, []soap.CallOption{soap.WithResponseHeader(v)})
			want := fmt.Sprintf("soap: WithResponseHeader: got a %T, want a non-nil *soapimpl.statusHeader", v)
			if err == nil || err.Error() != want {
				t.Errorf("error %v, want %s", err, want)
			}
		}
	})
}

func TestDoArguments(t *testing.T) {
	for _, tc := range []struct {
		name string
		op   *Operation
		call *Call
		want string
	}{
		{"nil operation", nil, &Call{}, "soap: Invoke: nil Operation"},
		{"nil call", echo11, nil, "soap: Echo.Echo: nil Call"},
		{"bad version", &Operation{Name: "X.Y"}, &Call{Endpoint: "http://x"}, "soap: X.Y: invalid SOAP version 0 in the Operation"},
		{"bad endpoint", echo11, &Call{Endpoint: "://x"}, `soap: Echo.Echo: Call.Endpoint: parse "://x": missing protocol scheme`},
		{"bad endpoint of a client", echo11, &Call{Endpoint: "://x", Caller: "echo.EchoClient"}, `soap: Echo.Echo: echo.EchoClient.Endpoint: parse "://x": missing protocol scheme`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := new(Client).Do(context.Background(), tc.op, tc.call)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}

	t.Run("encoding error is returned without sending", func(t *testing.T) {
		var n atomic.Int32
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1) }))
		defer s.Close()
		call, _ := echoCall(s.URL)
		call.Request = &echoRequest{Text: "bad \x01 char"}
		err := new(Client).Do(context.Background(), echo11, call)
		want := "soap: Echo.Echo: encoding the request: text holds character U+0001, which XML 1.0 cannot carry"
		if err == nil || err.Error() != want {
			t.Errorf("error %v, want %s", err, want)
		}
		if n.Load() != 0 {
			t.Errorf("%d requests sent", n.Load())
		}
	})
}

func TestConcurrent(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		// Echo the text back.
		_, rest, _ := strings.Cut(string(b), "<ns1:text>")
		text, _, _ := strings.Cut(rest, "</ns1:text>")
		io.WriteString(w, env11(`<t:Status><t:succeeded>true</t:succeeded><t:message>`+text+`</t:message></t:Status>`,
			`<t:EchoResponse><t:text>`+text+`</t:text><t:count>7</t:count></t:EchoResponse>`))
	}))
	defer s.Close()
	client := new(Client)
	var wg sync.WaitGroup
	errs := make([]error, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text := "call-" + strconv.Itoa(i)
			res := new(echoResponse)
			hdr := new(statusHeader)
			err := client.Do(context.Background(), echo11, &Call{
				Endpoint: s.URL, Namespaces: []string{testNS},
				Request: &echoRequest{Text: text, Count: int32(i)}, Response: res, ResponseHeader: hdr,
			})
			switch {
			case err != nil:
				errs[i] = err
			case res.Text != text || res.Count != 7 || hdr.Status == nil || hdr.Status.Message != text:
				errs[i] = fmt.Errorf("call %d: got %+v %+v", i, res, hdr)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
