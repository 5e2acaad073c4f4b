package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

func (e *emitter) typ(f *jen.File, t *model.Type) {
	switch t.Kind {
	case model.Struct:
		e.structType(f, t)
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
	f.Var().Id(c.Name).Op("=").Add(e.soap(c.Ctor)).Types(jen.Id(t.GoName)).Call(e.soap(c.BaseCodec), qname(c.Type))
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
		jen.Return(e.soap("ListValues").Types(jen.Id(item), jen.Id(t.GoName)).Call(jen.Id("v"))))
	f.Commentf("Has reports whether v contains flag.")
	f.Func().Params(recv.Clone()).Id("Has").Params(jen.Id("flag").Id(item)).Bool().Block(
		jen.Return(e.soap("ListHas").Call(jen.Id("v"), jen.Id("flag"))))
	f.Commentf("With returns v with flags added (those it does not contain yet), keeping v's text.")
	f.Func().Params(recv.Clone()).Id("With").Params(jen.Id("flags").Op("...").Id(item)).Id(t.GoName).Block(
		jen.Return(e.soap("ListWith").Call(jen.Id("v"), jen.Id("flags").Op("..."))))
	f.Commentf("Without returns v without flags.")
	f.Func().Params(recv.Clone()).Id("Without").Params(jen.Id("flags").Op("...").Id(item)).Id(t.GoName).Block(
		jen.Return(e.soap("ListWithout").Call(jen.Id("v"), jen.Id("flags").Op("..."))))
	if t.Item.Numbers {
		f.Commentf("Number returns the bitwise OR of the numbers of v's flags, and false if v holds a flag the schema does not declare.")
		f.Func().Params(recv.Clone()).Id("Number").Params().Params(jen.Int64(), jen.Bool()).Block(
			jen.Return(e.soap("ListNumber").Call(jen.Id("v"), jen.Id(item).Dot("Number"))))
	}
	e.codecVar(f, t)
}

// level is one struct in the embedding chain of a struct: the path to reach it from the receiver,
// the local variable naming its descriptors, and its fields.
type level struct {
	t    *model.Type
	path []string // field selectors from the receiver: [] for the type itself, ["Carrier"] for its base
	f    string   // local variable holding &fieldsX
	seen string   // local variable holding the seen flags
}

// levels returns the embedding chain of t, root base first, keeping only structs with fields.
func levels(t *model.Type) []level {
	var chain []*model.Type
	for x := t; x != nil; x = x.Base {
		chain = append([]*model.Type{x}, chain...)
	}
	var out []level
	for i, x := range chain {
		var path []string
		// the path from t down to x: the bases between them, nearest first
		for j := len(chain) - 2; j >= i; j-- {
			path = append(path, chain[j].GoName)
		}
		if len(x.Fields) == 0 {
			continue
		}
		n := len(out)
		out = append(out, level{t: x, path: path, f: fmt.Sprintf("f%d", n), seen: fmt.Sprintf("seen%d", n)})
	}
	return out
}

// sel renders v.<path>.<name>.
func sel(path []string, name string) *jen.Statement {
	s := jen.Id("v")
	for _, p := range path {
		s = s.Dot(p)
	}
	return s.Dot(name)
}

