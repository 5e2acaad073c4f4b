package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

// server renders the server side of client c (model.Server): the interface, the type answering "not
// implemented", the functions serving each operation, the status and fault functions, and a handler
// constructor per port.
func (e *emitter) server(f *jen.File, c *model.Client) {
	s := c.Server
	f.Add(comment(s.Doc))
	f.Type().Id(s.Interface).InterfaceFunc(func(g *jen.Group) {
		for _, op := range c.Operations {
			g.Add(comment(op.ServerDoc))
			g.Id(op.GoName).Params(e.serverParams(op, true)...).Add(e.serverResults(op))
		}
	})
	f.Add(comment(s.UnimplementedDoc))
	f.Type().Id(s.Unimplemented).Struct()
	for _, op := range c.Operations {
		f.Commentf("%s answers that the operation %s is not implemented.", op.GoName, op.Name)
		var ret []jen.Code
		if op.ResultType != nil {
			ret = append(ret, e.zero(op.ResultType))
		}
		ret = append(ret, e.impl("Unimplemented").Call(jen.Lit(c.PortType.Local+"."+op.Name)))
		f.Func().Params(jen.Id(s.Unimplemented)).Id(op.GoName).Params(e.serverParams(op, false)...).Add(e.serverResults(op)).Block(jen.Return(ret...))
	}

	f.Commentf("%s serves the operations of %s, in the order of the bindings' operations: each decodes the request, calls the implementation and returns what the reply carries.", s.MethodsVar, s.Interface)
	f.Var().Id(s.MethodsVar).Op("=").Index(jen.Lit(len(c.Operations))).Add(e.impl("Method")).ValuesFunc(func(g *jen.Group) {
		for _, op := range c.Operations {
			g.Line().Add(e.serveMethod(s, op))
		}
		g.Line()
	})

	if s.Status != "" {
		e.serverStatus(f, c)
	}
	if s.Faults != "" {
		f.Commentf("%s returns the declared fault err is, for the handlers of %s: its descriptor, the SOAP fault it carries and its detail.", s.Faults, s.Interface)
		f.Func().Id(s.Faults).Params(jen.Err().Error()).Params(jen.Op("*").Add(e.impl("FaultType")), jen.Op("*").Add(e.soap("Fault")), e.impl("Message")).BlockFunc(func(g *jen.Group) {
			for _, ft := range s.FaultTypes {
				g.If(jen.Id("x").Op(":=").Parens(jen.Op("*").Id(ft.GoName)).Parens(jen.Nil()), jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("x"))).Block(
					jen.Return(jen.Op("&").Id(ft.Var), jen.Id("x").Dot("Fault"), jen.Id("x").Dot("Detail")),
				)
			}
			g.Return(jen.Nil(), jen.Nil(), jen.Nil())
		})
	}

	// The Service of the binding whose operations are ops.
	service := func(ops jen.Code) jen.Code {
		svc := []jen.Code{
			jen.Id("Name").Op(":").Lit(s.Name),
			jen.Id("Ops").Op(":").Add(ops),
			jen.Id("Methods").Op(":").Id(s.MethodsVar).Index(jen.Op(":")),
		}
		if len(e.pkg.Namespaces) > 0 {
			svc = append(svc, jen.Id("Namespaces").Op(":").Id(e.pkg.NamespacesVar))
		}
		svc = append(svc, jen.Id("Types").Op(":").Id(e.pkg.Registry))
		if rh := c.RequestHeader; rh != nil {
			svc = append(svc, jen.Id("Header").Op(":").Func().Params().Add(e.impl("Message")).Block(jen.Return(jen.New(jen.Id(rh.GoName)))))
		}
		if rh := c.ResponseHeader; rh != nil {
			svc = append(svc, jen.Id("ResponseHeader").Op(":").Func().Params().Add(e.impl("Message")).Block(jen.Return(jen.New(jen.Id(rh.GoName)))))
		}
		if s.Status != "" {
			svc = append(svc, jen.Id("Status").Op(":").Id(s.Status))
		}
		if s.Faults != "" {
			svc = append(svc, jen.Id("Faults").Op(":").Id(s.Faults))
		}
		return jen.Op("&").Add(e.impl("Service")).Values(lines(svc...)...)
	}
	if s.ServiceFunc != "" {
		f.Commentf("%s describes the binding whose operations are ops to the handlers of %s.", s.ServiceFunc, s.Interface)
		f.Func().Id(s.ServiceFunc).Params(jen.Id("ops").Index().Add(e.impl("Operation"))).Op("*").Add(e.impl("Service")).Block(
			jen.Return(service(jen.Id("ops"))),
		)
	}
	for _, h := range s.Handlers {
		f.Add(comment(h.Doc))
		ops := jen.Id(h.Port.Binding.OpsVar).Index(jen.Op(":"))
		svc := service(ops)
		if s.ServiceFunc != "" {
			svc = jen.Id(s.ServiceFunc).Call(ops)
		}
		f.Func().Id(h.Func).Params(jen.Id("impl").Id(s.Interface), jen.Id("opts").Op("...").Add(e.soap("HandlerOption"))).Qual("net/http", "Handler").Block(
			jen.Return(e.impl("NewHandler").Call(svc, jen.Id("impl"), jen.Id("opts"))),
		)
	}
}

