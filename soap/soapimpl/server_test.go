package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// echoServer is the implementation the test service calls.
type echoServer struct {
	echo   func(ctx context.Context, req *echoRequest) (*echoResponse, error)
	notify func(ctx context.Context, req *echoRequest) error
}

// testService returns the Service of a binding of version v with the operations Echo (action
// urn:sogen:test/Echo, request header Auth, response header Status), Notify (one-way, no action) and
// Ping (an empty request and reply Body).
func testService(v soap.Version) *Service {
	return &Service{
		Name: "soapimpl.testServer",
		Ops: []Operation{
			{Name: "Echo.Echo", Action: "urn:sogen:test/Echo", Version: v, Request: tn("Echo"), Response: tn("EchoResponse"), Headers: []int{0}},
			{Name: "Echo.Notify", Version: v, Request: tn("Notify")},
			{Name: "Echo.Ping", Action: "urn:sogen:test/Ping", Version: v},
		},
		Methods: []Method{
			{Serve: func(r *ServerRequest) error {
				req := new(echoRequest)
				return r.Serve(req, func(ctx context.Context) (any, error) {
					res, err := r.Impl.(*echoServer).echo(ctx, req)
					return res, err
				})
			}},
			{OneWay: true, Serve: func(r *ServerRequest) error {
				req := new(echoRequest)
				return r.Serve(req, func(ctx context.Context) (any, error) {
					return nil, r.Impl.(*echoServer).notify(ctx, req)
				})
			}},
			{Serve: func(r *ServerRequest) error {
				return r.Serve(nil, func(ctx context.Context) (any, error) { return nil, nil })
			}},
		},
		Namespaces:     []string{testNS},
		Header:         func() Message { return new(authHeader) },
		ResponseHeader: func() Message { return new(statusHeader) },
	}
}

// post sends body to h with the given content type and SOAPAction (none when action is "-") and
// returns the reply.
func post(t *testing.T, h http.Handler, contentType, action, body string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/svc", strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if action != "-" {
		req.Header.Set("SOAPAction", action)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(b)
}

func echoImpl() *echoServer {
	return &echoServer{
		echo: func(ctx context.Context, req *echoRequest) (*echoResponse, error) {
			return &echoResponse{Text: req.Text + "!", Count: req.Count + 1}, nil
		},
		notify: func(ctx context.Context, req *echoRequest) error { return nil },
	}
}

func TestServerEcho(t *testing.T) {
	h := NewHandler(testService(soap.V11), echoImpl(), nil)
	status, hdr, body := post(t, h, "text/xml; charset=utf-8", `"urn:sogen:test/Echo"`,
		env11("", `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`))
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	if ct := hdr.Get("Content-Type"); ct != "text/xml; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	want := `<?xml version="1.0" encoding="utf-8"?>` +
		`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns1="urn:sogen:test">` +
		`<soap:Body><ns1:EchoResponse><ns1:text>hi!</ns1:text><ns1:count>4</ns1:count></ns1:EchoResponse></soap:Body></soap:Envelope>`
	if body != want {
		t.Errorf("reply:\n%s\nwant:\n%s", body, want)
	}
}

// TestServerClientRoundTrip has the client call the handler, over HTTP, in both versions.
func TestServerClientRoundTrip(t *testing.T) {
	for _, v := range []soap.Version{soap.V11, soap.V12} {
		t.Run(v.String(), func(t *testing.T) {
			var token string
			impl := echoImpl()
			impl.echo = func(ctx context.Context, req *echoRequest) (*echoResponse, error) {
				if h := soap.RequestHeader[authHeader](ctx); h != nil && h.Auth != nil {
					token = h.Auth.Token
				}
				soap.ResponseHeader[statusHeader](ctx).Status = &statusBlock{Succeeded: true, Message: "ok"}
				return &echoResponse{Text: req.Text, Count: req.Count * 2}, nil
			}
			svc := testService(v)
			s := httptest.NewServer(NewHandler(svc, impl, nil))
			defer s.Close()
			call, res := echoCall(s.URL)
			call.Header = auth("tok")
			rh := new(statusHeader)
			call.ResponseHeader = rh
			if err := Invoke(context.Background(), nil, &svc.Ops[0], call, nil); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&echoResponse{Text: "hi", Count: 6}, res); diff != "" {
				t.Error(diff)
			}
			if token != "tok" {
				t.Errorf("request header token = %q", token)
			}
			if !rh.succeeded() || rh.Status.Message != "ok" {
				t.Errorf("response header = %+v", rh.Status)
			}
			// One-way: 202 and no body, which the client takes as success.
			if err := Invoke(context.Background(), nil, &svc.Ops[1], &Call{Endpoint: s.URL, Request: &echoRequest{Text: "x"}}, nil); err != nil {
				t.Errorf("Notify: %v", err)
			}
			// An empty request and reply Body.
			if err := Invoke(context.Background(), nil, &svc.Ops[2], &Call{Endpoint: s.URL}, nil); err != nil {
				t.Errorf("Ping: %v", err)
			}
		})
	}
}

