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
	if c.Item != nil {
		f.Var().Id(c.Name).Op("=").Add(e.soap(c.Ctor)).Types(jen.Id(t.GoName)).Call(e.codec(c.Item), qname(c.Type))
	} else {
		f.Var().Id(c.Name).Op("=").Add(e.soap(c.Ctor)).Types(jen.Id(t.GoName)).Call(e.soap(c.BaseCodec), qname(c.Type))
	}
	if !t.Registered {
		return
	}
	f.Commentf("SOAPType returns the schema type of %s, %s, written as xsi:type when a %s fills an xs:anyType slot.", t.GoName, qstring(t.QName), t.GoName)
	f.Func().Params(jen.Id(t.GoName)).Id("SOAPType").Params().Qual(xmlPkg, "Name").Block(jen.Return(jen.Id(c.Name).Dot("Type")))
	f.Commentf("MarshalSOAP writes v as the element start.Name, with start.Type as its xsi:type: an xs:anyType slot holding a %s is written so.", t.GoName)
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("MarshalSOAP").Params(jen.Id("e").Op("*").Add(e.soap("Encoder")), jen.Id("start").Add(e.soap("Start"))).Block(
		jen.Id(c.Name).Dot("MarshalElement").Call(jen.Id("e"), jen.Id("start"), jen.Id("v")),
	)
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
		if len(x.Fields) == 0 && len(x.Attrs) == 0 && x.AnyAttr == "" {
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
		if t.Text != nil {
			g.Add(comment(t.Text.Doc))
			g.Id(t.Text.GoName).Add(e.goType(t.Text.Type))
		}
		if t.Mixed != "" {
			g.Commentf("%s is the mixed content: text and child elements in document order.", t.Mixed)
			g.Id(t.Mixed).Index().Add(e.soap("Node"))
		}
		for _, fd := range t.Fields {
			g.Add(comment(fd.Doc))
			g.Id(fd.GoName).Add(e.goType(fd.Type))
		}
		for _, a := range t.Attrs {
			g.Add(comment(a.Doc))
			g.Id(a.GoName).Add(e.goType(a.Type))
		}
		if t.AnyAttr != "" {
			g.Commentf("%s holds the attributes matched by xs:anyAttribute: when decoding, every attribute the type does not declare (other than namespace declarations and xsi attributes).", t.AnyAttr)
			g.Id(t.AnyAttr).Index().Qual(xmlPkg, "Attr")
		}
		if t.RawType != "" {
			g.Commentf("%s is the xsi:type the element was read with (zero for none), written back when the element is written without one of its own.", t.RawType)
			g.Id(t.RawType).Qual(xmlPkg, "Name")
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
		if len(derived) > 0 {
			f.Commentf("%s is implemented by *%s and by the types derived from it (%s), so that a field declared with type %s can hold any of them.",
				t.Poly.Interface, t.GoName, strings.Join(derived, ", "), t.GoName)
		} else {
			f.Commentf("%s is implemented by *%s; the types the schema derives from it are kept as XML, and do not implement it.", t.Poly.Interface, t.GoName)
		}
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
	if t.AttrsVar != "" {
		f.Commentf("%s describes the attributes of %s.", t.AttrsVar, t.GoName)
		e.attrsVar(f, t.AttrsVar, t.Attrs)
	}
	for _, c := range t.Choices {
		var names []string
		for _, br := range c.Branches {
			var parts []string
			for _, i := range br {
				parts = append(parts, t.Fields[i].GoName)
			}
			names = append(names, strings.Join(parts, "+"))
		}
		f.Commentf("%s is the xs:choice of %s between %s.", c.Var, t.GoName, strings.Join(names, ", "))
		f.Var().Id(c.Var).Op("=").Op("&").Add(e.soap("Choice")).Values(lines(
			jen.Id("Required").Op(":").Lit(c.Required),
			jen.Id("Branches").Op(":").Index().Index().Int().ValuesFunc(func(g *jen.Group) {
				for _, br := range c.Branches {
					g.ValuesFunc(func(g *jen.Group) {
						for _, i := range br {
							g.Lit(i)
						}
					})
				}
			}),
		)...)
	}
	recv := jen.Id("v").Op("*").Id(t.GoName)
	if t.QName.IsZero() {
		f.Commentf("SOAPType returns the zero name: %s is an anonymous type.", t.GoName)
	} else {
		f.Commentf("SOAPType returns the schema type name of %s.", t.GoName)
	}
	f.Func().Params(jen.Op("*").Id(t.GoName)).Id("SOAPType").Params().Qual(xmlPkg, "Name").Block(jen.Return(qname(t.QName)))

	if t.BodyParts {
		e.bodyParts(f, t)
		return
	}
	lv := levels(t)
	switch {
	case t.ItemOfChoice, t.ItemOfSequence:
	case t.Abstract:
		f.Commentf("MarshalSOAP reports an error: %s is abstract, and only values of the types derived from it can be sent. A nil v is written with xsi:nil.", t.GoName)
	default:
		f.Commentf("MarshalSOAP writes v as the element start.Name, its fields in schema order (those of the types it extends first). A nil v is written with xsi:nil.")
	}
	if t.ItemOfChoice || t.ItemOfSequence {
		e.occurrenceItem(f, t)
		return
	}
	f.Func().Params(recv.Clone()).Id("MarshalSOAP").Params(jen.Id("e").Op("*").Add(e.soap("Encoder")), jen.Id("start").Add(e.soap("Start"))).BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("v").Op("==").Nil()).Block(
			jen.Id("e").Dot("StartElement").Call(jen.Id("start")),
			jen.Id("e").Dot("NilAttr").Call(),
			jen.Id("e").Dot("EndElement").Call(),
			jen.Return(),
		)
		if t.RawType != "" {
			g.If(jen.Id("start").Dot("Type").Op("==").Parens(jen.Qual(xmlPkg, "Name").Values())).Block(
				jen.Id("start").Dot("Type").Op("=").Id("v").Dot(t.RawType),
			)
		}
		if t.Abstract {
			g.Id("e").Dot("SetError").Call(jen.Qual("errors", "New").Call(jen.Lit(fmt.Sprintf("%s: %s is abstract: send a value of a type derived from it", e.pkg.Name, t.GoName))))
			return
		}
		g.Id("e").Dot("StartElement").Call(jen.Id("start"))
		for _, l := range lv {
			for _, a := range l.t.Attrs {
				verb := "EncodeAttr"
				if a.Ref {
					verb = "EncodeAttrRef"
				}
				g.Add(e.codec(a.Codec).Dot(verb).Call(jen.Id("e"), jen.Op("&").Id(l.t.AttrsVar).Index(jen.Lit(a.Index)), sel(l.path, a.GoName)))
			}
			if l.t.AnyAttr != "" {
				g.Add(e.soap("EncodeAttrs")).Call(jen.Id("e"), sel(l.path, l.t.AnyAttr))
			}
		}
		switch {
		case t.Text != nil:
			g.Add(e.codec(t.Text.Codec).Dot("EncodeText").Call(jen.Id("e"), jen.Id("v").Dot(t.Text.GoName)))
		case t.Mixed != "":
			g.Add(e.soap("EncodeNodes")).Call(jen.Id("e"), jen.Id("v").Dot(t.Mixed))
		}
		for _, l := range lv {
			if len(l.t.Fields) == 0 {
				continue
			}
			g.Id(l.f).Op(":=").Op("&").Id(l.t.FieldsVar)
			g.Add(e.soap("CheckPresence")).Call(jen.Id("e"), jen.Op("&").Add(sel(l.path, l.t.Presence)), jen.Id(l.f).Index(jen.Op(":")), jen.Lit(l.t.GoName))
			for _, c := range l.t.Choices {
				args := []jen.Code{jen.Id("e"), jen.Lit(l.t.GoName), jen.Id(l.f).Index(jen.Op(":")), jen.Op("&").Add(sel(l.path, l.t.Presence))}
				for _, br := range c.Branches {
					for _, i := range br {
						args = append(args, e.unset(l, l.t.Fields[i]))
					}
				}
				g.Id(c.Var).Dot("Check").Call(args...)
			}
			for i, fd := range l.t.Fields {
				g.Add(e.encodeField(l, i, fd))
			}
		}
		g.Id("e").Dot("EndElement").Call()
	})

	f.Commentf("UnmarshalSOAP reads the content of the element start into v. Child elements may come in any order; unknown ones are handled by d.Unknown.")
	f.Func().Params(recv.Clone()).Id("UnmarshalSOAP").Params(jen.Id("d").Op("*").Add(e.soap("Decoder")), jen.Id("start").Qual(xmlPkg, "StartElement")).Error().BlockFunc(func(g *jen.Group) {
		if t.RawType != "" {
			g.List(jen.Id("typ"), jen.Id("_"), jen.Err()).Op(":=").Id("d").Dot("XSIType").Call(jen.Id("start"))
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			g.Id("v").Dot(t.RawType).Op("=").Id("typ")
		}
		e.decodeAttrs(g, lv)
		switch {
		case t.Text != nil:
			g.Return(e.codec(t.Text.Codec).Dot("DecodeText").Call(jen.Id("d"), jen.Op("&").Id("v").Dot(t.Text.GoName)))
			return
		case t.Mixed != "":
			g.Return(e.soap("DecodeNodes").Call(jen.Id("d"), jen.Op("&").Id("v").Dot(t.Mixed)))
			return
		}
		var wild *jen.Statement
		for _, l := range lv {
			for _, fd := range l.t.Fields {
				switch {
				case wild != nil:
				case fd.Shape == model.Wildcard:
					wild = e.soap("DecodeElement").Call(jen.Id("d"), jen.Id("se"), jen.Op("&").Add(sel(l.path, fd.GoName)))
				case fd.Shape == model.Choices && hasWildcard(fd.Value.Type):
					wild = e.soap("DecodeItem").Call(jen.Id("d"), jen.Id("se"), jen.Op("&").Add(sel(l.path, fd.GoName)))
				}
			}
		}
		lv := fieldLevels(lv)
		for _, l := range lv {
			g.Id(l.f).Op(":=").Op("&").Id(l.t.FieldsVar)
			g.Var().Id(l.seen).Index(jen.Lit(len(l.t.Fields))).Bool()
			for i, fd := range l.t.Fields {
				if fd.Shape == model.Sequences {
					g.Var().Id(lastVar(l, i)).Int()
				}
			}
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
						if fd.Shape == model.Wildcard {
							continue
						}
						if fd.Shape == model.Choices {
							if names := itemNames(fd.Value.Type); len(names) > 0 {
								g.Case(names...).Block(
									jen.Id(l.seen).Index(jen.Lit(i)).Op("=").True(),
									jen.Err().Op("=").Add(e.soap("DecodeItem").Call(jen.Id("d"), jen.Id("se"), jen.Op("&").Add(sel(l.path, fd.GoName)))),
								)
							}
							continue
						}
						if fd.Shape == model.Sequences {
							it := fd.Value.Type
							for j, bf := range it.Fields {
								g.Case(fieldNames(it, j, bf)...).Block(
									jen.Id(l.seen).Index(jen.Lit(i)).Op("=").True(),
									jen.Err().Op("=").Add(e.soap("DecodeOccurrence").Call(jen.Id("d"), jen.Id("se"), jen.Op("&").Add(sel(l.path, fd.GoName)),
										jen.Op("&").Id(lastVar(l, i)), jen.Lit(j), jen.Lit(repeats(bf)))),
								)
							}
							continue
						}
						g.Case(jen.Id(l.f).Index(jen.Lit(i)).Dot("Name")).Block(
							jen.Id(l.seen).Index(jen.Lit(i)).Op("=").True(),
							jen.Err().Op("=").Add(e.decodeField(l, i, fd)),
						)
					}
				}
				if wild != nil {
					g.Default().Block(jen.Err().Op("=").Add(wild))
				} else {
					g.Default().Block(jen.Err().Op("=").Id("d").Dot("Unknown").Call(jen.Id("se")))
				}
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
	case model.Wildcard:
		return e.soap("EncodeElements").Call(jen.Id("e"), val)
	case model.Choices, model.Sequences:
		return e.soap("EncodeItems").Call(jen.Id("e"), val)
	case model.Repeated:
		return e.soap("EncodeRepeated").Call(jen.Id("e"), desc, pres, val, e.encodeFunc(fd.Value))
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
		return e.soap("DecodeAppend").Call(jen.Id("d"), jen.Id("se"), desc, pres, dst, e.decodeFunc(fd.Value))
	case model.Wrapped:
		return jen.Id(fd.Array.Var).Dot("Decode").Call(jen.Id("d"), jen.Id("se"), desc, pres, dst)
	case model.Dictionary:
		return jen.Id(fd.Dict.Var).Dot("Decode").Call(jen.Id("d"), jen.Id("se"), desc, pres, dst)
	}
	return e.decodeFunc(fd.Value).Call(jen.Id("d"), jen.Id("se"), desc, pres, dst)
}