// serverParams returns the parameters of the server method of op: ctx and the client method's
// parameters, named (for the interface) or not (for the methods answering "not implemented").
func (e *emitter) serverParams(op *model.Operation, named bool) []jen.Code {
	if !named {
		params := []jen.Code{jen.Qual("context", "Context")}
		for _, p := range op.Params {
			params = append(params, e.goType(p.Type))
		}
		return params
	}
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.Params {
		params = append(params, jen.Id(p.Name).Add(e.goType(p.Type)))
	}
	return params
}

// serverResults returns the results of the server method of op: the client method's.
func (e *emitter) serverResults(op *model.Operation) *jen.Statement {
	if op.ResultType == nil {
		return jen.Error()
	}
	return jen.Parens(jen.List(e.goType(op.ResultType), jen.Error()))
}

// serveMethod renders the soapimpl.Method serving op: the value the request is decoded into, the
// call of the implementation with the request's parts, and the response built from its results.
func (e *emitter) serveMethod(s *model.Server, op *model.Operation) jen.Code {
	var body []jen.Code
	target := jen.Nil()
	var args []jen.Code
	args = append(args, jen.Id("ctx"))
	isNil := false
	switch {
	case op.RequestSimple != nil:
		body = append(body, jen.Var().Id("req").Add(e.goType(op.RequestSimple.Type)))
		target = jen.Op("&").Add(e.impl("Bare")).Values(jen.Id("Codec").Op(":").Add(e.valueExpr(op.RequestSimple.Value)), jen.Id("Value").Op(":").Op("&").Id("req"))
		args = append(args, jen.Id("req"))
	case op.Request == nil:
	case op.RequestBody == model.WholeBody && op.Params[0].Type.Kind == model.Interface:
		// A base type with derived types: the element's xsi:type decides the value's type.
		body = append(body, jen.Var().Id("req").Add(e.goType(op.Params[0].Type)))
		target = jen.Op("&").Add(e.impl("Bare")).Values(jen.Id("Codec").Op(":").Op("&").Id(op.Params[0].Type.Type.Poly.Var), jen.Id("Value").Op(":").Op("&").Id("req"))
		args = append(args, jen.Id("req"))
	case op.RequestBody == model.WholeBody:
		body = append(body, jen.Id("req").Op(":=").New(jen.Id(op.Request.GoName)))
		target = jen.Id("req")
		if op.RequestNillable {
			isNil = true
			body = append(body, jen.Id("isNil").Op(":=").False())
			target = jen.Op("&").Add(e.impl("NillableResult")).Values(jen.Id("Value").Op(":").Id("req"), jen.Id("IsNil").Op(":").Op("&").Id("isNil"))
		}
		args = append(args, jen.Id("req"))
	default:
		body = append(body, jen.Id("req").Op(":=").New(jen.Id(op.Request.GoName)))
		target = jen.Id("req")
		for _, p := range op.Params {
			args = append(args, jen.Id("req").Dot(p.Field.GoName))
		}
	}
	callImpl := jen.Id("r").Dot("Impl").Assert(jen.Id(s.Interface)).Dot(op.GoName).Call(args...)
	var inner []jen.Code
	if isNil {
		inner = append(inner, jen.If(jen.Id("isNil")).Block(jen.Id("req").Op("=").Nil()))
	}
	switch {
	case op.OneWay || op.ResponseSimple == nil && op.Response == nil:
		inner = append(inner, jen.Return(jen.Nil(), callImpl))
	case op.ResponseSimple != nil:
		inner = append(inner,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(callImpl),
			jen.Return(jen.Op("&").Add(e.impl("Bare")).Values(jen.Id("Codec").Op(":").Add(e.valueExpr(op.ResponseSimple.Value)), jen.Id("Value").Op(":").Op("&").Id("res")), jen.Err()))
	case op.Result == model.FieldResult:
		inner = append(inner,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(callImpl),
			jen.Return(jen.Op("&").Id(op.Response.GoName).Values(jen.Id(op.ResultField.GoName).Op(":").Id("res")), jen.Err()))
	case op.Result == model.WrapperResult && op.ResponseNillable:
		inner = append(inner,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(callImpl),
			jen.Return(jen.Op("&").Add(e.impl("NillableResult")).Values(jen.Id("Value").Op(":").Id("res")), jen.Err()))
	case op.Result == model.WrapperResult:
		inner = append(inner,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(callImpl),
			jen.Return(jen.Id("res"), jen.Err()))
	default: // an empty response wrapper
		inner = append(inner, jen.Return(jen.New(jen.Id(op.Response.GoName)), callImpl))
	}
	body = append(body, jen.Return(jen.Id("r").Dot("Serve").Call(target,
		jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Any(), jen.Error()).Block(inner...))))
	fields := []jen.Code{}
	if op.OneWay {
		fields = append(fields, jen.Id("OneWay").Op(":").True())
	}
	fields = append(fields, jen.Id("Serve").Op(":").Func().Params(jen.Id("r").Op("*").Add(e.impl("ServerRequest"))).Error().Block(body...))
	return jen.Values(fields...)
}