func TestServerOneWay(t *testing.T) {
	got := ""
	impl := echoImpl()
	impl.notify = func(ctx context.Context, req *echoRequest) error { got = req.Text; return nil }
	h := NewHandler(testService(soap.V11), impl, nil)
	status, _, body := post(t, h, "text/xml", `""`, env11("", `<t:Notify><t:text>event</t:text><t:count>0</t:count></t:Notify>`))
	if status != http.StatusAccepted || body != "" {
		t.Fatalf("status %d, body %q; want 202 and no body", status, body)
	}
	if got != "event" {
		t.Errorf("Notify got %q", got)
	}
	// A one-way operation failing: a fault.
	impl.notify = func(ctx context.Context, req *echoRequest) error { return &soap.Fault{Reason: "no"} }
	status, _, body = post(t, h, "text/xml", `""`, env11("", `<t:Notify><t:text>event</t:text><t:count>0</t:count></t:Notify>`))
	if status != http.StatusInternalServerError || !strings.Contains(body, "<faultstring>no</faultstring>") {
		t.Errorf("status %d, body %s", status, body)
	}
}

// serverFault reads the fault of a reply with the client's decoder.
func serverFault(t *testing.T, body string) (*soap.Fault, *Decoder) {
	t.Helper()
	d := NewDecoder([]byte(body), nil)
	if err := d.Root(); err != nil {
		t.Fatalf("reply is not XML: %v\n%s", err, body)
	}
	v := versionOf(d)
	if v == 0 {
		t.Fatalf("reply is not an envelope: %s", body)
	}
	var f *soap.Fault
	err := d.children(func() error {
		if !d.Is(envelope[v], "Body") {
			return d.skip()
		}
		return d.children(func() error {
			var err error
			f, err = decodeFault(d, v)
			return err
		})
	})
	if err != nil || f == nil {
		t.Fatalf("no fault in the reply (%v): %s", err, body)
	}
	return f, d
}