func (e *emitter) structType(f *jen.File, t *model.Type) {
	f.Add(comment(t.Doc))
	f.Type().Id(t.GoName).StructFunc(func(g *jen.Group) {
		if t.Base != nil {
			g.Id(t.Base.GoName)
		}
		for _, fd := range t.Fields {
			g.Add(comment(fd.Doc))
			g.Id(fd.GoName).Add(e.goType(fd.Type))
		}
		if t.Presence != "" {
			g.Commentf("%s overrides, per field, what the Go values alone would send (see soap.Presence); decoding records the wire state there.", t.Presence)
			g.Id(t.Presence).Add(e.soap("Presence"))
		}
	})
	if t.Poly != nil {
		var derived []string
		for _, d := range t.Poly.Derived {
			derived = append(derived, "*"+d.GoName)
		}
		f.Commentf("%s is implemented by *%s and by the types derived from it (%s), so that a field declared with type %s can hold any of them.",
			t.Poly.Interface, t.GoName, strings.Join(derived, ", "), t.GoName)
		f.Type().Id(t.Poly.Interface).Interface(
			e.soap("Marshaler"),
			jen.Id(t.Poly.Method).Params().Op("*").Id(t.GoName),
		)
		f.Commentf("%s returns v. Types derived from %s inherit the method, which returns their embedded %s.", t.Poly.Method, t.GoName, t.GoName)
		f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id(t.Poly.Method).Params().Op("*").Id(t.GoName).Block(jen.Return(jen.Id("v")))
		f.Commentf("%s encodes and decodes the values of %s.", t.Poly.Var, t.Poly.Interface)
		f.Var().Id(t.Poly.Var).Op("=").Op("&").Add(e.soap("Poly")).Types(jen.Id(t.Poly.Interface)).Values(lines(
			jen.Id("Declared").Op(":").Add(qname(t.QName)),
			jen.Id("New").Op(":").Func().Params().Id(t.Poly.Interface).Block(jen.Return(jen.New(jen.Id(t.GoName)))),
		)...)
	}
	if t.FieldsVar != "" {
		f.Commentf("%s describes the child elements of %s, in schema order.", t.FieldsVar, t.GoName)
		e.fieldsVar(f, t.FieldsVar, t.Fields)
	}
	recv := jen.Id("v").Op("*").Id(t.GoName)
	if t.QName.IsZero() {
		f.Commentf("SOAPType returns the zero name: %s is an anonymous type.", t.GoName)
	} else {
		f.Commentf("SOAPType returns the schema type name of %s.", t.GoName)
	}
	f.Func().Params(jen.Op("*").Id(t.GoName)).Id("SOAPType").Params().Qual(xmlPkg, "Name").Block(jen.Return(qname(t.QName)))

	lv := levels(t)
	if t.Abstract {
		f.Commentf("MarshalSOAP reports an error: %s is abstract, and only values of the types derived from it can be sent. A nil v is written with xsi:nil.", t.GoName)
	} else {
		f.Commentf("MarshalSOAP writes v as the element start.Name, its fields in schema order (those of the types it extends first). A nil v is written with xsi:nil.")
	}
	f.Func().Params(recv.Clone()).Id("MarshalSOAP").Params(jen.Id("e").Op("*").Add(e.soap("Encoder")), jen.Id("start").Add(e.soap("Start"))).BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("v").Op("==").Nil()).Block(
			jen.Id("e").Dot("StartElement").Call(jen.Id("start")),
			jen.Id("e").Dot("NilAttr").Call(),
			jen.Id("e").Dot("EndElement").Call(),
			jen.Return(),
		)
		if t.Abstract {
			g.Id("e").Dot("SetError").Call(jen.Qual("errors", "New").Call(jen.Lit(fmt.Sprintf("%s: %s is abstract: send a value of a type derived from it", e.pkg.Name, t.GoName))))
			return
		}
		g.Id("e").Dot("StartElement").Call(jen.Id("start"))
		for _, l := range lv {
			g.Id(l.f).Op(":=").Op("&").Id(l.t.FieldsVar)
			g.Add(e.soap("CheckPresence")).Call(jen.Id("e"), jen.Op("&").Add(sel(l.path, l.t.Presence)), jen.Id(l.f).Index(jen.Op(":")), jen.Lit(l.t.GoName))
			for i, fd := range l.t.Fields {
				g.Add(e.encodeField(l, i, fd))
			}
		}
		g.Id("e").Dot("EndElement").Call()
	})

	f.Commentf("UnmarshalSOAP reads the content of the element start into v. Child elements may come in any order; unknown ones are handled by d.Unknown.")
	f.Func().Params(recv.Clone()).Id("UnmarshalSOAP").Params(jen.Id("d").Op("*").Add(e.soap("Decoder")), jen.Id("start").Qual(xmlPkg, "StartElement")).Error().BlockFunc(func(g *jen.Group) {
		for _, l := range lv {
			g.Id(l.f).Op(":=").Op("&").Id(l.t.FieldsVar)
			g.Var().Id(l.seen).Index(jen.Lit(len(l.t.Fields))).Bool()
		}
		g.For().BlockFunc(func(g *jen.Group) {
			g.List(jen.Id("se"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("Child").Call()
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			g.If(jen.Op("!").Id("ok")).Block(jen.Break())
			if len(lv) == 0 {
				g.If(jen.Err().Op(":=").Id("d").Dot("Unknown").Call(jen.Id("se")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
				return
			}
			g.Switch(jen.Id("se").Dot("Name")).BlockFunc(func(g *jen.Group) {
				for _, l := range lv {
					for i, fd := range l.t.Fields {
						g.Case(jen.Id(l.f).Index(jen.Lit(i)).Dot("Name")).Block(
							jen.Id(l.seen).Index(jen.Lit(i)).Op("=").True(),
							jen.Err().Op("=").Add(e.decodeField(l, i, fd)),
						)
					}
				}
				g.Default().Block(jen.Err().Op("=").Id("d").Dot("Unknown").Call(jen.Id("se")))
			})
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		})
		for _, l := range lv {
			g.Add(e.soap("Missing")).Call(jen.Id(l.f).Index(jen.Op(":")), jen.Id(l.seen).Index(jen.Op(":")), jen.Op("&").Add(sel(l.path, l.t.Presence)))
		}
		g.Return(jen.Nil())
	})
}

// encodeField renders the statement writing field fd of level l.
func (e *emitter) encodeField(l level, i int, fd *model.Field) *jen.Statement {
	desc := jen.Op("&").Id(l.f).Index(jen.Lit(i))
	pres := jen.Op("&").Add(sel(l.path, l.t.Presence))
	val := sel(l.path, fd.GoName)
	switch fd.Shape {
	case model.Repeated:
		return e.soap("EncodeRepeated").Call(jen.Id("e"), desc, val, e.encodeFunc(fd.Value))
	case model.Wrapped:
		return jen.Id(fd.Array.Var).Dot("Encode").Call(jen.Id("e"), desc, pres, val)
	case model.Dictionary:
		return jen.Id(fd.Dict.Var).Dot("Encode").Call(jen.Id("e"), desc, pres, val)
	}
	return e.encodeFunc(fd.Value).Call(jen.Id("e"), desc, pres, val)
}

// decodeField renders the expression decoding field fd of level l from se.
func (e *emitter) decodeField(l level, i int, fd *model.Field) *jen.Statement {
	desc := jen.Op("&").Id(l.f).Index(jen.Lit(i))
	pres := jen.Op("&").Add(sel(l.path, l.t.Presence))
	dst := jen.Op("&").Add(sel(l.path, fd.GoName))
	switch fd.Shape {
	case model.Repeated:
		return e.soap("DecodeAppend").Call(jen.Id("d"), jen.Id("se"), desc, dst, e.decodeFunc(fd.Value))
	case model.Wrapped:
		return jen.Id(fd.Array.Var).Dot("Decode").Call(jen.Id("d"), jen.Id("se"), desc, pres, dst)
	case model.Dictionary:
		return jen.Id(fd.Dict.Var).Dot("Decode").Call(jen.Id("d"), jen.Id("se"), desc, pres, dst)
	}
	return e.decodeFunc(fd.Value).Call(jen.Id("d"), jen.Id("se"), desc, pres, dst)
}
