package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

func (e *emitter) typ(f *jen.File, t *model.Type) {
	switch t.Kind {
	case model.Struct:
		e.structTable(f, t)
		if t.ErrorMethods != nil {
			e.errorMethods(f, t)
		}
	case model.Enum:
		e.enumType(f, t)
	case model.Flags:
		e.flagsType(f, t)
	case model.Scalar:
		f.Add(comment(t.Doc))
		f.Type().Id(t.GoName).Add(e.goType(t.Underlying))
		e.codecVar(f, t)
	}
}

func (e *emitter) codecVar(f *jen.File, t *model.Type) {
	c := t.Codec
	f.Commentf("%s converts %s values to and from text.", c.Name, t.GoName)
	switch {
	case c.Item == nil && !c.Typed:
		// Held only as struct fields, reached through a pointer to the underlying built-in type.
		f.Var().Id(c.Name).Op("=").Add(e.impl("Named")).Call(jen.Op("&").Add(e.impl(c.BaseCodec)), qname(c.Type))
	case c.Item != nil:
		f.Var().Id(c.Name).Op("=").Add(e.impl(c.Ctor)).Types(jen.Id(t.GoName)).Call(jen.Op("&").Add(e.codec(c.Item)), qname(c.Type))
	default:
		f.Var().Id(c.Name).Op("=").Add(e.impl(c.Ctor)).Types(jen.Id(t.GoName)).Call(jen.Op("&").Add(e.impl(c.BaseCodec)), qname(c.Type))
	}
	if t.Registered {
		f.Func().Params(jen.Id(t.GoName)).Id("SOAPCodec").Params().Op("*").Add(e.impl("Codec")).Op("{ return &" + c.Name + " }")
	}
}

func (e *emitter) enumType(f *jen.File, t *model.Type) {
	f.Add(comment(t.Doc))
	f.Type().Id(t.GoName).String()
	f.Commentf("Values of %s.", t.GoName)
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, v := range t.Values {
			doc := fmt.Sprintf("%s is the value %q", v.GoName, v.Value)
			if t.Numbers {
				doc += fmt.Sprintf(" (number %d)", v.Number)
			}
			doc += "."
			if v.Doc != "" {
				doc += "\n\n" + v.Doc
			}
			g.Add(comment(doc))
			g.Id(v.GoName).Id(t.GoName).Op("=").Lit(v.Value)
		}
	})
	f.Commentf("Known reports whether v is one of the values the schema declares. A value a newer server sends is kept as it is, and is not known.")
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("Known").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(
			jen.CaseFunc(func(g *jen.Group) {
				for _, v := range t.Values {
					g.Id(v.GoName)
				}
			}).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	if t.Numbers {
		f.Commentf("Number returns the number WCF gives v (its EnumerationValue), and false for a value the schema does not declare.")
		f.Func().Params(jen.Id("v").Id(t.GoName)).Id("Number").Params().Params(jen.Int64(), jen.Bool()).Block(
			jen.Switch(jen.Id("v")).BlockFunc(func(g *jen.Group) {
				for _, v := range t.Values {
					g.Case(jen.Id(v.GoName)).Block(jen.Return(jen.Lit(int(v.Number)), jen.True()))
				}
			}),
			jen.Return(jen.Lit(0), jen.False()),
		)
	}
	e.codecVar(f, t)
}

func (e *emitter) flagsType(f *jen.File, t *model.Type) {
	item := t.Item.GoName
	f.Add(comment(t.Doc))
	f.Type().Id(t.GoName).String()
	recv := jen.Id("v").Id(t.GoName)
	f.Commentf("Values returns the %s values in v, in order.", item)
	f.Func().Params(recv.Clone()).Id("Values").Params().Index().Id(item).Block(
		jen.Return(e.impl("ListValues").Types(jen.Id(item), jen.Id(t.GoName)).Call(jen.Id("v"))))
	f.Commentf("Has reports whether v contains flag.")
	f.Func().Params(recv.Clone()).Id("Has").Params(jen.Id("flag").Id(item)).Bool().Block(
		jen.Return(e.impl("ListHas").Call(jen.Id("v"), jen.Id("flag"))))
	f.Commentf("With returns v with flags added (those it does not contain yet), keeping v's text.")
	f.Func().Params(recv.Clone()).Id("With").Params(jen.Id("flags").Op("...").Id(item)).Id(t.GoName).Block(
		jen.Return(e.impl("ListWith").Call(jen.Id("v"), jen.Id("flags").Op("..."))))
	f.Commentf("Without returns v without flags.")
	f.Func().Params(recv.Clone()).Id("Without").Params(jen.Id("flags").Op("...").Id(item)).Id(t.GoName).Block(
		jen.Return(e.impl("ListWithout").Call(jen.Id("v"), jen.Id("flags").Op("..."))))
	if t.Item.Numbers {
		f.Commentf("Number returns the bitwise OR of the numbers of v's flags, and false if v holds a flag the schema does not declare.")
		f.Func().Params(recv.Clone()).Id("Number").Params().Params(jen.Int64(), jen.Bool()).Block(
			jen.Return(e.impl("ListNumber").Call(jen.Id("v"), jen.Id(item).Dot("Number"))))
	}
	e.codecVar(f, t)
}