func TestServerFaults(t *testing.T) {
	ctx := context.Background()
	_ = ctx
	type tc struct {
		name    string
		v       soap.Version
		err     error
		opts    []soap.HandlerOption
		status  int
		code    xml.Name
		subs    []xml.Name
		reason  string
		contain []string
	}
	internalErr := errors.New("pq: connection refused to 10.0.0.7")
	wsseCode := xml.Name{Space: "urn:wsse", Local: "FailedAuthentication"}
	for _, c := range []tc{
		{name: "internal error hidden", v: soap.V11, err: internalErr, status: 500,
			code: xml.Name{Space: envelope[soap.V11], Local: "Server"}, reason: "internal server error"},
		{name: "internal error shown", v: soap.V11, err: internalErr, opts: []soap.HandlerOption{soap.WithErrorDetails()}, status: 500,
			code: xml.Name{Space: envelope[soap.V11], Local: "Server"}, reason: internalErr.Error()},
		{name: "internal error 1.2", v: soap.V12, err: internalErr, status: 500,
			code: xml.Name{Space: envelope[soap.V12], Local: "Receiver"}, reason: "internal server error"},
		{name: "Client fault in 1.2 is Sender, 400", v: soap.V12, err: &soap.Fault{Code: codeClient, Reason: "bad input"}, status: 400,
			code: xml.Name{Space: envelope[soap.V12], Local: "Sender"}, reason: "bad input"},
		{name: "Sender fault in 1.1 is Client", v: soap.V11, err: &soap.Fault{Code: xml.Name{Space: envelope[soap.V12], Local: "Sender"}, Reason: "bad input"}, status: 500,
			code: codeClient, reason: "bad input"},
		{name: "custom code in 1.2 is a subcode", v: soap.V12, err: &soap.Fault{Code: wsseCode, Reason: "who?"}, status: 500,
			code: xml.Name{Space: envelope[soap.V12], Local: "Receiver"}, subs: []xml.Name{wsseCode}, reason: "who?"},
		{name: "subcode in 1.1 is the faultcode", v: soap.V11, err: &soap.Fault{Code: codeClient, Subcodes: []xml.Name{wsseCode}, Reason: "who?"}, status: 500,
			code: wsseCode, reason: "who?"},
		{name: "wrapped fault", v: soap.V11, err: errors.Join(errors.New("x"), &soap.Fault{Code: codeClient, Reason: "wrapped"}), status: 500,
			code: codeClient, reason: "wrapped"},
		{name: "a received fault is not relayed", v: soap.V11, err: &soap.Fault{Code: codeClient, Reason: "upstream secret", HTTPStatus: 500}, status: 500,
			code: codeServer, reason: "internal server error"},
		{name: "unimplemented", v: soap.V12, err: Unimplemented("Echo.Echo"), status: 500,
			code: xml.Name{Space: envelope[soap.V12], Local: "Receiver"}, reason: "operation Echo.Echo is not implemented"},
		{name: "reason escaped", v: soap.V11, err: &soap.Fault{Reason: "a < b & c"}, status: 500,
			code: codeServer, reason: "a < b & c", contain: []string{"a &lt; b &amp; c"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logged []error
			impl := echoImpl()
			impl.echo = func(ctx context.Context, req *echoRequest) (*echoResponse, error) { return nil, c.err }
			opts := append(c.opts, soap.WithErrorLog(func(ctx context.Context, call *soap.ServerCall, err error) { logged = append(logged, err) }))
			h := NewHandler(testService(c.v), impl, opts)
			env, ct := env11, "text/xml"
			if c.v == soap.V12 {
				env, ct = env12, `application/soap+xml; action="urn:sogen:test/Echo"`
			}
			status, _, body := post(t, h, ct, `"urn:sogen:test/Echo"`, env("", `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`))
			if status != c.status {
				t.Errorf("status %d, want %d", status, c.status)
			}
			f, _ := serverFault(t, body)
			if f.Code != c.code || !cmp.Equal(f.Subcodes, c.subs) || f.Reason != c.reason {
				t.Errorf("fault %+v, want code %v subcodes %v reason %q\n%s", f, c.code, c.subs, c.reason, body)
			}
			for _, s := range c.contain {
				if !strings.Contains(body, s) {
					t.Errorf("reply lacks %q: %s", s, body)
				}
			}
			if c.reason == "internal server error" && len(logged) != 1 {
				t.Errorf("error log saw %v, want the error", logged)
			}
			if c.v == soap.V12 && !strings.Contains(body, `xml:lang="en"`) {
				t.Errorf("SOAP 1.2 Reason/Text without xml:lang: %s", body)
			}
		})
	}
}

func TestServerPanic(t *testing.T) {
	var logged error
	impl := echoImpl()
	impl.echo = func(ctx context.Context, req *echoRequest) (*echoResponse, error) { panic("boom") }
	h := NewHandler(testService(soap.V11), impl, []soap.HandlerOption{soap.WithErrorLog(func(ctx context.Context, call *soap.ServerCall, err error) { logged = err })})
	status, _, body := post(t, h, "text/xml", `"urn:sogen:test/Echo"`, env11("", `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`))
	f, _ := serverFault(t, body)
	if status != 500 || f.Code != codeServer || f.Reason != "internal server error" {
		t.Errorf("status %d, fault %+v", status, f)
	}
	var pe *soap.PanicError
	if !errors.As(logged, &pe) || pe.Value != "boom" || len(pe.Stack) == 0 {
		t.Errorf("logged %v, want a *soap.PanicError with the value and stack", logged)
	}
}

