package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

func (e *emitter) client(f *jen.File, c *model.Client) {
	if h := c.RequestHeader; h != nil {
		e.header(f, h)
	}
	if h := c.ResponseHeader; h != nil {
		e.header(f, h)
	}
	n := len(c.Operations)
	f.Add(comment(c.Doc))
	f.Type().Id(c.GoName).StructFunc(func(g *jen.Group) {
		g.Comment("Client sends the requests; nil means a zero soap.Client (http.DefaultClient, default limits).")
		g.Id("Client").Op("*").Add(e.soap("Client"))
		g.Comment("Endpoint is the URL requests are sent to; the constructor sets the address the WSDL gives.")
		g.Id("Endpoint").String()
		if c.RequestHeader != nil {
			g.Comment("Header is sent with every request (each operation sends the blocks its binding declares);")
			g.Comment("soap.WithRequestHeader replaces it for one call. Set it before the client is shared.")
			g.Id("Header").Id(c.RequestHeader.GoName)
		}
		g.Id("ops").Op("*").Index(jen.Lit(n)).Add(e.impl("Operation"))
	})
	for _, b := range c.Bindings {
		version := "V11"
		if b.Version == 12 {
			version = "V12"
		}
		f.Commentf("%s describes the operations of binding %s, in the order of %s's methods.", b.OpsVar, b.Name.Local, c.GoName)
		f.Var().Id(b.OpsVar).Op("=").Index(jen.Lit(n)).Add(e.impl("Operation")).ValuesFunc(func(g *jen.Group) {
			for i, op := range b.Ops {
				mop := c.Operations[i]
				fields := []jen.Code{
					jen.Id("Name").Op(":").Lit(c.PortType.Local + "." + op.Name),
					jen.Id("Action").Op(":").Lit(op.Action),
					jen.Id("Version").Op(":").Add(e.soap(version)),
				}
				if !mop.RequestElem.IsZero() {
					fields = append(fields, jen.Id("Request").Op(":").Add(qname(mop.RequestElem)))
				}
				if !mop.ResponseElem.IsZero() {
					fields = append(fields, jen.Id("Response").Op(":").Add(qname(mop.ResponseElem)))
				}
				if op.Encoded {
					fields = append(fields, jen.Id("Encoded").Op(":").True())
				}
				if len(mop.Faults) > 0 {
					fields = append(fields, jen.Id("Faults").Op(":").Index().Add(e.impl("FaultType")).ValuesFunc(func(g *jen.Group) {
						for _, ft := range mop.Faults {
							g.Id(ft.Var)
						}
					}))
				}
				if len(op.InHeaders) > 0 {
					fields = append(fields, jen.Id("Headers").Op(":").Index().Int().ValuesFunc(func(g *jen.Group) {
						for _, h := range op.InHeaders {
							g.Lit(h)
						}
					}))
				}
				g.Line().Values(fields...)
			}
			g.Line()
		})
	}
	for _, p := range c.Ports {
		f.Add(comment(p.Doc))
		f.Func().Id(p.Constructor).Params(jen.Id("client").Op("*").Add(e.soap("Client"))).Op("*").Id(c.GoName).Block(
			jen.Return(jen.Op("&").Id(c.GoName).Values(lines(
				jen.Id("Client").Op(":").Id("client"),
				jen.Id("Endpoint").Op(":").Lit(p.Endpoint),
				jen.Id("ops").Op(":").Op("&").Id(p.Binding.OpsVar),
			)...)),
		)
	}
	e.callMethod(f, c)
	for i, op := range c.Operations {
		e.operation(f, c, i, op)
	}
	e.messages(f, c)
}

