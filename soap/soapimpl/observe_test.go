package soapimpl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sogen-go/sogen/soap"
)

// recorder is an Observer keeping what it saw.
type recorder struct {
	mu      sync.Mutex
	starts  int
	dones   []soap.Exchange
	request [][]byte // Request() at Start
	reqDone [][]byte // Request() at Done
	resp    [][]byte // Response() at Done
}

type ctxKey struct{}

func (r *recorder) observer() *soap.Observer {
	return &soap.Observer{
		Start: func(ctx context.Context, x *soap.Exchange) context.Context {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.starts++
			r.request = append(r.request, x.Request())
			return context.WithValue(ctx, ctxKey{}, "from Start")
		},
		Done: func(ctx context.Context, x *soap.Exchange) {
			r.mu.Lock()
			defer r.mu.Unlock()
			if ctx.Value(ctxKey{}) != "from Start" {
				panic("Done did not get the context Start returned")
			}
			r.dones = append(r.dones, *x)
			r.reqDone = append(r.reqDone, x.Request())
			r.resp = append(r.resp, x.Response())
		},
	}
}

func TestObserverSeesRedactedExchange(t *testing.T) {
	const newTicket = "7T:bmV3LXRpY2tldA=="
	reply := env11(`<t:Status><t:succeeded>true</t:succeeded><t:message>your token `+testToken+`</t:message></t:Status>`,
		`<t:EchoResponse><t:text>hi</t:text><t:count>3</t:count><t:Ticket>`+newTicket+`</t:Ticket></t:EchoResponse>`)
	s, _ := newTestServer(t, cannedReply{200, "text/xml", reply})
	var seenCtx any
	rec := &recorder{}
	c := &Client{
		Observer: rec.observer(),
		HTTPClient: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			seenCtx = r.Context().Value(ctxKey{})
			return http.DefaultTransport.RoundTrip(r)
		})},
	}
	call, _ := secretCall(s.URL + "/soap?access_token=" + testToken + "&lang=en")
	call.ResponseHeader = new(statusHeader)
	before := time.Now()
	if err := c.Do(context.Background(), echo11, call, soap.WithHTTPHeader("Authorization", "Bearer "+testToken)); err != nil {
		t.Fatal(err)
	}
	if seenCtx != "from Start" {
		t.Errorf("the HTTP request carried %v, not the context Start returned", seenCtx)
	}
	if rec.starts != 1 || len(rec.dones) != 1 {
		t.Fatalf("Start called %d times, Done %d", rec.starts, len(rec.dones))
	}
	x := rec.dones[0]
	if x.Operation != "Echo.Echo" || x.Action != "urn:sogen:test/Echo" || x.Version != soap.V11 || x.StatusCode != 200 || x.Err != nil {
		t.Errorf("exchange %+v", x)
	}
	if want := s.URL + "/soap?access_token=" + soap.Redacted + "&lang=en"; x.Endpoint != want {
		t.Errorf("Endpoint %s, want %s", x.Endpoint, want)
	}
	if x.Started.Before(before) || x.Duration <= 0 || x.Duration > time.Minute {
		t.Errorf("Started %v, Duration %v", x.Started, x.Duration)
	}
	if x.RequestSize == 0 || x.ResponseSize != len(reply) {
		t.Errorf("sizes %d, %d (reply is %d bytes)", x.RequestSize, x.ResponseSize, len(reply))
	}
	req, resp := string(rec.reqDone[0]), string(rec.resp[0])
	if string(rec.request[0]) != req {
		t.Errorf("Request() differs between Start and Done")
	}
	for what, body := range map[string]string{"request": req, "response": resp} {
		for _, secret := range []string{testToken, newTicket} {
			if strings.Contains(body, secret) {
				t.Errorf("the %s shows a secret: %s", what, body)
			}
		}
	}
	if !strings.Contains(req, "<ns1:token>"+soap.Redacted+"</ns1:token>") {
		t.Errorf("request %s", req)
	}
	if !strings.Contains(resp, "<t:Ticket>"+soap.Redacted+"</t:Ticket>") || !strings.Contains(resp, "your token "+soap.Redacted) {
		t.Errorf("response %s", resp)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestObserverOnFailures(t *testing.T) {
	t.Run("no endpoint: Start and Done still pair", func(t *testing.T) {
		rec := &recorder{}
		call, _ := echoCall("")
		err := (&Client{Observer: rec.observer()}).Do(context.Background(), echo11, call)
		if err == nil || rec.starts != 1 || len(rec.dones) != 1 {
			t.Fatalf("err %v, %d starts, %d dones", err, rec.starts, len(rec.dones))
		}
		if x := rec.dones[0]; x.Err != err || x.Endpoint != "" || x.StatusCode != 0 || rec.reqDone[0] != nil || rec.resp[0] != nil {
			t.Errorf("exchange %+v", x)
		}
	})
	t.Run("encoding error", func(t *testing.T) {
		rec := &recorder{}
		call, _ := echoCall("http://127.0.0.1:1/")
		call.Header = auth(testToken + "\x01")
		err := (&Client{Observer: rec.observer()}).Do(context.Background(), echo11, call)
		if err == nil || rec.starts != 1 || len(rec.dones) != 1 || rec.dones[0].Err != err || rec.request[0] != nil {
			t.Fatalf("err %v, %d starts, %d dones", err, rec.starts, len(rec.dones))
		}
		if strings.Contains(rec.dones[0].Err.Error(), testToken) {
			t.Errorf("the error shows the token: %v", rec.dones[0].Err)
		}
	})
	t.Run("fault", func(t *testing.T) {
		rec := &recorder{}
		body := env11("", `<s:Fault><faultcode>s:Client</faultcode><faultstring>bad token `+testToken+`</faultstring></s:Fault>`)
		s, _ := newTestServer(t, cannedReply{500, "text/xml", body})
		call, _ := secretCall(s.URL)
		err := (&Client{Observer: rec.observer()}).Do(context.Background(), echo11, call)
		var f *soap.Fault
		if !errors.As(err, &f) || len(rec.dones) != 1 {
			t.Fatalf("err %v", err)
		}
		x := rec.dones[0]
		if x.Err != err || x.StatusCode != 500 || !strings.Contains(string(rec.resp[0]), "bad token "+soap.Redacted) || x.ResponseSize != len(body) {
			t.Errorf("exchange %+v, response %s", x, rec.resp[0])
		}
	})
	t.Run("connection refused", func(t *testing.T) {
		rec := &recorder{}
		call, _ := echoCall("http://127.0.0.1:1/")
		err := (&Client{Observer: rec.observer()}).Do(context.Background(), echo11, call)
		if err == nil || len(rec.dones) != 1 || rec.dones[0].StatusCode != 0 || rec.resp[0] != nil || rec.reqDone[0] == nil {
			t.Fatalf("err %v, exchanges %+v", err, rec.dones)
		}
	})
	t.Run("Start returning nil keeps the context", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{200, "text/xml", env11("", echoReply)})
		call, _ := echoCall(s.URL)
		done := 0
		obs := &soap.Observer{
			Start: func(ctx context.Context, x *soap.Exchange) context.Context { return nil },
			Done: func(ctx context.Context, x *soap.Exchange) {
				if ctx == nil {
					t.Error("Done got a nil context")
				}
				done++
			},
		}
		if err := (&Client{Observer: obs}).Do(context.Background(), echo11, call); err != nil || done != 1 {
			t.Fatalf("err %v, done %d", err, done)
		}
	})
}