func TestServerVersionMismatch(t *testing.T) {
	req := `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`
	t.Run("SOAP 1.2 request to a SOAP 1.1 endpoint", func(t *testing.T) {
		h := NewHandler(testService(soap.V11), echoImpl(), nil)
		status, hdr, body := post(t, h, "application/soap+xml", "-", env12("", req))
		f, _ := serverFault(t, body)
		if status != 500 || f.Version != soap.V11 || f.Code != (xml.Name{Space: envelope[soap.V11], Local: "VersionMismatch"}) {
			t.Errorf("status %d, fault %+v", status, f)
		}
		if hdr.Get("Content-Type") != "text/xml; charset=utf-8" {
			t.Errorf("Content-Type %q", hdr.Get("Content-Type"))
		}
	})
	t.Run("SOAP 1.1 request to a SOAP 1.2 endpoint", func(t *testing.T) {
		h := NewHandler(testService(soap.V12), echoImpl(), nil)
		status, hdr, body := post(t, h, "text/xml", `"urn:sogen:test/Echo"`, env11("", req))
		f, _ := serverFault(t, body)
		// SOAP 1.2 Part 1 appendix A: a SOAP 1.1 envelope with the fault, and an Upgrade block.
		if status != 500 || f.Version != soap.V11 || f.Code != (xml.Name{Space: envelope[soap.V11], Local: "VersionMismatch"}) {
			t.Errorf("status %d, fault %+v", status, f)
		}
		if hdr.Get("Content-Type") != "text/xml; charset=utf-8" {
			t.Errorf("Content-Type %q", hdr.Get("Content-Type"))
		}
		wantHeader := `<soap:Header><ns2:Upgrade xmlns:ns2="http://www.w3.org/2003/05/soap-envelope"><ns2:SupportedEnvelope qname="ns2:Envelope"/></ns2:Upgrade></soap:Header>`
		if !strings.Contains(body, wantHeader) {
			t.Errorf("reply lacks the Upgrade block %s:\n%s", wantHeader, body)
		}
	})
	t.Run("another envelope namespace to a SOAP 1.2 endpoint", func(t *testing.T) {
		h := NewHandler(testService(soap.V12), echoImpl(), nil)
		status, _, body := post(t, h, "application/soap+xml", "-", `<e:Envelope xmlns:e="urn:not-soap"><e:Body/></e:Envelope>`)
		f, _ := serverFault(t, body)
		if status != 500 || f.Version != soap.V12 || f.Code != (xml.Name{Space: envelope[soap.V12], Local: "VersionMismatch"}) {
			t.Errorf("status %d, fault %+v", status, f)
		}
		if !strings.Contains(body, `<soap:Upgrade><soap:SupportedEnvelope qname="soap:Envelope"/></soap:Upgrade>`) {
			t.Errorf("no Upgrade block: %s", body)
		}
	})
	t.Run("not an envelope, SOAP 1.1", func(t *testing.T) {
		h := NewHandler(testService(soap.V11), echoImpl(), nil)
		status, _, body := post(t, h, "text/xml", "-", `<html/>`)
		f, _ := serverFault(t, body)
		if status != 500 || f.Code != codeClient || !strings.Contains(f.Reason, "not a SOAP envelope") {
			t.Errorf("status %d, fault %+v", status, f)
		}
	})
}

func TestServerMustUnderstand(t *testing.T) {
	block := `<x:Trace xmlns:x="urn:x" %s="%s">1</x:Trace>`
	req := `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`
	called := false
	impl := echoImpl()
	impl.echo = func(ctx context.Context, req *echoRequest) (*echoResponse, error) {
		called = true
		return &echoResponse{}, nil
	}
	t.Run("SOAP 1.1", func(t *testing.T) {
		called = false
		h := NewHandler(testService(soap.V11), impl, nil)
		status, _, body := post(t, h, "text/xml", `"urn:sogen:test/Echo"`, env11(strings.ReplaceAll(strings.ReplaceAll(block, "%s=\"%s\"", `s:mustUnderstand="1"`), "%s", ""), req))
		f, _ := serverFault(t, body)
		if status != 500 || f.Code != (xml.Name{Space: envelope[soap.V11], Local: "MustUnderstand"}) || called {
			t.Errorf("status %d, fault %+v, called %v", status, f, called)
		}
	})
	t.Run("SOAP 1.2 with NotUnderstood", func(t *testing.T) {
		called = false
		h := NewHandler(testService(soap.V12), impl, nil)
		status, _, body := post(t, h, "application/soap+xml", "-", env12(`<x:Trace xmlns:x="urn:x" env:mustUnderstand="true">1</x:Trace>`, req))
		f, _ := serverFault(t, body)
		if status != 500 || f.Code != (xml.Name{Space: envelope[soap.V12], Local: "MustUnderstand"}) || called {
			t.Errorf("status %d, fault %+v, called %v", status, f, called)
		}
		if !strings.Contains(body, `<soap:NotUnderstood xmlns:ns2="urn:x" qname="ns2:Trace"/>`) {
			t.Errorf("no NotUnderstood block: %s", body)
		}
	})
	t.Run("understood, another role, or not mandatory", func(t *testing.T) {
		for _, c := range []struct {
			header string
			opts   []soap.HandlerOption
		}{
			{`<x:Trace xmlns:x="urn:x" s:mustUnderstand="1">1</x:Trace>`, []soap.HandlerOption{soap.WithUnderstoodHeaders(xml.Name{Space: "urn:x", Local: "Trace"})}},
			{`<x:Trace xmlns:x="urn:x" s:mustUnderstand="1" s:actor="urn:someone-else">1</x:Trace>`, nil},
			{`<x:Trace xmlns:x="urn:x" s:mustUnderstand="0">1</x:Trace>`, nil},
			{`<t:Auth s:mustUnderstand="1"><t:token>x</t:token></t:Auth>`, nil}, // declared by the binding
		} {
			called = false
			h := NewHandler(testService(soap.V11), impl, c.opts)
			status, _, body := post(t, h, "text/xml", `"urn:sogen:test/Echo"`, env11(c.header, req))
			if status != 200 || !called {
				t.Errorf("%s: status %d, called %v: %s", c.header, status, called, body)
			}
		}
	})
}