// serverStatus renders the function setting the blocks of c's reply-header status contract from the
// implementation's error: the inverse of CheckResponse.
func (e *emitter) serverStatus(f *jen.File, c *model.Client) {
	s, h := c.Server, c.ResponseHeader
	ct := h.Contract
	doc := "%s sets the reply-header status blocks of a reply of %s from the implementation's error err, and reports whether err is reported that way (nil included): "
	if ct.Error != nil {
		doc += "a *" + ct.Error.Value.Type.GoName + " (errors.As) becomes the block " + ct.Error.Elem.Local + "; "
	}
	if ct.Status != nil {
		doc += "the block " + ct.Status.Elem.Local + ", unless the implementation set it, says whether the reply reports no failure; "
	}
	doc += "any other error is not."
	f.Commentf(doc, s.Status, s.Interface)
	f.Func().Id(s.Status).Params(jen.Id("h").Add(e.impl("Message")), jen.Err().Error()).Bool().BlockFunc(func(g *jen.Group) {
		g.Id("x").Op(":=").Id("h").Assert(jen.Op("*").Id(h.GoName))
		if ct.Error != nil {
			g.Var().Id("failure").Op("*").Id(ct.Error.Value.Type.GoName)
			g.If(jen.Err().Op("!=").Nil().Op("&&").Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("failure"))).Block(jen.Return(jen.False()))
			g.If(jen.Id("failure").Op("!=").Nil()).Block(jen.Id("x").Dot(ct.Error.GoName).Op("=").Id("failure"))
		} else {
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False()))
		}
		if st := ct.Status; st != nil {
			ok := jen.True()
			if ct.Error != nil {
				ok = jen.Id("x").Dot(ct.Error.GoName).Op("==").Nil()
			}
			if st.Ref {
				g.If(jen.Id("x").Dot(st.GoName).Op("==").Nil()).Block(
					jen.Id("ok").Op(":=").Add(ok),
					jen.Id("x").Dot(st.GoName).Op("=").Op("&").Id("ok"),
				)
			} else {
				g.Id("x").Dot(st.GoName).Op("=").Add(ok)
			}
		}
		g.Return(jen.True())
	})
}