func (e *emitter) callMethod(f *jen.File, c *model.Client) {
	f.Commentf("%s sends one request through the runtime: the operation's request headers, req as the body, and resp to decode the reply into (nil for a one-way operation).", c.CallMethod)
	f.Func().Params(jen.Id("c").Op("*").Id(c.GoName)).Id(c.CallMethod).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("i").Int(),
		jen.List(jen.Id("req"), jen.Id("resp")).Any(),
		jen.Id("opts").Index().Add(e.soap("CallOption")),
	).Error().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("c").Op("==").Nil().Op("||").Id("c").Dot("ops").Op("==").Nil()).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit(c.Unmade))),
		)
		call := []jen.Code{
			jen.Id("Endpoint").Op(":").Id("c").Dot("Endpoint"),
			jen.Id("Caller").Op(":").Lit(c.Caller),
		}
		if len(e.pkg.Namespaces) > 0 {
			call = append(call, jen.Id("Namespaces").Op(":").Id(e.pkg.NamespacesVar))
		}
		call = append(call, jen.Id("Types").Op(":").Id(e.pkg.Registry))
		if c.RequestHeader != nil {
			g.List(jen.Id("h"), jen.Err()).Op(":=").Add(e.impl("RequestHeaderFrom")).Call(jen.Op("&").Id("c").Dot("Header"), jen.Id("opts"))
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			call = append(call, jen.Id("Header").Op(":").Id("h"))
		}
		if c.ResponseHeader != nil {
			g.Var().Id("local").Id(c.ResponseHeader.GoName)
			g.List(jen.Id("rh"), jen.Err()).Op(":=").Add(e.impl("ResponseHeaderFrom")).Call(jen.Op("&").Id("local"), jen.Id("opts"))
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			call = append(call, jen.Id("ResponseHeader").Op(":").Id("rh"))
		}
		call = append(call, jen.Id("Request").Op(":").Id("req"), jen.Id("Response").Op(":").Id("resp"))
		g.Return(e.impl("Invoke").Call(jen.Id("ctx"), jen.Id("c").Dot("Client"), jen.Op("&").Id("c").Dot("ops").Index(jen.Id("i")),
			jen.Op("&").Add(e.impl("Call")).Values(lines(call...)...), jen.Id("opts")))
	})
}

// flatParams returns the parameters of op's method: ctx, one per child of the request wrapper (or
// the whole bare request), opts.
func (e *emitter) flatParams(op *model.Operation) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.Params {
		params = append(params, jen.Id(p.Name).Add(e.goType(p.Type)))
	}
	return append(params, jen.Id("opts").Op("...").Add(e.soap("CallOption")))
}

// flatResult returns the result type of op's method besides the error, and its zero value (nil
// when it returns only an error).
func (e *emitter) flatResult(op *model.Operation) (*jen.Statement, *jen.Statement) {
	if op.ResultType == nil {
		return nil, nil
	}
	return e.goType(op.ResultType), e.zero(op.ResultType)
}

// bareValue renders soap.BareValue[T] for a simple-typed bare body.
func (e *emitter) bareValue(sb *model.SimpleBody) *jen.Statement {
	return e.soap("BareValue").Types(e.goType(sb.Type))
}

// operation renders the method of op: a thin layer over its message-level method when it has one,
// the call itself otherwise.
func (e *emitter) operation(f *jen.File, c *model.Client, i int, op *model.Operation) {
	result, zero := e.flatResult(op)
	var results []jen.Code
	if result != nil {
		results = append(results, result)
	}
	results = append(results, jen.Error())
	f.Add(comment(op.Doc))
	f.Func().Params(jen.Id("c").Op("*").Id(c.GoName)).Id(op.GoName).Params(e.flatParams(op)...).Params(results...).BlockFunc(func(g *jen.Group) {
		if !op.Message {
			e.callBody(g, c, i, op, "c", zero)
			return
		}
		args := []jen.Code{jen.Id("ctx")}
		switch {
		case op.RequestSimple != nil:
			args = append(args, e.bareValue(op.RequestSimple).Values(jen.Id("Value").Op(":").Id(op.Params[0].Name)))
		case op.RequestBody == model.WholeBody:
			args = append(args, jen.Id(op.Params[0].Name))
		case op.Request != nil:
			args = append(args, jen.Op("&").Id(op.Request.GoName).ValuesFunc(func(g *jen.Group) {
				for _, p := range op.Params {
					g.Id(p.Field.GoName).Op(":").Id(p.Name)
				}
			}))
		}
		args = append(args, jen.Id("opts").Op("..."))
		msg := jen.Id("c").Dot(c.Messages).Call().Dot(op.GoName).Call(args...)
		if !e.messageReturns(op) {
			g.Return(msg)
			return
		}
		switch op.Result {
		case model.WrapperResult:
			g.Return(msg)
			return
		case model.NoResult:
			g.List(jen.Id("_"), jen.Err()).Op(":=").Add(msg)
			g.Return(jen.Err())
			return
		}
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(msg)
		// With the result a reply carried, a failure its header blocks report comes too (the
		// message-level method returns both).
		after := jen.Nil()
		if c.ResultWithFailure {
			g.If(jen.Err().Op("!=").Nil().Op("&&").Op("!").Add(e.soap("ResultDecoded")).Call(jen.Err())).Block(jen.Return(zero.Clone(), jen.Err()))
			after = jen.Err()
		} else {
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(zero.Clone(), jen.Err()))
		}
		switch op.Result {
		case model.FieldResult:
			if op.ResponseNillable {
				g.If(jen.Id("resp").Op("==").Nil()).Block(jen.Return(zero.Clone(), after.Clone()))
			}
			g.Return(jen.Id("resp").Dot(op.ResultField.GoName), after)
		case model.SimpleResult:
			g.Return(jen.Id("resp").Dot("Value"), after)
		}
	})
}

