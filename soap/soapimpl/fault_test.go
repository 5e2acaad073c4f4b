package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sogen-go/sogen/soap"
)

// doFault sends an echo call answered by reply and returns the *soap.Fault of the error.
func doFault(t *testing.T, op *Operation, reply cannedReply) (*soap.Fault, error) {
	t.Helper()
	s, _ := newTestServer(t, reply)
	call, _ := echoCall(s.URL)
	call.ResponseHeader = new(checkedHeader)
	err := new(Client).Do(context.Background(), op, call)
	var f *soap.Fault
	if !errors.As(err, &f) {
		t.Fatalf("error %v: want a *Fault", err)
	}
	return f, err
}

func textNode(s string) soap.Node { return soap.Node{Text: s} }

func elemNode(name xml.Name, content ...soap.Node) soap.Node {
	return soap.Node{Element: &soap.Element{Name: name, Content: content}}
}

func TestFault11(t *testing.T) {
	t.Run("with detail, HTTP 500", func(t *testing.T) {
		f, err := doFault(t, echo11, cannedReply{status: 500, contentType: "text/xml; charset=utf-8", body: env11("",
			`<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="en">Invalid ticket</faultstring>`+
				`<faultactor>http://example.test/auth</faultactor>`+
				`<detail><t:TicketError code="7"><t:reason>expired</t:reason></t:TicketError></detail></s:Fault>`)})
		want := &soap.Fault{
			Version:    soap.V11,
			Code:       xml.Name{Space: envelope[soap.V11], Local: "Client"},
			Reason:     "Invalid ticket",
			Reasons:    []soap.FaultText{{Lang: "en", Text: "Invalid ticket"}},
			Actor:      "http://example.test/auth",
			HTTPStatus: 500,
			Detail: &soap.Element{Name: xml.Name{Local: "detail"}, Content: []soap.Node{{Element: &soap.Element{
				Name:    tn("TicketError"),
				Attr:    []xml.Attr{{Name: xml.Name{Local: "code"}, Value: "7"}},
				Content: []soap.Node{elemNode(tn("reason"), textNode("expired"))},
			}}}},
		}
		if diff := cmp.Diff(want, f); diff != "" {
			t.Errorf("fault (-want +got):\n%s", diff)
		}
		if got, want := err.Error(), "soap: Echo.Echo: soap fault (SOAP 1.1, HTTP 500): Client: Invalid ticket"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})

	t.Run("fault with status 200", func(t *testing.T) {
		f, _ := doFault(t, echo11, cannedReply{status: 200, body: env11("",
			`<s:Fault><faultcode>s:Server</faultcode><faultstring>oops</faultstring></s:Fault>`)})
		if f.HTTPStatus != 200 || f.Code.Local != "Server" || f.Reason != "oops" || f.Detail != nil {
			t.Errorf("fault %+v", f)
		}
		if diff := cmp.Diff([]soap.FaultText{{Text: "oops"}}, f.Reasons); diff != "" {
			t.Errorf("Reasons (-want +got):\n%s", diff)
		}
	})

	t.Run("faultcode prefix declared on faultcode itself", func(t *testing.T) {
		f, _ := doFault(t, echo11, cannedReply{status: 500, body: env11("",
			`<s:Fault><faultcode xmlns:e="urn:errors">e:Auth.Expired</faultcode><faultstring>x</faultstring></s:Fault>`)})
		if want := (xml.Name{Space: "urn:errors", Local: "Auth.Expired"}); f.Code != want {
			t.Errorf("Code %v, want %v", f.Code, want)
		}
	})

	t.Run("faultcode with an undeclared prefix is kept whole", func(t *testing.T) {
		f, err := doFault(t, echo11, cannedReply{status: 500, body: env11("",
			`<s:Fault><faultcode>soapenv:Server</faultcode><faultstring> multi
line </faultstring></s:Fault>`)})
		if want := (xml.Name{Local: "soapenv:Server"}); f.Code != want {
			t.Errorf("Code %v, want %v", f.Code, want)
		}
		if got, want := err.Error(), `soap: Echo.Echo: soap fault (SOAP 1.1, HTTP 500): soapenv:Server: "multi\nline"`; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})

	t.Run("qualified children and unknown ones", func(t *testing.T) {
		f, _ := doFault(t, echo11, cannedReply{status: 500, body: env11("",
			`<s:Fault><s:faultcode>s:Client</s:faultcode><extra><x/></extra><s:faultstring>q</s:faultstring></s:Fault>`)})
		if f.Code.Local != "Client" || f.Reason != "q" {
			t.Errorf("fault %+v", f)
		}
	})
}

