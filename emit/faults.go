package emit

import (
	"github.com/dave/jennifer/jen"
)

// faults renders the typed errors of declared faults: a struct holding the decoded detail and the
// *soap.Fault, with Error, Unwrap (to the *soap.Fault) and UnmarshalSOAP (the detail element).
func (e *emitter) faults(f *jen.File) {
	for _, ft := range e.pkg.Faults {
		f.Commentf("%s tells the runtime to return a fault whose detail is %s as a *%s.", ft.Var, ft.Elem.Local, ft.GoName)
		f.Var().Id(ft.Var).Op("=").Add(e.soap("FaultType")).Values(lines(
			jen.Id("Name").Op(":").Add(qname(ft.Elem)),
			jen.Id("New").Op(":").Func().Params(jen.Id("f").Op("*").Add(e.soap("Fault"))).Add(e.soap("FaultDetail")).Block(
				jen.Return(jen.Op("&").Id(ft.GoName).Values(jen.Id("Fault").Op(":").Id("f"))),
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
		f.Comment("UnmarshalSOAP decodes the detail element start into x.Detail.")
		f.Func().Params(recv.Clone()).Id("UnmarshalSOAP").Params(
			jen.Id("d").Op("*").Add(e.soap("Decoder")),
			jen.Id("start").Qual(xmlPkg, "StartElement"),
		).Error().Block(
			jen.Id("x").Dot("Detail").Op("=").New(jen.Id(ft.Type.GoName)),
			jen.Return(jen.Id("x").Dot("Detail").Dot("UnmarshalSOAP").Call(jen.Id("d"), jen.Id("start"))),
		)
	}
}