// messageReturns reports whether op's message-level method returns a response besides the error.
func (e *emitter) messageReturns(op *model.Operation) bool {
	return op.Response != nil || op.ResponseSimple != nil
}

// messages renders the client's message-level view: its type, the method returning it, and one
// method per operation that has one.
func (e *emitter) messages(f *jen.File, c *model.Client) {
	if c.MessagesType == "" {
		return
	}
	f.Commentf("%s calls the operations of %s with their whole messages; get one with %s.%s.", c.MessagesType, c.GoName, c.GoName, c.Messages)
	f.Type().Id(c.MessagesType).Struct(jen.Id("c").Op("*").Id(c.GoName))
	f.Commentf("%s returns c's operations at the message level: each method takes the operation's whole request message (the request wrapper struct, or a soap.BareValue holding a bare body's value, Presence included) and returns its whole response message, so that every state the wire allows can be sent and read — an element left out, sent empty or as xsi:nil, a nil result — and parameters are given by name. The methods of %s that take the wrapper's children as parameters and return its child call these; an operation whose method already takes and returns whole messages has none here.", c.Messages, c.GoName)
	f.Func().Params(jen.Id("c").Op("*").Id(c.GoName)).Id(c.Messages).Params().Id(c.MessagesType).Block(
		jen.Return(jen.Id(c.MessagesType).Values(jen.Id("c"))),
	)
	for i, op := range c.Operations {
		if !op.Message {
			continue
		}
		params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
		switch {
		case op.RequestSimple != nil:
			params = append(params, jen.Id("req").Add(e.bareValue(op.RequestSimple)))
		case op.Request != nil:
			params = append(params, jen.Id("req").Op("*").Id(op.Request.GoName))
		}
		params = append(params, jen.Id("opts").Op("...").Add(e.soap("CallOption")))
		var results []jen.Code
		var zero *jen.Statement
		switch {
		case op.ResponseSimple != nil:
			results = append(results, e.bareValue(op.ResponseSimple))
			zero = e.bareValue(op.ResponseSimple).Values()
		case op.Response != nil:
			results = append(results, jen.Op("*").Id(op.Response.GoName))
			zero = jen.Nil()
		}
		results = append(results, jen.Error())
		f.Add(comment(op.MessageDoc))
		f.Func().Params(jen.Id("m").Id(c.MessagesType)).Id(op.GoName).Params(params...).Params(results...).BlockFunc(func(g *jen.Group) {
			e.callBody(g, c, i, op, "m.c", zero)
		})
	}
}