func TestServerDispatch(t *testing.T) {
	h := NewHandler(testService(soap.V11), echoImpl(), nil)
	echo := `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`
	for _, c := range []struct {
		name, action, body string
		status             int
		reason             string
	}{
		{"by action", `"urn:sogen:test/Echo"`, echo, 200, ""},
		{"no SOAPAction: by element", "-", echo, 200, ""},
		{"unknown action: by element", `"urn:other"`, echo, 200, ""},
		{"empty Body by action", `"urn:sogen:test/Ping"`, "", 200, ""},
		{"empty Body without action", `""`, "", 200, ""},
		{"action and element disagree", `"urn:sogen:test/Ping"`, echo, 500, `the SOAP action "urn:sogen:test/Ping" names operation Echo.Ping, whose request element is an empty Body, but the Body holds element {urn:sogen:test}Echo`},
		{"unknown element", "-", `<t:Other/>`, 500, "no operation of this endpoint takes element {urn:sogen:test}Other"},
		{"bad content", "-", `<t:Echo><t:count>x</t:count></t:Echo>`, 500, "not a valid"},
		{"truncated", "-", `<t:Echo><t:text>hi</t:text>`, 500, "XML syntax error"},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, _, body := post(t, h, "text/xml", c.action, env11("", c.body))
			if status != c.status {
				t.Fatalf("status %d, want %d: %s", status, c.status, body)
			}
			if c.reason != "" {
				f, _ := serverFault(t, body)
				if f.Code != codeClient || !strings.Contains(f.Reason, c.reason) {
					t.Errorf("fault %+v, want a Client fault containing %q", f, c.reason)
				}
			}
		})
	}
}