// fieldLevels keeps the levels that have element fields.
func fieldLevels(lv []level) []level {
	var out []level
	for _, l := range lv {
		if len(l.t.Fields) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// unset renders the expression telling whether field fd of level l holds no value (for choices).
func (e *emitter) unset(l level, fd *model.Field) *jen.Statement {
	val := sel(l.path, fd.GoName)
	switch {
	case repeats(fd):
		return jen.Len(val).Op("==").Lit(0)
	case fd.Shape == model.Single && fd.Value.Kind == model.SimpleValue && !fd.Value.Ref:
		return e.codec(fd.Value.Codec).Dot("IsZero").Call(val)
	}
	return val.Op("==").Nil()
}

// decodeAttrs renders the loop reading the attributes of start into the attribute fields of every level.
func (e *emitter) decodeAttrs(g *jen.Group, lv []level) {
	var cases []jen.Code
	var anyAttr *jen.Statement
	for _, l := range lv {
		for _, a := range l.t.Attrs {
			verb := "DecodeAttr"
			if a.Ref {
				verb = "DecodeAttrRef"
			}
			desc := jen.Op("&").Id(l.t.AttrsVar).Index(jen.Lit(a.Index))
			cases = append(cases, jen.Case(jen.Id(l.t.AttrsVar).Index(jen.Lit(a.Index)).Dot("Name")).Block(
				jen.Err().Op("=").Add(e.codec(a.Codec).Dot(verb).Call(jen.Id("d"), desc, jen.Id("a").Dot("Value"), jen.Op("&").Add(sel(l.path, a.GoName)))),
			))
		}
		if l.t.AnyAttr != "" && anyAttr == nil {
			anyAttr = sel(l.path, l.t.AnyAttr)
		}
	}
	if len(cases) == 0 && anyAttr == nil {
		return
	}
	g.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("start").Dot("Attr")).BlockFunc(func(g *jen.Group) {
		if len(cases) == 0 {
			g.If(e.soap("OtherAttr").Call(jen.Id("a"))).Block(jen.Add(anyAttr.Clone()).Op("=").Append(anyAttr.Clone(), jen.Id("a")))
			return
		}
		g.Var().Err().Error()
		g.Switch(jen.Id("a").Dot("Name")).BlockFunc(func(g *jen.Group) {
			for _, c := range cases {
				g.Add(c)
			}
			if anyAttr != nil {
				g.Default().Block(jen.If(e.soap("OtherAttr").Call(jen.Id("a"))).Block(jen.Add(anyAttr.Clone()).Op("=").Append(anyAttr.Clone(), jen.Id("a"))))
			}
		})
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	})
}

// attrsVar renders the package variable holding the descriptors of a struct's attributes.
func (e *emitter) attrsVar(f *jen.File, name string, attrs []*model.Attr) {
	f.Var().Id(name).Op("=").Index(jen.Op("...")).Add(e.soap("Attribute")).ValuesFunc(func(g *jen.Group) {
		for _, a := range attrs {
			items := []jen.Code{jen.Id("Name").Op(":").Add(qname(a.Name)), jen.Id("GoName").Op(":").Lit(a.GoName)}
			if a.Fixed != nil {
				items = append(items, jen.Id("Fixed").Op(":").Lit(*a.Fixed), jen.Id("HasFixed").Op(":").True())
			}
			g.Line().Values(items...)
		}
		g.Line()
	})
}

// elementlessPrologue starts the MarshalSOAP of a type that has no element of its own (an occurrence
// of a repeated choice, the parts of a message): a nil v is an encoding error, then the Presence
// entries are checked against the field descriptors.
func (e *emitter) elementlessPrologue(g *jen.Group, t *model.Type, l level) {
	g.If(jen.Id("v").Op("==").Nil()).Block(
		jen.Id("e").Dot("SetError").Call(jen.Qual("errors", "New").Call(jen.Lit(fmt.Sprintf("%s: a nil *%s", e.pkg.Name, t.GoName)))),
		jen.Return(),
	)
	g.Id(l.f).Op(":=").Op("&").Id(t.FieldsVar)
	g.Add(e.soap("CheckPresence")).Call(jen.Id("e"), jen.Op("&").Id("v").Dot(t.Presence), jen.Id(l.f).Index(jen.Op(":")), jen.Lit(t.GoName))
}

// occurrenceItem renders the methods of the struct holding one occurrence of a repeated choice or
// sequence: it has no element of its own, so MarshalSOAP writes the chosen branch (or the fields in
// order) and UnmarshalSOAP reads one element: a branch's, or one of the fields'.
func (e *emitter) occurrenceItem(f *jen.File, t *model.Type) {
	recv := jen.Id("v").Op("*").Id(t.GoName)
	l := level{t: t, f: "f0", seen: "seen0"}
	if t.ItemOfChoice {
		f.Commentf("MarshalSOAP writes the chosen branch of v; start is ignored (the occurrence has no element of its own). A nil v, or a v setting no branch or two, is an encoding error.")
	} else {
		f.Commentf("MarshalSOAP writes the fields of v in schema order; start is ignored (the occurrence has no element of its own). A nil v is an encoding error.")
	}
	f.Func().Params(recv.Clone()).Id("MarshalSOAP").Params(jen.Id("e").Op("*").Add(e.soap("Encoder")), jen.Id("_").Add(e.soap("Start"))).BlockFunc(func(g *jen.Group) {
		e.elementlessPrologue(g, t, l)
		for _, c := range t.Choices {
			args := []jen.Code{jen.Id("e"), jen.Lit(t.GoName), jen.Id(l.f).Index(jen.Op(":")), jen.Op("&").Id("v").Dot(t.Presence)}
			for _, br := range c.Branches {
				for _, i := range br {
					args = append(args, e.unset(l, t.Fields[i]))
				}
			}
			g.Id(c.Var).Dot("Check").Call(args...)
		}
		for i, fd := range t.Fields {
			g.Add(e.encodeField(l, i, fd))
		}
	})
	if t.ItemOfChoice {
		f.Commentf("UnmarshalSOAP reads se, the element of one branch, into v.")
	} else {
		f.Commentf("UnmarshalSOAP reads se, the element of one of the fields of v, into v.")
	}
	f.Func().Params(recv.Clone()).Id("UnmarshalSOAP").Params(jen.Id("d").Op("*").Add(e.soap("Decoder")), jen.Id("se").Qual(xmlPkg, "StartElement")).Error().BlockFunc(func(g *jen.Group) {
		g.Id(l.f).Op(":=").Op("&").Id(t.FieldsVar)
		var wild *model.Field
		g.Switch(jen.Id("se").Dot("Name")).BlockFunc(func(g *jen.Group) {
			for i, fd := range t.Fields {
				switch fd.Shape {
				case model.Wildcard:
					wild = fd
				case model.Choices:
					if names := itemNames(fd.Value.Type); len(names) > 0 {
						g.Case(names...).Block(jen.Return(e.soap("DecodeItem").Call(jen.Id("d"), jen.Id("se"), jen.Op("&").Id("v").Dot(fd.GoName))))
					}
				default:
					g.Case(jen.Id(l.f).Index(jen.Lit(i)).Dot("Name")).Block(jen.Return(e.decodeField(l, i, fd)))
				}
			}
		})
		if wild != nil {
			g.Return(e.soap("DecodeElement").Call(jen.Id("d"), jen.Id("se"), jen.Op("&").Id("v").Dot(wild.GoName)))
			return
		}
		g.Return(jen.Id("d").Dot("Unknown").Call(jen.Id("se")))
	})
}

// itemNames renders the names of the elements that start an occurrence of it, the type of one
// occurrence of a repeated choice: the descriptor names of its branches other than wildcards.
func itemNames(it *model.Type) []jen.Code {
	var out []jen.Code
	for j, bf := range it.Fields {
		if bf.Shape != model.Wildcard {
			out = append(out, jen.Id(it.FieldsVar).Index(jen.Lit(j)).Dot("Name"))
		}
	}
	return out
}

// fieldNames renders the names of the elements of field j (bf) of t: its descriptor's name, or the
// names of the branches of a repeated choice.
func fieldNames(t *model.Type, j int, bf *model.Field) []jen.Code {
	if bf.Shape == model.Choices {
		return itemNames(bf.Value.Type)
	}
	return []jen.Code{jen.Id(t.FieldsVar).Index(jen.Lit(j)).Dot("Name")}
}

// repeats reports whether field fd holds any number of elements.
func repeats(fd *model.Field) bool {
	switch fd.Shape {
	case model.Repeated, model.Wildcard, model.Choices, model.Sequences:
		return true
	}
	return false
}

// lastVar names the local variable holding the field read last in the occurrences of the repeated
// sequence field i of level l (see soap.DecodeOccurrence).
func lastVar(l level, i int) string {
	return fmt.Sprintf("last%s_%d", strings.TrimPrefix(l.f, "f"), i)
}

// hasWildcard reports whether t has an xs:any field.
func hasWildcard(t *model.Type) bool {
	for _, fd := range t.Fields {
		if fd.Shape == model.Wildcard {
			return true
		}
	}
	return false
}
