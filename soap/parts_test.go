package soap

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
)

// partsResult is a hand-written BodyUnmarshaler: it records the names of the Body's elements and the
// text of each.
type partsResult struct {
	names []string
	texts []string
}

func (r *partsResult) SOAPType() xml.Name { return xml.Name{} }

func (r *partsResult) UnmarshalSOAP(d *Decoder, se xml.StartElement) error {
	s, err := d.Text()
	r.names = append(r.names, se.Name.Local)
	r.texts = append(r.texts, s)
	return err
}

func (r *partsResult) UnmarshalSOAPBody(d *Decoder, first xml.StartElement) error {
	if err := r.UnmarshalSOAP(d, first); err != nil {
		return err
	}
	return d.Children(func(se xml.StartElement) error { return r.UnmarshalSOAP(d, se) })
}

// TestBodyUnmarshaler: a Result implementing BodyUnmarshaler receives every element of the reply's
// Body, the first one checked against the Operation's Response; a Fault is still a *Fault.
func TestBodyUnmarshaler(t *testing.T) {
	op := &Operation{Name: "T.Parts", Version: V11, Request: tn("A"), Response: tn("X")}
	call := func(t *testing.T, body string) (*partsResult, error) {
		s, _ := newTestServer(t, cannedReply{status: 200, contentType: "text/xml", body: env11("", body)})
		res := &partsResult{}
		err := (&Client{}).Do(context.Background(), op, &Call{Endpoint: s.URL, Result: res})
		return res, err
	}
	t.Run("every element", func(t *testing.T) {
		res, err := call(t, `<t:X>1</t:X> <t:Y>2</t:Y><!-- c --><t:Z>3</t:Z>`)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(res.names, " ") + "/" + strings.Join(res.texts, " "); got != "X Y Z/1 2 3" {
			t.Errorf("got %s", got)
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
		var f *Fault
		if !errors.As(err, &f) || f.Reason != "no" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a truncated reply", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 200, contentType: "text/xml", body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:sogen:test"><s:Body><t:X>1</t:X><t:Y>2`})
		err := (&Client{}).Do(context.Background(), op, &Call{Endpoint: s.URL, Result: &partsResult{}})
		if err == nil {
			t.Error("a truncated reply was accepted")
		}
	})
}