// callBody renders the body of the method calling op with the whole request: the request is the
// message-level method's req, or built from the parameters of the method above when op has no
// message-level method; recv is the client. zero is the zero result (nil when only an error is
// returned).
func (e *emitter) callBody(g *jen.Group, c *model.Client, i int, op *model.Operation, recv string, zero *jen.Statement) {
	message := op.Message // called from the message-level method: the request is req
	fail := func(err jen.Code) *jen.Statement {
		if zero != nil {
			return jen.Return(zero.Clone(), err)
		}
		return jen.Return(err)
	}
	reqArg := jen.Id("req")
	in := jen.Id("req") // the request value, wherever it comes from
	if !message && len(op.Params) > 0 {
		in = jen.Id(op.Params[0].Name)
	}
	switch {
	case op.RequestSimple != nil:
		bare := []jen.Code{jen.Id("Codec").Op(":").Add(e.valueExpr(op.RequestSimple.Value))}
		if message {
			bare = append(bare, jen.Id("Value").Op(":").Op("&").Id("req").Dot("Value"), jen.Id("Presence").Op(":").Op("&").Id("req").Dot("Presence"))
		} else {
			bare = append(bare, jen.Id("Value").Op(":").Op("&").Add(in.Clone()))
		}
		reqArg = jen.Op("&").Add(e.impl("Bare")).Values(bare...)
	case op.Request == nil:
		reqArg = jen.Nil()
	case message || op.RequestBody == model.WholeBody:
		if !op.RequestNillable {
			name := "req"
			where := c.GoName + "." + c.Messages + "()." + op.GoName
			if !message {
				name, where = op.Params[0].Name, c.GoName+"."+op.GoName
			}
			msg := fmt.Sprintf("%s: %s: %s is nil, and the element %s is not nillable", e.pkg.Name, where, name, op.RequestElem.Local)
			if op.Request.BodyParts {
				msg = fmt.Sprintf("%s: %s: %s is nil (it holds the parts of the request)", e.pkg.Name, where, name)
			}
			g.If(in.Clone().Op("==").Nil()).Block(fail(jen.Qual("errors", "New").Call(jen.Lit(msg))))
		}
		reqArg = in.Clone()
	default:
		g.Id("req").Op(":=").Op("&").Id(op.Request.GoName).ValuesFunc(func(g *jen.Group) {
			for _, p := range op.Params {
				g.Id(p.Field.GoName).Op(":").Id(p.Name)
			}
		})
	}
	respArg := jen.Nil()
	switch {
	case op.ResponseSimple != nil && message:
		g.Var().Id("resp").Add(e.bareValue(op.ResponseSimple))
		respArg = jen.Op("&").Add(e.impl("Bare")).Values(jen.Id("Codec").Op(":").Add(e.valueExpr(op.ResponseSimple.Value)),
			jen.Id("Value").Op(":").Op("&").Id("resp").Dot("Value"), jen.Id("Presence").Op(":").Op("&").Id("resp").Dot("Presence"))
	case op.ResponseSimple != nil:
		g.Var().Id("resp").Add(e.goType(op.ResponseSimple.Type))
		respArg = jen.Op("&").Add(e.impl("Bare")).Values(jen.Id("Codec").Op(":").Add(e.valueExpr(op.ResponseSimple.Value)),
			jen.Id("Value").Op(":").Op("&").Id("resp"))
	case op.Response != nil && op.ResponseNillable:
		g.Id("resp").Op(":=").New(jen.Id(op.Response.GoName))
		g.Var().Id("isNil").Bool()
		respArg = jen.Op("&").Add(e.impl("NillableResult")).Values(jen.Id("Value").Op(":").Id("resp"), jen.Id("IsNil").Op(":").Op("&").Id("isNil"))
	case op.Response != nil:
		g.Id("resp").Op(":=").New(jen.Id(op.Response.GoName))
		respArg = jen.Id("resp")
	}
	callExpr := jen.Id(recv).Dot(c.CallMethod).Call(jen.Id("ctx"), jen.Lit(i), reqArg, respArg, jen.Id("opts"))
	if zero == nil {
		g.Return(callExpr)
		return
	}
	after := jen.Nil()
	if c.ResultWithFailure {
		// A failure the reply's header blocks report comes with the result the body carried.
		g.Err().Op(":=").Add(callExpr)
		g.If(jen.Err().Op("!=").Nil().Op("&&").Op("!").Add(e.soap("ResultDecoded")).Call(jen.Err())).Block(jen.Return(zero.Clone(), jen.Err()))
		after = jen.Err()
	} else {
		g.If(jen.Err().Op(":=").Add(callExpr), jen.Err().Op("!=").Nil()).Block(jen.Return(zero.Clone(), jen.Err()))
	}
	if op.ResponseNillable && op.ResponseSimple == nil {
		g.If(jen.Id("isNil")).Block(jen.Return(jen.Nil(), after.Clone()))
	}
	g.Return(jen.Id("resp"), after)
}

