package soapimpl

import (
	"context"
	"encoding/xml"

	"github.com/sogen-go/sogen/soap"
)

// Hand-written stand-ins for generated code, described by tables as generated code describes its
// types, for the tests of the call.

const testNS = "urn:sogen:test"

func tn(local string) xml.Name { return xml.Name{Space: testNS, Local: local} }

// Client is the soap.Client the tests call through, with the Do method generated clients have in
// effect (they call Invoke).
type Client soap.Client

// Do sends call as op through Invoke.
func (c *Client) Do(ctx context.Context, op *Operation, call *Call, opts ...soap.CallOption) error {
	return Invoke(ctx, (*soap.Client)(c), op, call, opts)
}

// table returns the table of a struct type T with the given fields, whose Go fields ptrs points to.
func table[T any](goName string, typ xml.Name, kind Kind, ptrs func(x *T) []any, fields ...Field) *Type {
	var zero *T
	return NewType(&Struct{
		Go:   goName,
		Type: typ,
		Kind: kind,
		Zero: any(zero).(Message),
		New:  func() any { return new(T) },
		Ptrs: func(v any, p []any) {
			x := v.(*T)
			copy(p, ptrs(x))
		},
		Fields: fields,
	})
}

// echoRequest is a request body: a string and an int child.
type echoRequest struct {
	Text  string
	Count int32
}

var tableEchoRequest = table("echoRequest", xml.Name{}, Plain, func(x *echoRequest) []any { return []any{&x.Text, &x.Count} },
	Field{Space: testNS, Local: "text", GoName: "Text", Codec: &XSString},
	Field{Space: testNS, Local: "count", GoName: "Count", Codec: &XSInt})

func (*echoRequest) SOAPType() *Type { return tableEchoRequest }

// echoResponse is the matching response body.
type echoResponse struct {
	Text  string
	Count int32
}

var tableEchoResponse = table("echoResponse", xml.Name{}, Plain, func(x *echoResponse) []any { return []any{&x.Text, &x.Count} },
	Field{Space: testNS, Local: "text", GoName: "Text", Codec: &XSString},
	Field{Space: testNS, Local: "count", GoName: "Count", Codec: &XSInt})

func (*echoResponse) SOAPType() *Type { return tableEchoResponse }

// thing is the registered type {urn:sogen:test}Thing, with the fields of echoResponse.
type thing struct {
	Text  string
	Count int32
}

var tableThing = table("thing", tn("Thing"), Plain, func(x *thing) []any { return []any{&x.Text, &x.Count} },
	Field{Space: testNS, Local: "text", GoName: "Text", Codec: &XSString},
	Field{Space: testNS, Local: "count", GoName: "Count", Codec: &XSInt})

func (*thing) SOAPType() *Type { return tableThing }

// anyHolder holds its <any> child, an xs:anyType value.
type anyHolder struct{ V any }

var tableAnyHolder = table("anyHolder", xml.Name{}, Plain, func(x *anyHolder) []any { return []any{&x.V} },
	Field{Space: testNS, Local: "any", GoName: "V", Flags: Optional | ZeroUnset, Codec: &Any})

func (*anyHolder) SOAPType() *Type { return tableAnyHolder }

// authBlock is the content of the request header block Auth: a token.
type authBlock struct{ Token string }

var tableAuthBlock = table("authBlock", xml.Name{}, Plain, func(x *authBlock) []any { return []any{&x.Token} },
	Field{Space: testNS, Local: "token", GoName: "Token", Codec: &XSString})

func (*authBlock) SOAPType() *Type { return tableAuthBlock }

var ptrAuthBlock = Ptr[*authBlock]()

// authHeader is a request header struct: the block Auth.
type authHeader struct{ Auth *authBlock }

// auth returns the request header sending token.
func auth(token string) *authHeader { return &authHeader{Auth: &authBlock{Token: token}} }

var tableAuthHeader = table("authHeader", xml.Name{}, Header, func(x *authHeader) []any { return []any{&x.Auth} },
	Field{Space: testNS, Local: "Auth", GoName: "Auth", Flags: Optional | Nillable | ZeroUnset, Codec: &ptrAuthBlock})

func (*authHeader) SOAPType() *Type { return tableAuthHeader }

// statusBlock is the content of the reply header block Status.
type statusBlock struct {
	Succeeded bool
	Message   string
}

var tableStatusBlock = table("statusBlock", xml.Name{}, Plain, func(x *statusBlock) []any { return []any{&x.Succeeded, &x.Message} },
	Field{Space: testNS, Local: "succeeded", GoName: "Succeeded", Flags: Optional, Codec: &XSBoolean},
	Field{Space: testNS, Local: "message", GoName: "Message", Flags: Optional, Codec: &XSString})

func (*statusBlock) SOAPType() *Type { return tableStatusBlock }

var ptrStatusBlock = Ptr[*statusBlock]()

// statusHeader is a response header struct: the block Status (nil when the reply has none).
type statusHeader struct{ Status *statusBlock }

var tableStatusHeader = table("statusHeader", xml.Name{}, Header, func(x *statusHeader) []any { return []any{&x.Status} },
	Field{Space: testNS, Local: "Status", GoName: "Status", Flags: Optional | Nillable | ZeroUnset, Codec: &ptrStatusBlock})

func (*statusHeader) SOAPType() *Type { return tableStatusHeader }

func (h *statusHeader) succeeded() bool { return h.Status != nil && h.Status.Succeeded }

// checkedHeader reports a failure signalled in the header, as SuperOffice does.
type checkedHeader struct{ Status *statusBlock }

var tableCheckedHeader = table("checkedHeader", xml.Name{}, Header, func(x *checkedHeader) []any { return []any{&x.Status} },
	Field{Space: testNS, Local: "Status", GoName: "Status", Flags: Optional | Nillable | ZeroUnset, Codec: &ptrStatusBlock})

func (*checkedHeader) SOAPType() *Type { return tableCheckedHeader }

type apiError struct{ Message string }

func (e *apiError) Error() string { return "api error: " + e.Message }

func (h *checkedHeader) CheckResponse() error {
	if h.Status == nil || !h.Status.Succeeded {
		msg := ""
		if h.Status != nil {
			msg = h.Status.Message
		}
		return &apiError{Message: msg}
	}
	return nil
}