func TestFault12(t *testing.T) {
	t.Run("subcodes, two reasons and detail, HTTP 400", func(t *testing.T) {
		f, err := doFault(t, echo12, cannedReply{status: 400, contentType: "application/soap+xml", body: env12("",
			`<env:Fault xmlns:m="http://www.example.org/timeouts">`+
				`<env:Code><env:Value>env:Sender</env:Value>`+
				`<env:Subcode><env:Value>m:MessageTimeout</env:Value>`+
				`<env:Subcode><env:Value xmlns:q="urn:q">q:Deeper</env:Value></env:Subcode></env:Subcode></env:Code>`+
				`<env:Reason><env:Text xml:lang="fr">Délai dépassé</env:Text><env:Text xml:lang="en">Sender Timeout</env:Text></env:Reason>`+
				`<env:Node>http://example.test/node</env:Node><env:Role>http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver</env:Role>`+
				`<env:Detail><m:MaxTime>P5M</m:MaxTime></env:Detail></env:Fault>`)})
		want := &soap.Fault{
			Version:  soap.V12,
			Code:     xml.Name{Space: envelope[soap.V12], Local: "Sender"},
			Subcodes: []xml.Name{{Space: "http://www.example.org/timeouts", Local: "MessageTimeout"}, {Space: "urn:q", Local: "Deeper"}},
			Reason:   "Sender Timeout",
			Reasons:  []soap.FaultText{{Lang: "fr", Text: "Délai dépassé"}, {Lang: "en", Text: "Sender Timeout"}},
			Node:     "http://example.test/node",
			Actor:    "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
			Detail: &soap.Element{Name: xml.Name{Space: envelope[soap.V12], Local: "Detail"},
				Content: []soap.Node{elemNode(xml.Name{Space: "http://www.example.org/timeouts", Local: "MaxTime"}, textNode("P5M"))}},
			HTTPStatus: 400,
		}
		if diff := cmp.Diff(want, f); diff != "" {
			t.Errorf("fault (-want +got):\n%s", diff)
		}
		if got, want := err.Error(), "soap: Echo.Echo12: soap fault (SOAP 1.2, HTTP 400): Sender/MessageTimeout/Deeper: Sender Timeout"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})

	t.Run("VersionMismatch answering a SOAP 1.1 request", func(t *testing.T) {
		f, err := doFault(t, echo11, cannedReply{status: 500, contentType: "application/soap+xml", body: env12(
			`<env:Upgrade><env:SupportedEnvelope qname="ns1:Envelope" xmlns:ns1="http://www.w3.org/2003/05/soap-envelope"/></env:Upgrade>`,
			`<env:Fault><env:Code><env:Value>env:VersionMismatch</env:Value></env:Code>`+
				`<env:Reason><env:Text xml:lang="en">Version Mismatch</env:Text></env:Reason></env:Fault>`)})
		want := &soap.Fault{
			Version:    soap.V12,
			Code:       xml.Name{Space: envelope[soap.V12], Local: "VersionMismatch"},
			Reason:     "Version Mismatch",
			Reasons:    []soap.FaultText{{Lang: "en", Text: "Version Mismatch"}},
			HTTPStatus: 500,
		}
		if diff := cmp.Diff(want, f); diff != "" {
			t.Errorf("fault (-want +got):\n%s", diff)
		}
		if got, want := err.Error(), "soap: Echo.Echo: soap fault (SOAP 1.2, HTTP 500): VersionMismatch: Version Mismatch"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})

	t.Run("SOAP 1.1 fault answering a SOAP 1.2 request", func(t *testing.T) {
		f, _ := doFault(t, echo12, cannedReply{status: 500, body: env11("",
			`<s:Fault><faultcode>s:VersionMismatch</faultcode><faultstring>wrong version</faultstring></s:Fault>`)})
		if f.Version != soap.V11 || f.Code != (xml.Name{Space: envelope[soap.V11], Local: "VersionMismatch"}) {
			t.Errorf("fault %+v", f)
		}
	})

	t.Run("reason choice", func(t *testing.T) {
		for _, tc := range []struct {
			texts []soap.FaultText
			want  string
		}{
			{nil, ""},
			{[]soap.FaultText{{Lang: "de", Text: "a"}, {Lang: "fr", Text: "b"}}, "a"},
			{[]soap.FaultText{{Lang: "de", Text: "a"}, {Lang: "en-GB", Text: "b"}}, "b"},
			{[]soap.FaultText{{Lang: "en-US", Text: "a"}, {Lang: "EN", Text: "b"}}, "b"},
		} {
			if got := pickReason(tc.texts); got != tc.want {
				t.Errorf("pickReason(%v) = %q, want %q", tc.texts, got, tc.want)
			}
		}
	})

	t.Run("unqualified Reason is tolerated", func(t *testing.T) {
		f, _ := doFault(t, echo12, cannedReply{status: 500, body: env12("",
			`<env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><Reason><Text>plain</Text></Reason></env:Fault>`)})
		if f.Reason != "plain" || f.Code.Local != "Receiver" {
			t.Errorf("fault %+v", f)
		}
	})

	t.Run("malformed fault is a decode error", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{status: 500, body: env12("", `<env:Fault><env:Code><env:Value>env:<b/></env:Value></env:Code></env:Fault>`)})
		call, _ := echoCall(s.URL)
		err := new(Client).Do(context.Background(), echo12, call)
		var de *soap.DecodeError
		if !errors.As(err, &de) || de.Path != "Envelope/Body/Fault/Code/Value/b" {
			t.Fatalf("error %v: want a *soap.DecodeError in Value", err)
		}
	})
}