// header renders a header struct and its descriptor table: each field is a header block.
func (e *emitter) header(f *jen.File, h *model.Header) {
	f.Add(comment(h.Doc))
	f.Type().Id(h.GoName).StructFunc(func(g *jen.Group) {
		for _, fd := range h.Fields {
			g.Add(comment(fd.Doc))
			g.Id(fd.GoName).Add(e.goType(fd.Type))
		}
		g.Comment(h.Presence + " overrides, per block, what the Go values alone would send (see soap.Presence); decoding records the wire state there.")
		g.Id(h.Presence).Add(e.soap("Presence"))
	})
	var ptrs []jen.Code
	for _, fd := range h.Fields {
		ptrs = append(ptrs, e.fieldPtr(fd.GoName, fd.Type))
	}
	ptrs = append(ptrs, jen.Op("&").Id("x").Dot(h.Presence))
	e.table(f, h.GoName, h.DescVar, h.TableVar, []jen.Code{
		jen.Id("Go").Op(":").Lit(h.GoName),
		jen.Id("Kind").Op(":").Add(e.impl("Header")),
		jen.Id("Presence").Op(":").True(),
	}, ptrs, []jen.Code{e.fieldsEntry(h.Fields)})
	if h.Contract != nil {
		e.checkResponse(f, h)
	}
}

// checkResponse renders the CheckResponse method of a response header with a status contract.
func (e *emitter) checkResponse(f *jen.File, h *model.Header) {
	ct := h.Contract
	f.Add(comment(ct.Doc))
	f.Func().Params(jen.Id("h").Op("*").Id(h.GoName)).Id("CheckResponse").Params().Error().BlockFunc(func(g *jen.Group) {
		if ct.Error != nil {
			g.If(jen.Id("h").Dot(ct.Error.GoName).Op("!=").Nil()).Block(jen.Return(jen.Id("h").Dot(ct.Error.GoName)))
		}
		if s := ct.Status; s != nil {
			cond := jen.Op("!").Id("h").Dot(s.GoName)
			if s.Ref {
				cond = jen.Id("h").Dot(s.GoName).Op("!=").Nil().Op("&&").Op("!").Op("*").Id("h").Dot(s.GoName)
			}
			failure := jen.Qual("errors", "New").Call(jen.Lit(ct.FalseText))
			if ct.FalseField != nil {
				failure = jen.Op("&").Id(ct.Error.Value.Type.GoName).Values(jen.Id(ct.FalseField.GoName).Op(":").Lit(ct.FalseText))
			}
			g.If(cond).Block(jen.Return(failure))
		}
		g.Return(jen.Nil())
	})
}

// errorMethods renders the Error and Unwrap methods of a status contract's error type.
func (e *emitter) errorMethods(f *jen.File, t *model.Type) {
	m := t.ErrorMethods
	inner := jen.Nil()
	if m.Unwrap != nil {
		inner = jen.Id("v").Dot("Unwrap").Call()
	}
	f.Add(comment(m.ErrorDoc))
	var fields []jen.Code
	for _, fd := range m.Fields {
		fields = append(fields, jen.Values(jen.Id("Name").Op(":").Lit(fd.GoName), jen.Id("Value").Op(":").Id("v").Dot(fd.GoName)))
	}
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("Error").Params().String().Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Lit("<nil>"))),
		jen.Return(e.impl("ErrorText").Call(jen.Lit(t.GoName), jen.Index().Add(e.impl("ErrorField")).Values(lines(fields...)...), inner)),
	)
	if m.Unwrap != nil {
		f.Add(comment(m.UnwrapDoc))
		f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("Unwrap").Params().Error().Block(
			jen.If(jen.Id("v").Op("==").Nil().Op("||").Id("v").Dot(m.Unwrap.GoName).Op("==").Nil()).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id("v").Dot(m.Unwrap.GoName)),
		)
	}
}
