package emit

import (
	"github.com/dave/jennifer/jen"
)

// faults renders the typed errors of declared faults: a struct holding the decoded detail and the
// *soap.Fault, with Error and Unwrap (to the *soap.Fault), and the soapimpl.FaultType telling the
// runtime which detail element makes one.
func (e *emitter) faults(f *jen.File) {
	for _, ft := range e.pkg.Faults {
		f.Commentf("%s tells the runtime to return a fault whose detail is %s as a *%s.", ft.Var, ft.Elem.Local, ft.GoName)
		f.Var().Id(ft.Var).Op("=").Add(e.impl("FaultType")).Values(lines(
			jen.Id("Name").Op(":").Add(qname(ft.Elem)),
			jen.Id("New").Op(":").Func().Params(jen.Id("f").Op("*").Add(e.soap("Fault"))).Params(jen.Error(), e.impl("Message")).Block(
				jen.Id("x").Op(":=").Op("&").Id(ft.GoName).Values(jen.Id("Detail").Op(":").New(jen.Id(ft.Type.GoName)), jen.Id("Fault").Op(":").Id("f")),
				jen.Return(jen.Id("x"), jen.Id("x").Dot("Detail")),
			),
		)...)
		f.Add(comment(ft.Doc))
		f.Type().Id(ft.GoName).Struct(
			jen.Comment("Detail is the fault's detail element, decoded."),
			jen.Id("Detail").Add(e.goType(ft.Detail)),
			jen.Comment("Fault is the SOAP fault that carried it."),
			jen.Id("Fault").Op("*").Add(e.soap("Fault")),
		)
		recv := jen.Id("x").Op("*").Id(ft.GoName)
		f.Comment("Error returns the message of the SOAP fault.")
		f.Func().Params(recv.Clone()).Id("Error").Params().String().Block(
			jen.If(jen.Id("x").Dot("Fault").Op("==").Nil()).Block(jen.Return(jen.Lit(e.pkg.Name+": "+ft.GoName+" without a fault"))),
			jen.Return(jen.Id("x").Dot("Fault").Dot("Error").Call()),
		)
		f.Comment("Unwrap returns the SOAP fault, so that errors.As finds the *soap.Fault too.")
		f.Func().Params(recv.Clone()).Id("Unwrap").Params().Error().Block(
			jen.If(jen.Id("x").Dot("Fault").Op("==").Nil()).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id("x").Dot("Fault")),
		)
	}
}
