package soapimpl

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// traceBlock is a generated-style type: it does not name its element.
type traceBlock struct{ ID string }

var tableTraceBlock = table("traceBlock", xml.Name{}, Plain, func(x *traceBlock) []any { return []any{&x.ID} },
	Field{Space: "urn:trace", Local: "Id", GoName: "ID", Codec: &XSString})

func (*traceBlock) SOAPType() *Type { return tableTraceBlock }

// xmlBlock is written by encoding/xml.
type xmlBlock struct {
	XMLName xml.Name `xml:"urn:route Route"`
	Hop     string   `xml:"urn:route Hop"`
	Attr    string   `xml:"via,attr"`
}

// requestHeader returns the soap:Header element of a request body, or "".
func requestHeader(body string) string {
	i := strings.Index(body, "<soap:Header>")
	j := strings.Index(body, "</soap:Header>")
	if i < 0 || j < 0 {
		return ""
	}
	return body[i+len("<soap:Header>") : j]
}

func mustParse(t *testing.T, s string) *soap.Element {
	t.Helper()
	el, err := soap.ParseElement([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return el
}

func TestRequestHeaderBlocks(t *testing.T) {
	raw := mustParse(t, `<a:Raw xmlns:a="urn:raw" a:x="1"><a:v>raw</a:v></a:Raw>`)
	tests := []struct {
		name    string
		op      *Operation
		client  []soap.HeaderBlock
		options []soap.CallOption
		want    string
	}{
		{"generated type with a name, SOAP 1.1, mustUnderstand and actor", echo11,
			[]soap.HeaderBlock{{Value: &traceBlock{ID: "t1"}, Name: xml.Name{Space: "urn:trace", Local: "Trace"}, MustUnderstand: true, Role: "urn:gateway"}}, nil,
			`<ns2:Trace xmlns:ns2="urn:trace" soap:mustUnderstand="1" soap:actor="urn:gateway"><ns2:Id>t1</ns2:Id></ns2:Trace>`},
		{"the same with SOAP 1.2: true and role", echo12,
			[]soap.HeaderBlock{{Value: &traceBlock{ID: "t1"}, Name: xml.Name{Space: "urn:trace", Local: "Trace"}, MustUnderstand: true, Role: "urn:gateway", Relay: true}}, nil,
			`<ns2:Trace xmlns:ns2="urn:trace" soap:mustUnderstand="true" soap:role="urn:gateway" soap:relay="true"><ns2:Id>t1</ns2:Id></ns2:Trace>`},
		{"next is written as the binding's version names it", echo11,
			[]soap.HeaderBlock{{Value: raw, Role: soap.RoleNext}}, nil,
			`<ns2:Raw xmlns:ns2="urn:raw" ns2:x="1" soap:actor="http://schemas.xmlsoap.org/soap/actor/next"><ns2:v>raw</ns2:v></ns2:Raw>`},
		{"next with SOAP 1.2", echo12,
			[]soap.HeaderBlock{{Value: raw, Role: soap.ActorNext}}, nil,
			`<ns2:Raw xmlns:ns2="urn:raw" ns2:x="1" soap:role="http://www.w3.org/2003/05/soap-envelope/role/next"><ns2:v>raw</ns2:v></ns2:Raw>`},
		{"ultimateReceiver writes no attribute", echo12,
			[]soap.HeaderBlock{{Value: raw, Role: soap.RoleUltimateReceiver}}, nil,
			`<ns2:Raw xmlns:ns2="urn:raw" ns2:x="1"><ns2:v>raw</ns2:v></ns2:Raw>`},
		{"a raw element renamed, per call", echo11, nil,
			[]soap.CallOption{soap.WithHeaderBlock(soap.HeaderBlock{Value: raw, Name: xml.Name{Space: "urn:other", Local: "Renamed"}})},
			`<ns2:Renamed xmlns:ns2="urn:other" xmlns:ns3="urn:raw" ns3:x="1"><ns3:v>raw</ns3:v></ns2:Renamed>`},
		{"encoding/xml struct", echo11, nil,
			[]soap.CallOption{soap.WithHeaderBlock(soap.HeaderBlock{Value: xmlBlock{Hop: "h1", Attr: "x"}, MustUnderstand: true})},
			`<ns2:Route xmlns:ns2="urn:route" via="x" soap:mustUnderstand="1"><ns2:Hop>h1</ns2:Hop></ns2:Route>`},
		{"client blocks first, then the call's, in order", echo11,
			[]soap.HeaderBlock{{Value: mustParse(t, `<A xmlns="urn:o"/>`)}, {Value: mustParse(t, `<B xmlns="urn:o"/>`)}},
			[]soap.CallOption{soap.WithHeaderBlock(soap.HeaderBlock{Value: mustParse(t, `<C xmlns="urn:o"/>`)}), soap.WithHeaderBlock(soap.HeaderBlock{Value: mustParse(t, `<D xmlns="urn:o"/>`)})},
			`<ns2:A xmlns:ns2="urn:o"/><ns2:B xmlns:ns2="urn:o"/><ns2:C xmlns:ns2="urn:o"/><ns2:D xmlns:ns2="urn:o"/>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply := env11("", echoReply)
			if tt.op.Version == soap.V12 {
				reply = env12("", echoReply)
			}
			s, got := newTestServer(t, cannedReply{200, "text/xml", reply})
			call, _ := echoCall(s.URL)
			c := &Client{HeaderBlocks: tt.client}
			if err := c.Do(context.Background(), tt.op, call, tt.options...); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, requestHeader(got().Body)); diff != "" {
				t.Errorf("soap:Header (-want +got):\n%s\nbody: %s", diff, got().Body)
			}
		})
	}
	t.Run("the generated blocks come first", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{200, "text/xml", env11("", echoReply)})
		call, _ := echoCall(s.URL)
		call.Header = auth("tok")
		if err := new(Client).Do(context.Background(), echo11, call, soap.WithHeaderBlock(soap.HeaderBlock{Value: raw})); err != nil {
			t.Fatal(err)
		}
		want := `<ns1:Auth><ns1:token>tok</ns1:token></ns1:Auth><ns2:Raw xmlns:ns2="urn:raw" ns2:x="1"><ns2:v>raw</ns2:v></ns2:Raw>`
		if diff := cmp.Diff(want, requestHeader(got().Body)); diff != "" {
			t.Errorf("soap:Header (-want +got):\n%s", diff)
		}
	})
	t.Run("a block is written afresh for each request", func(t *testing.T) {
		s, got := newTestServer(t, cannedReply{200, "text/xml", env11("", echoReply)})
		tb := &traceBlock{}
		c := &Client{HeaderBlocks: []soap.HeaderBlock{{Value: tb, Name: xml.Name{Space: "urn:trace", Local: "Trace"}}}}
		for _, id := range []string{"one", "two"} {
			tb.ID = id
			call, _ := echoCall(s.URL)
			if err := c.Do(context.Background(), echo11, call); err != nil {
				t.Fatal(err)
			}
			if h := requestHeader(got().Body); !strings.Contains(h, ">"+id+"<") {
				t.Errorf("header %s, want %s", h, id)
			}
		}
	})
}

func TestRequestHeaderBlockErrors(t *testing.T) {
	var nilElement *soap.Element
	tests := []struct {
		name  string
		op    *Operation
		block soap.HeaderBlock
		want  string
	}{
		{"no value", echo11, soap.HeaderBlock{}, "header block 1 (<nil>): no Value"},
		{"nil element", echo11, soap.HeaderBlock{Value: nilElement}, "header block 1 (*soap.Element): a nil *soap.Element"},
		{"nil generated value", echo11, soap.HeaderBlock{Value: (*traceBlock)(nil), Name: xml.Name{Local: "T"}}, "header block 1 (*soapimpl.traceBlock): a nil value"},
		{"generated type without a name", echo11, soap.HeaderBlock{Value: &traceBlock{}}, `header block 1 (*soapimpl.traceBlock): soap: "" is not a valid XML element name (the name is zero): set HeaderBlock.Name`},
		{"a string", echo11, soap.HeaderBlock{Value: "<x/>"}, "header block 1 (string): not a generated type, a *soap.Element, an xml.Marshaler, a struct or a pointer to one"},
		{"relay with SOAP 1.1", echo11, soap.HeaderBlock{Value: &soap.Element{Name: xml.Name{Local: "x"}}, Relay: true}, "header block 1 (*soap.Element): relay is a SOAP 1.2 attribute; the binding is SOAP 1.1"},
		{"role none with SOAP 1.1", echo11, soap.HeaderBlock{Value: &soap.Element{Name: xml.Name{Local: "x"}}, Role: soap.RoleNone}, "header block 1 (*soap.Element): the role none has no SOAP 1.1 equivalent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			call, _ := echoCall("http://127.0.0.1:1/never")
			err := new(Client).Do(context.Background(), tt.op, call, soap.WithHeaderBlock(tt.block))
			if want := "soap: " + tt.op.Name + ": encoding the request: " + tt.want; err == nil || err.Error() != want {
				t.Errorf("error %v\nwant  %s", err, want)
			}
		})
	}
}

func TestResponseHeaderBlocks(t *testing.T) {
	const status = `<t:Status><t:succeeded>true</t:succeeded></t:Status>`
	tests := []struct {
		name       string
		reply      string
		op         *Operation
		understood []xml.Name
		// unknown are the local names of the blocks collected; err is a part of the error, "" for none.
		unknown []string
		err     string
	}{
		{"unknown blocks collected, known ones not", env11(status+`<x:Trace xmlns:x="urn:x">1</x:Trace><x:Other xmlns:x="urn:x"/>`, echoReply), echo11, nil,
			[]string{"Trace", "Other"}, ""},
		{"mustUnderstand on a known block", env11(`<t:Status s:mustUnderstand="1"><t:succeeded>true</t:succeeded></t:Status>`, echoReply), echo11, nil,
			nil, ""},
		{"mustUnderstand on an unknown block", env11(`<x:Security xmlns:x="urn:x" s:mustUnderstand="1"/><x:Trace xmlns:x="urn:x" s:mustUnderstand="true"/><x:Info xmlns:x="urn:x" s:mustUnderstand="0"/>`, echoReply), echo11, nil,
			[]string{"Security", "Trace", "Info"}, "header blocks with mustUnderstand that the client does not understand: {urn:x}Security, {urn:x}Trace"},
		{"the body is not read, not even a fault", env11(`<x:Security xmlns:x="urn:x" s:mustUnderstand="1"/>`, `<s:Fault><faultcode>s:Server</faultcode><faultstring>boom</faultstring></s:Fault>`), echo11, nil,
			[]string{"Security"}, "{urn:x}Security"},
		{"understood by the caller", env11(`<x:Security xmlns:x="urn:x" s:mustUnderstand="1"/>`, echoReply), echo11, []xml.Name{{Space: "urn:x", Local: "Security"}},
			[]string{"Security"}, ""},
		{"meant for another actor", env11(`<x:Security xmlns:x="urn:x" s:mustUnderstand="1" s:actor="urn:gateway"/>`, echoReply), echo11, nil,
			[]string{"Security"}, ""},
		{"meant for the next node", env11(`<x:Security xmlns:x="urn:x" s:mustUnderstand="1" s:actor="http://schemas.xmlsoap.org/soap/actor/next"/>`, echoReply), echo11, nil,
			[]string{"Security"}, "{urn:x}Security"},
		{"an unqualified mustUnderstand is not SOAP's", env11(`<x:Security xmlns:x="urn:x" mustUnderstand="1"/>`, echoReply), echo11, nil,
			[]string{"Security"}, ""},
		{"SOAP 1.2 role none", env12(`<x:S xmlns:x="urn:x" env:mustUnderstand="true" env:role="http://www.w3.org/2003/05/soap-envelope/role/none"/>`, echoReply), echo12, nil,
			[]string{"S"}, ""},
		{"SOAP 1.2 ultimateReceiver", env12(`<x:S xmlns:x="urn:x" env:mustUnderstand="1" env:role="http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver"/>`, echoReply), echo12, nil,
			[]string{"S"}, "{urn:x}S"},
		{"SOAP 1.2 next", env12(`<x:S xmlns:x="urn:x" env:mustUnderstand="true" env:role="http://www.w3.org/2003/05/soap-envelope/role/next"/>`, echoReply), echo12, nil,
			[]string{"S"}, "{urn:x}S"},
		{"not a boolean", env11(`<x:S xmlns:x="urn:x" s:mustUnderstand="yes"/>`, echoReply), echo11, nil,
			nil, `header block {urn:x}S: mustUnderstand="yes" is not a boolean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := "text/xml"
			if tt.op.Version == soap.V12 {
				ct = "application/soap+xml"
			}
			s, _ := newTestServer(t, cannedReply{200, ct, tt.reply})
			call, _ := echoCall(s.URL)
			call.ResponseHeader = new(statusHeader)
			unknown := []*soap.Element{{}} // reset by the call
			err := (&Client{UnderstoodHeaders: tt.understood}).Do(context.Background(), tt.op, call, soap.WithUnknownResponseHeaders(&unknown))
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want it to contain %s", err, tt.err)
			}
			var names []string
			for _, el := range unknown {
				names = append(names, el.Name.Local)
			}
			if diff := cmp.Diff(tt.unknown, names); diff != "" {
				t.Errorf("unknown blocks (-want +got):\n%s", diff)
			}
			var mu *soap.MustUnderstandError
			if wantMU := tt.err != "" && !strings.Contains(tt.err, "boolean"); errors.As(err, &mu) != wantMU {
				t.Errorf("errors.As(*MustUnderstandError) = %v for %v", errors.As(err, &mu), err)
			}
		})
	}
	t.Run("the collected block keeps its attributes and content", func(t *testing.T) {
		s, _ := newTestServer(t, cannedReply{200, "text/xml", env11(`<x:Trace xmlns:x="urn:x" s:actor="urn:a" x:k="v">id<x:n>1</x:n></x:Trace>`, echoReply)})
		call, _ := echoCall(s.URL)
		var unknown []*soap.Element
		if err := new(Client).Do(context.Background(), echo11, call, soap.WithUnknownResponseHeaders(&unknown)); err != nil {
			t.Fatal(err)
		}
		want := []*soap.Element{{Name: xml.Name{Space: "urn:x", Local: "Trace"},
			Attr:    []xml.Attr{{Name: xml.Name{Space: envelope[soap.V11], Local: "actor"}, Value: "urn:a"}, {Name: xml.Name{Space: "urn:x", Local: "k"}, Value: "v"}},
			Content: []soap.Node{{Text: "id"}, {Element: &soap.Element{Name: xml.Name{Space: "urn:x", Local: "n"}, Content: []soap.Node{{Text: "1"}}}}}}}
		if diff := cmp.Diff(want, unknown); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}
