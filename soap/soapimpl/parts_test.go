package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// partsResult holds the parts of a document-style reply with several body parts, X, Y and Z.
type partsResult struct{ X, Y, Z string }

var tablePartsResult = table("partsResult", xml.Name{}, Parts, func(x *partsResult) []any { return []any{&x.X, &x.Y, &x.Z} },
	Field{Space: testNS, Local: "X", GoName: "X", Flags: Optional, Codec: &XSString},
	Field{Space: testNS, Local: "Y", GoName: "Y", Flags: Optional, Codec: &XSString},
	Field{Space: testNS, Local: "Z", GoName: "Z", Flags: Optional, Codec: &XSString})

func (*partsResult) SOAPType() *Type { return tablePartsResult }

// TestBodyUnmarshaler: a Parts result receives every element of the reply's Body, the first one
// checked against the Operation's Response; a Fault is still a *soap.Fault.
func TestBodyUnmarshaler(t *testing.T) {
	op := &Operation{Name: "T.Parts", Version: soap.V11, Request: tn("A"), Response: tn("X")}
	call := func(t *testing.T, body string) (*partsResult, error) {
		s, _ := newTestServer(t, cannedReply{status: 200, contentType: "text/xml", body: env11("", body)})
		res := &partsResult{}
		err := (&Client{}).Do(context.Background(), op, &Call{Endpoint: s.URL, Response: res})
		return res, err
	}
	t.Run("every element", func(t *testing.T) {
		res, err := call(t, `<t:X>1</t:X> <t:Y>2</t:Y><!-- c --><t:Z>3</t:Z>`)
		if err != nil {
			t.Fatal(err)
		}
		if *res != (partsResult{X: "1", Y: "2", Z: "3"}) {
			t.Errorf("got %+v", *res)
		}
	})
	t.Run("the first element must be the Response", func(t *testing.T) {
		_, err := call(t, `<t:Y>2</t:Y><t:X>1</t:X>`)
		if err == nil || !strings.Contains(err.Error(), "unexpected element {urn:sogen:test}Y") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a fault", func(t *testing.T) {
		_, err := call(t, `<s:Fault><faultcode>s:Client</faultcode><faultstring>no</faultstring></s:Fault>`)
		var f *soap.Fault
		if !errors.As(err, &f) || f.Reason != "no" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a truncated reply", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 200, contentType: "text/xml", body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:sogen:test"><s:Body><t:X>1</t:X><t:Y>2`})
		err := (&Client{}).Do(context.Background(), op, &Call{Endpoint: s.URL, Response: &partsResult{}})
		if err == nil {
			t.Error("a truncated reply was accepted")
		}
	})
}