func TestServerLimits(t *testing.T) {
	h := NewHandler(testService(soap.V11), echoImpl(), []soap.HandlerOption{soap.WithMaxRequestSize(400), soap.WithMaxDepth(5)})
	status, _, body := post(t, h, "text/xml", "-", env11("", `<t:Echo><t:text>`+strings.Repeat("x", 400)+`</t:text></t:Echo>`))
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "too large") {
		t.Errorf("status %d: %s", status, body)
	}
	status, _, body = post(t, h, "text/xml", "-", env11("", `<t:Echo><t:x><a><b><c/></b></a></t:x></t:Echo>`))
	if status != 500 || !strings.Contains(body, "elements nested deeper than 5") {
		t.Errorf("deep request: status %d: %s", status, body)
	}
	// Strict decoding.
	h = NewHandler(testService(soap.V11), echoImpl(), []soap.HandlerOption{soap.WithStrictDecoding()})
	status, _, body = post(t, h, "text/xml", "-", env11("", `<t:Echo><t:text>hi</t:text><t:extra/><t:count>3</t:count></t:Echo>`))
	if status != 500 || !strings.Contains(body, "unknown element {urn:sogen:test}extra") {
		t.Errorf("strict: status %d: %s", status, body)
	}
	h = NewHandler(testService(soap.V11), echoImpl(), nil)
	status, _, _ = post(t, h, "text/xml", "-", env11("", `<t:Echo><t:text>hi</t:text><t:extra/><t:count>3</t:count></t:Echo>`))
	if status != 200 {
		t.Errorf("lenient: status %d", status)
	}
	// GET is not served.
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/svc", nil))
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "POST" {
		t.Errorf("GET: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

func TestServerInterceptors(t *testing.T) {
	var order []string
	mk := func(name string) soap.Interceptor {
		return func(ctx context.Context, call *soap.ServerCall, next func(context.Context) error) error {
			order = append(order, name+" "+call.Operation)
			err := next(ctx)
			order = append(order, name+" done")
			return err
		}
	}
	deny := func(ctx context.Context, call *soap.ServerCall, next func(context.Context) error) error {
		if len(call.UnknownHeaders) == 0 {
			return &soap.Fault{Code: codeClient, Reason: "no token"}
		}
		return next(ctx)
	}
	trace := xml.Name{Space: "urn:x", Local: "Trace"}
	h := NewHandler(testService(soap.V11), echoImpl(), []soap.HandlerOption{
		soap.WithInterceptor(mk("a")), soap.WithInterceptor(mk("b")), soap.WithInterceptor(deny, trace),
	})
	req := `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`
	status, _, body := post(t, h, "text/xml", "-", env11(`<x:Trace xmlns:x="urn:x" s:mustUnderstand="1">1</x:Trace>`, req))
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	if diff := cmp.Diff([]string{"a Echo.Echo", "b Echo.Echo", "b done", "a done"}, order); diff != "" {
		t.Error(diff)
	}
	status, _, body = post(t, h, "text/xml", "-", env11("", req))
	if f, _ := serverFault(t, body); status != 500 || f.Reason != "no token" {
		t.Errorf("status %d, fault %+v", status, f)
	}
}

// TestRequestAction: the action a handler dispatches on is the SOAPAction header for SOAP 1.1 and
// the Content-Type's action parameter for SOAP 1.2 (Part 2 section 7.1.4), each falling back on the
// other; a quoted SOAPAction is unquoted.
func TestRequestAction(t *testing.T) {
	for _, c := range []struct {
		name              string
		v                 soap.Version
		soapAction, ctype string // soapAction "-": no header
		want              string
	}{
		{"1.1 quoted", soap.V11, `"urn:a"`, "text/xml", "urn:a"},
		{"1.1 unquoted", soap.V11, `urn:a`, "text/xml", "urn:a"},
		{"1.1 empty", soap.V11, `""`, "text/xml", ""},
		{"1.1 escaped quote", soap.V11, `"urn:a\"b"`, "text/xml", `urn:a"b`},
		{"1.1 header wins", soap.V11, `"urn:a"`, `application/soap+xml; action="urn:b"`, "urn:a"},
		{"1.1 no header: parameter", soap.V11, "-", `application/soap+xml; action="urn:b"`, "urn:b"},
		{"1.2 parameter", soap.V12, "-", `application/soap+xml; charset=utf-8; action="urn:b"`, "urn:b"},
		{"1.2 parameter wins", soap.V12, `"urn:a"`, `application/soap+xml; action="urn:b"`, "urn:b"},
		{"1.2 no parameter: header", soap.V12, `"urn:a"`, `application/soap+xml`, "urn:a"},
		{"1.2 none", soap.V12, "-", `application/soap+xml`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			hr := httptest.NewRequest(http.MethodPost, "/", nil)
			hr.Header.Set("Content-Type", c.ctype)
			if c.soapAction != "-" {
				hr.Header.Set("SOAPAction", c.soapAction)
			}
			if got := RequestAction(hr, c.v); got != c.want {
				t.Errorf("RequestAction = %q, want %q", got, c.want)
			}
		})
	}
}

// TestServerEnvelopeStructure: the Header comes first and once, and nothing but the Body follows it
// (SOAP 1.1 section 4, SOAP 1.2 Part 1 section 5.1); SOAP 1.1 allows other elements after the Body.
// A mandatory block in a second Header or after the Body was silently left unprocessed.
func TestServerEnvelopeStructure(t *testing.T) {
	const (
		echo = `<t:Echo><t:text>hi</t:text><t:count>3</t:count></t:Echo>`
		mu11 = `<x:T xmlns:x="urn:x" s:mustUnderstand="1"/>`
		mu12 = `<x:T xmlns:x="urn:x" env:mustUnderstand="true"/>`
	)
	open11 := `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:sogen:test">`
	open12 := `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:t="urn:sogen:test">`
	for _, c := range []struct {
		name   string
		v      soap.Version
		env    string
		status int
		reason string
	}{
		{"1.1 valid", soap.V11, open11 + `<s:Header/><s:Body>` + echo + `</s:Body></s:Envelope>`, 200, ""},
		{"1.1 element after the Body", soap.V11, open11 + `<s:Body>` + echo + `</s:Body><x:Extra xmlns:x="urn:x"/></s:Envelope>`, 200, ""},
		{"1.1 second Header", soap.V11, open11 + `<s:Header/><s:Header>` + mu11 + `</s:Header><s:Body>` + echo + `</s:Body></s:Envelope>`, 500, "unexpected element {http://schemas.xmlsoap.org/soap/envelope/}Header in the SOAP 1.1 envelope before the Body"},
		{"1.1 element before the Body", soap.V11, open11 + `<x:Extra xmlns:x="urn:x"/><s:Body>` + echo + `</s:Body></s:Envelope>`, 500, "unexpected element {urn:x}Extra"},
		{"1.1 Header after the Body", soap.V11, open11 + `<s:Body>` + echo + `</s:Body><s:Header>` + mu11 + `</s:Header></s:Envelope>`, 500, "after the Body"},
		{"1.1 second Body", soap.V11, open11 + `<s:Body>` + echo + `</s:Body><s:Body>` + echo + `</s:Body></s:Envelope>`, 500, "after the Body"},
		{"1.2 valid", soap.V12, open12 + `<env:Header/><env:Body>` + echo + `</env:Body></env:Envelope>`, 200, ""},
		{"1.2 element after the Body", soap.V12, open12 + `<env:Body>` + echo + `</env:Body><x:Extra xmlns:x="urn:x"/></env:Envelope>`, 400, "unexpected element {urn:x}Extra in the SOAP 1.2 envelope after the Body"},
		{"1.2 Header after the Body", soap.V12, open12 + `<env:Body>` + echo + `</env:Body><env:Header>` + mu12 + `</env:Header></env:Envelope>`, 400, "after the Body"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := NewHandler(testService(c.v), echoImpl(), nil)
			ct := "text/xml"
			if c.v == soap.V12 {
				ct = "application/soap+xml"
			}
			status, _, body := post(t, h, ct, "-", c.env)
			if status != c.status {
				t.Fatalf("status %d, want %d: %s", status, c.status, body)
			}
			if c.reason != "" {
				if f, _ := serverFault(t, body); !strings.Contains(f.Reason, c.reason) {
					t.Errorf("fault %+v, want a reason containing %q", f, c.reason)
				}
			}
		})
	}
}

