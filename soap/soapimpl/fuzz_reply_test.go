package soapimpl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// replyTransport answers every request with one canned reply, without a network.
type replyTransport struct {
	status      int
	contentType string
	body        []byte
}

func (rt replyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	h := http.Header{}
	if rt.contentType != "" {
		h.Set("Content-Type", rt.contentType)
	}
	return &http.Response{
		StatusCode:    rt.status,
		Status:        http.StatusText(rt.status),
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(rt.body)),
		ContentLength: -1,
		Request:       req,
	}, nil
}

// fuzzSecret is the token the fuzzed calls send in their request header.
const fuzzSecret = "s3cr3t-T0ken/+=="

// checkReplyError fails unless err is a typed error of the runtime (or the header checker's) and keeps
// the request's secret out of its message.
func checkReplyError(t *testing.T, err error) {
	t.Helper()
	for _, msg := range []string{err.Error(), fmt.Sprintf("%+v", err)} {
		if strings.Contains(msg, fuzzSecret) {
			t.Fatalf("the error shows the request's secret: %s", msg)
		}
	}
	var f *soap.Fault
	var he *soap.HTTPError
	var de *soap.DecodeError
	var ae *apiError
	var mu *soap.MustUnderstandError
	switch {
	case errors.As(err, &f):
		if strings.Contains(f.Error(), fuzzSecret) {
			t.Fatalf("the soap.Fault shows the request's secret: %s", f.Error())
		}
	case errors.As(err, &he):
		if strings.Contains(he.Error(), fuzzSecret) || strings.Contains(he.Excerpt, fuzzSecret) {
			t.Fatalf("the soap.HTTPError shows the request's secret: %s", he.Error())
		}
	case errors.As(err, &de):
		if strings.Contains(de.Error(), fuzzSecret) {
			t.Fatalf("the soap.DecodeError shows the request's secret: %s", de.Error())
		}
	case errors.As(err, &ae), errors.As(err, &mu), errors.Is(err, soap.ErrResponseTooLarge):
	default:
		t.Fatalf("untyped error %T: %v", errors.Unwrap(err), err)
	}
}

// FuzzReply sends a request carrying a secret token and decodes an arbitrary reply (status, content
// type, body; to a SOAP 1.1 or 1.2 operation) through Invoke: envelope, headers, faults of both
// versions, HTML pages. It must never panic; a call without error must have decoded the response
// element from a 2xx reply; an error must be a *soap.Fault, *soap.HTTPError, *soap.DecodeError, the header checker's
// error or soap.ErrResponseTooLarge, and must not show the secret.
//
//	go test -timeout 20m -run '^$' -fuzz '^FuzzReply$' -fuzztime 10m -parallel 1 ./soap/soapimpl
func FuzzReply(f *testing.F) {
	status := `<t:Status><t:succeeded>true</t:succeeded><t:message>` + fuzzSecret + `</t:message></t:Status>`
	seeds := []struct {
		status int
		ct     string
		body   string
		v12    bool
	}{
		{200, "text/xml; charset=utf-8", env11(status, echoReply), false},
		{200, "application/soap+xml", env12(status, echoReply), true},
		{500, "text/xml", env11("", `<s:Fault><faultcode>s:Client</faultcode><faultstring>Invalid ticket `+fuzzSecret+`</faultstring><detail><t:info a="`+fuzzSecret+`">`+fuzzSecret+`</t:info></detail></s:Fault>`), false},
		{500, "application/soap+xml", env12("", `<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>t:Bad</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">token `+fuzzSecret+`</env:Text></env:Reason><env:Detail>`+fuzzSecret+`</env:Detail></env:Fault>`), true},
		{500, "application/soap+xml", env12("", `<env:Fault><env:Code><env:Value>env:VersionMismatch</env:Value></env:Code><env:Reason><env:Text xml:lang="en">wrong version</env:Text></env:Reason></env:Fault>`), false},
		{200, "text/html", "<!DOCTYPE html><html><body>Log in again, " + fuzzSecret + "</body></html>", false},
		{200, "text/html", "<html><body><p>token=" + fuzzSecret + "</p></body></html>", false},
		{200, "text/xml", env11("", `<t:EchoResponse><t:text>hi</t:text>`), false},
		{200, "text/xml", env11("", `<t:EchoResponse><t:text>hi</t:text><t:count>`+fuzzSecret+`</t:count></t:EchoResponse>`), false},
		{200, "text/xml", "", false},
		{302, "text/html", "moved", false},
		{200, "text/xml", env11(`<t:Status><t:succeeded>false</t:succeeded><t:message>bad ticket `+fuzzSecret+`</t:message></t:Status>`, ``), false},
		{200, "text/xml", env11(status+`<x:Sec xmlns:x="urn:x" s:mustUnderstand="1" s:actor="urn:a"><x:Token>`+fuzzSecret+`</x:Token></x:Sec><x:Sec2 xmlns:x="urn:x" s:mustUnderstand="1"/>`, echoReply), false},
		{401, "text/html", `<a href="/login?t=s3cr3t-T0ken%2F%2B%3D%3D&amp;u=s3cr3t&#45;T0ken">` + "\u0073" + `3cr3t-T0ken\/+==</a>`, false},
	}
	for _, s := range seeds {
		f.Add(s.status, s.ct, []byte(s.body), s.v12)
	}
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte, v12 bool) {
		if status < 100 || status > 999 {
			status = 200 + (status%100+100)%100
		}
		op := echo11
		if v12 {
			op = echo12
		}
		client := &Client{
			HTTPClient:      &http.Client{Transport: replyTransport{status, contentType, body}},
			MaxResponseSize: 1 << 16,
			Observer: &soap.Observer{Done: func(_ context.Context, x *soap.Exchange) {
				for what, b := range map[string][]byte{"request": x.Request(), "response": x.Response()} {
					if bytes.Contains(b, []byte(fuzzSecret)) {
						t.Fatalf("the Observer's %s shows the secret: %s", what, b)
					}
				}
			}},
		}
		// The response element is decoded as an xs:anyType value: the value is set once it is.
		var decoded any
		var unknown []*soap.Element
		hdr := new(checkedHeader)
		err := client.Do(context.Background(), op, &Call{
			Endpoint:       "http://soap.invalid/echo",
			Namespaces:     []string{testNS},
			Header:         auth(fuzzSecret),
			Request:        &echoRequest{Text: "hi", Count: 3},
			Response:       &Bare{Codec: &Any, Value: &decoded},
			ResponseHeader: hdr,
		}, soap.WithUnknownResponseHeaders(&unknown))
		if err == nil {
			if status < 200 || status > 299 {
				t.Fatalf("HTTP %d without an error", status)
			}
			if decoded == nil {
				t.Fatal("no error, but the response element was not decoded")
			}
			return
		}
		checkReplyError(t, err)
	})
}