func TestExchangeLogValue(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	s, _ := newTestServer(t, cannedReply{502, "text/html", "<html>bad gateway " + testToken + "</html>"})
	call, _ := secretCall(s.URL + "/soap?sig=" + testToken)
	c := &Client{Observer: &soap.Observer{Done: func(ctx context.Context, x *soap.Exchange) {
		logger.InfoContext(ctx, "soap call", "soap", x)
	}}}
	err := c.Do(context.Background(), echo11, call)
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(buf.String(), testToken) {
		t.Errorf("the log shows the token: %s", buf.String())
	}
	var rec struct {
		Msg  string
		Soap map[string]any
	}
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	got := rec.Soap
	if got["operation"] != "Echo.Echo" || got["endpoint"] != s.URL+"/soap?sig="+soap.Redacted || got["status"] != float64(502) ||
		got["error"] != err.Error() || got["request_bytes"].(float64) == 0 || got["response_bytes"].(float64) == 0 {
		t.Errorf("logged %v", got)
	}
	if _, ok := got["duration"]; !ok {
		t.Errorf("no duration: %v", got)
	}
}

func TestObserverConcurrent(t *testing.T) {
	s, _ := newTestServer(t, cannedReply{200, "text/xml", env11("", echoReply)})
	rec := &recorder{}
	c := &Client{Observer: rec.observer()}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				call, _ := echoCall(s.URL)
				if err := c.Do(context.Background(), echo11, call); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if rec.starts != 40 || len(rec.dones) != 40 {
		t.Errorf("%d starts, %d dones, want 40", rec.starts, len(rec.dones))
	}
}

// TestExchangeResponseManySecrets has a reply carry thousands of secret-named elements (a list of
// API keys): each is replaced where it stands, in one pass over the reply, however many there are.
func TestExchangeResponseManySecrets(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, `<t:Item><t:Name>n%d</t:Name><t:ApiKey>key-%08d</t:ApiKey><t:Note a:token="tok-%08d">x</t:Note></t:Item>`, i, i, i)
	}
	x := &soap.Exchange{}
	exchangeReply(x, 200, []byte(env11("", `<t:EchoResponse xmlns:a="urn:a">`+b.String()+`</t:EchoResponse>`)))
	got := string(x.Response())
	if n := strings.Count(got, "<t:ApiKey>"+soap.Redacted+"</t:ApiKey>"); n != 5000 {
		t.Errorf("%d keys redacted, want 5000", n)
	}
	if strings.Contains(got, "key-0") {
		t.Errorf("a key is shown")
	}
	// The first attributes named like secrets are looked for (here they stand in the attribute).
	if strings.Contains(got, "tok-00000000") || !strings.Contains(got, "n4999") {
		t.Errorf("response %.300s", got)
	}
}