// TestServerCharset: a request whose Content-Type names a charset other than UTF-8 (or US-ASCII) is
// refused with a Client fault naming it, rather than read as UTF-8: ISO-8859-1 bytes C3 A9 ("Ã©")
// are valid UTF-8 ("é") and would be decoded wrong without an error.
func TestServerCharset(t *testing.T) {
	h := NewHandler(testService(soap.V11), echoImpl(), nil)
	req := env11("", "<t:Echo><t:text>\xc3\xa9</t:text><t:count>3</t:count></t:Echo>")
	for _, c := range []struct {
		ct     string
		status int
	}{
		{"text/xml; charset=utf-8", 200},
		{"text/xml; charset=UTF-8", 200},
		{`text/xml; charset="us-ascii"`, 200},
		{"text/xml", 200},
		{"text/xml; charset=ISO-8859-1", 500},
		{"text/xml; charset=windows-1252", 500},
	} {
		status, _, body := post(t, h, c.ct, "-", req)
		if status != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.ct, status, c.status, body)
			continue
		}
		if status != 200 {
			if f, _ := serverFault(t, body); f.Code != codeClient || !strings.Contains(f.Reason, "charset") {
				t.Errorf("%s: fault %+v, want a Client fault about the charset", c.ct, f)
			}
		}
	}
}

func TestNewHandlerNilImplementation(t *testing.T) {
	defer func() {
		r := recover()
		if msg, _ := r.(string); !strings.Contains(msg, "nil") || !strings.Contains(msg, testService(soap.V11).Name) {
			t.Fatalf("NewHandler with a nil implementation: recovered %v, want a panic naming the server", r)
		}
	}()
	NewHandler(testService(soap.V11), nil, nil)
	t.Fatal("NewHandler with a nil implementation did not panic")
}
