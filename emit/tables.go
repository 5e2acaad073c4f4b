package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// shared renders the package-level declarations: the version guard, namespaces, registry, arrays,
// dictionaries, and the codecs of structs held by pointer and of polymorphic fields.
func (e *emitter) shared(f *jen.File) {
	pkg := e.pkg
	f.Comment("The generated code and the runtime check at compile time that they match (see soapimpl.EnforceVersion).")
	f.Const().Defs(
		jen.Id("_").Op("=").Add(e.impl("EnforceVersion")).Call(jen.Lit(soapimpl.GenVersion).Op("-").Add(e.impl("MinVersion"))),
		jen.Id("_").Op("=").Add(e.impl("EnforceVersion")).Call(e.impl("MaxVersion").Op("-").Lit(soapimpl.GenVersion)),
	)
	if len(pkg.Namespaces) > 0 {
		f.Comment("XML namespaces of the schemas.")
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, n := range pkg.Namespaces {
				g.Id(n.Const).Op("=").Lit(n.URI)
			}
		})
		f.Commentf("%s are declared on every request envelope, so that the body does not repeat them.", pkg.NamespacesVar)
		f.Var().Id(pkg.NamespacesVar).Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
			for _, n := range pkg.EnvelopeNamespaces {
				g.Line().Id(n.Const)
			}
			g.Line()
		})
	}
	f.Commentf("%s maps schema type names to Go types, to decode values whose xsi:type names a derived type.", pkg.Registry)
	f.Var().Id(pkg.Registry).Op("=").Add(e.impl("NewRegistry")).CallFunc(func(g *jen.Group) {
		g.Line().Index().Op("*").Add(e.impl("Type")).ValuesFunc(func(g *jen.Group) {
			for _, t := range pkg.Types {
				if t.Kind == model.Struct && t.Registered {
					g.Line().Id(t.TableVar)
				}
			}
			g.Line()
		})
		for _, t := range pkg.Types {
			if t.Kind != model.Struct && t.Registered {
				g.Line().Op("&").Id(t.Codec.Name)
			}
		}
		g.Line()
	})
	for _, a := range pkg.Arrays {
		space, local := nameArgs(a.Item.Elem)
		args := []jen.Code{space, local, flagsExpr(e, false, a.Item.Nillable, a.Item.ZeroUnset, a.Item.Value.Ref), e.valueExpr(a.Item.Value)}
		switch a.Maker() {
		case model.MakeArray2D:
			f.Var().Id(a.Var).Op("=").Add(e.impl("NewArray2D")).Types(e.goType(a.Item.Type)).Call(append(args, qname(a.EncItem), jen.Lit(a.EncItemRanks))...)
		case model.MakeArrayOf:
			f.Var().Id(a.Var).Op("=").Add(e.impl("NewArrayOf")).Types(e.goType(a.Item.Type)).Call(append(args, qname(a.EncItem), jen.Lit(a.EncItemRanks))...)
		case model.MakeEncArray:
			f.Var().Id(a.Var).Op("=").Add(e.impl("NewEncArray")).Call(append(args, qname(a.EncItem))...)
		default:
			f.Var().Id(a.Var).Op("=").Add(e.impl("NewArray")).Call(args...)
		}
	}
	for _, d := range pkg.Dicts {
		ps, pl := nameArgs(d.Pair)
		ks, kl := nameArgs(d.Key.Elem)
		vs, vl := nameArgs(d.Value.Elem)
		f.Var().Id(d.Var).Op("=").Add(e.impl("NewDict")).Types(e.goType(d.Key.Type), e.goType(d.Value.Type)).Call(
			ps, pl,
			ks, kl, flagsExpr(e, false, d.Key.Nillable, d.Key.ZeroUnset, d.Key.Value.Ref), e.valueExpr(d.Key.Value),
			vs, vl, flagsExpr(e, false, d.Value.Nillable, d.Value.ZeroUnset, d.Value.Value.Ref), e.valueExpr(d.Value.Value),
			e.compare(d.Compare),
		)
	}
	for _, t := range pkg.Types {
		if t.Kind == model.Struct && t.PtrVar != "" {
			f.Var().Id(t.PtrVar).Op("=").Add(e.impl("Ptr")).Types(jen.Op("*").Id(t.GoName)).Call()
		}
	}
	for _, t := range pkg.Types {
		if t.Kind == model.Struct && t.Poly != nil {
			f.Var().Id(t.Poly.Var).Op("=").Add(e.impl("Poly")).Types(jen.Id(t.Poly.Interface), jen.Op("*").Id(t.GoName)).Call()
		}
	}
}

// nameArgs renders the namespace and local name of q as two arguments.
func nameArgs(q model.QName) (jen.Code, jen.Code) {
	if q.NS == nil {
		return jen.Lit(""), jen.Lit(q.Local)
	}
	if q.NS.Pkg != "" {
		return jen.Qual(q.NS.Pkg, q.NS.Const), jen.Lit(q.Local)
	}
	return jen.Id(q.NS.Const), jen.Lit(q.Local)
}

// flagsExpr renders the flags of an element.
func flagsExpr(e *emitter, optional, nillable, zeroUnset, ref bool, more ...string) jen.Code {
	var s *jen.Statement
	add := func(name string, on bool) {
		if !on {
			return
		}
		if s == nil {
			s = e.impl(name)
		} else {
			s = s.Op("|").Add(e.impl(name))
		}
	}
	add("Optional", optional)
	add("Nillable", nillable)
	add("ZeroUnset", zeroUnset)
	add("Ref", ref)
	for _, m := range more {
		add(m, true)
	}
	if s == nil {
		return jen.Lit(0)
	}
	return s
}

// codecRef renders the address of a codec variable.
func (e *emitter) codecRef(c *model.Codec) *jen.Statement {
	return jen.Op("&").Add(e.codec(c))
}

// valueExpr renders the *soapimpl.Codec converting one value of v's kind (an array item, a
// dictionary key or value).
func (e *emitter) valueExpr(v *model.Value) *jen.Statement {
	switch v.Kind {
	case model.SimpleValue:
		return e.codecRef(v.Codec)
	case model.StructValue:
		return jen.Op("&").Id(v.Type.PtrVar)
	case model.PolyValue:
		return jen.Op("&").Id(v.Type.Poly.Var)
	case model.AnyValue:
		return jen.Op("&").Add(e.impl("Any"))
	case model.ArrayValue:
		return jen.Op("&").Id(v.Array.Var)
	case model.DictValue:
		return jen.Op("&").Id(v.Dict.Var)
	}
	panic("emit: unknown value kind")
}

// fieldPtr renders the pointer Ptrs stores for the Go field name of type t: &x.Name, converted to a
// pointer to the underlying built-in type for a generated simple type whose codec is not typed (see
// model.Codec.Typed).
func (e *emitter) fieldPtr(name string, t *model.GoType) jen.Code {
	p := jen.Op("&").Id("x").Dot(name)
	if t.Kind != model.Named {
		return p
	}
	nt := t.Type
	if nt.Codec == nil || nt.Codec.Typed || nt.Codec.Item != nil {
		return p
	}
	under := jen.String()
	if nt.Kind == model.Scalar {
		under = e.goType(nt.Underlying)
	}
	return jen.Parens(jen.Op("*").Add(under)).Call(p)
}

// ptrsFunc renders the function storing in p pointers to the fields of v, a *T:
//
//	func(v any, p []any) {
//		x := v.(*T)
//		p[0], p[1] = &x.A, &x.B
//	}
func ptrsFunc(t string, fields []jen.Code) *jen.Statement {
	var lhs []jen.Code
	for i := range fields {
		lhs = append(lhs, jen.Id("p").Index(jen.Lit(i)))
	}
	return jen.Func().Params(jen.Id("v").Any(), jen.Id("p").Index().Any()).Block(
		jen.Id("x").Op(":=").Id("v").Assert(jen.Op("*").Id(t)),
		jen.List(lhs...).Op("=").List(fields...),
	)
}

func (e *emitter) structTable(f *jen.File, t *model.Type) {
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
			e.impl("Message"),
			jen.Id(t.Poly.Method).Params().Op("*").Id(t.GoName),
		)
		f.Commentf("%s returns v. Types derived from %s inherit the method, which returns their embedded %s.", t.Poly.Method, t.GoName, t.GoName)
		f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id(t.Poly.Method).Params().Op("*").Id(t.GoName).Block(jen.Return(jen.Id("v")))
	}
	items := []jen.Code{jen.Id("Go").Op(":").Lit(t.GoName)}
	if !t.QName.IsZero() {
		items = append(items, jen.Id("Type").Op(":").Add(qname(t.QName)))
	}
	switch {
	case t.Abstract:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Abstract")))
	case t.ItemOfChoice:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Occurrence")))
	case t.ItemOfSequence:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Sequence")))
	case t.BodyParts:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Parts")))
	}
	for _, b := range []struct {
		name string
		on   bool
	}{{"Mixed", t.Mixed != ""}, {"AnyAttr", t.AnyAttr != ""}, {"RawType", t.RawType != ""}, {"Presence", t.Presence != ""}, {"Base", t.Base != nil}} {
		if b.on {
			items = append(items, jen.Id(b.name).Op(":").True())
		}
	}
	// The pointers Ptrs stores, in the runtime's order: fields, attributes, then the value of simple
	// content, mixed content, the xs:anyAttribute field, the xsi:type field, Presence and the base
	// value.
	var ptrs []jen.Code
	for _, fd := range t.Fields {
		ptrs = append(ptrs, e.fieldPtr(fd.GoName, fd.Type))
	}
	for _, a := range t.Attrs {
		ptrs = append(ptrs, e.fieldPtr(a.GoName, a.Type))
	}
	if t.Text != nil {
		ptrs = append(ptrs, e.fieldPtr(t.Text.GoName, t.Text.Type))
	}
	for _, name := range []string{t.Mixed, t.AnyAttr, t.RawType, t.Presence} {
		if name != "" {
			ptrs = append(ptrs, jen.Op("&").Id("x").Dot(name))
		}
	}
	if t.Base != nil {
		ptrs = append(ptrs, jen.Op("&").Id("x").Dot(t.Base.GoName))
	}
	var rest []jen.Code // the entries written one per line
	if len(t.Fields) > 0 {
		rest = append(rest, e.fieldsEntry(t.Fields))
	}
	if len(t.Attrs) > 0 {
		rest = append(rest, jen.Id("Attrs").Op(":").Index().Add(e.impl("Attr")).ValuesFunc(func(g *jen.Group) {
			for _, a := range t.Attrs {
				space, local := nameArgs(a.Name)
				kv := []jen.Code{jen.Id("Space").Op(":").Add(space), jen.Id("Local").Op(":").Add(local), jen.Id("GoName").Op(":").Lit(a.GoName),
					jen.Id("Codec").Op(":").Add(e.codecRef(a.Codec))}
				if a.Ref {
					kv = append(kv, jen.Id("Ref").Op(":").True())
				}
				if a.Fixed != nil {
					kv = append(kv, jen.Id("Fixed").Op(":").Lit(*a.Fixed), jen.Id("HasFixed").Op(":").True())
				}
				g.Line().Values(kv...)
			}
			g.Line()
		}))
	}
	if len(t.Choices) > 0 {
		rest = append(rest, jen.Id("Choices").Op(":").Index().Add(e.impl("Choice")).ValuesFunc(func(g *jen.Group) {
			for _, c := range t.Choices {
				g.Values(
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
				)
			}
		}))
	}
	if t.Text != nil {
		rest = append(rest, jen.Id("Text").Op(":").Add(e.codecRef(t.Text.Codec)))
	}
	e.table(f, t.GoName, t.DescVar, t.TableVar, items, ptrs, rest)
}

// table renders the description of a struct (static data), its table and its SOAPType method. The
// short entries of the description (head, then Zero and New) share its first line; the function
// Ptrs, storing the pointers ptrs, and the entries of rest take one line each.
func (e *emitter) table(f *jen.File, goName, desc, table string, head, ptrs, rest []jen.Code) {
	items := append(head,
		jen.Id("Zero").Op(":").Parens(jen.Op("*").Id(goName)).Call(jen.Nil()),
		jen.Id("New").Op(":").Op("func() any { return new("+goName+") }"))
	var lines []jen.Code
	if len(ptrs) > 0 {
		lines = append(lines, jen.Id("Ptrs").Op(":").Add(ptrsFunc(goName, ptrs)))
	}
	for _, r := range append(lines, rest...) {
		items = append(items, jen.Line().Add(r))
	}
	if len(ptrs)+len(rest) > 0 {
		items = append(items, jen.Line())
	}
	f.Var().Id(desc).Op("=").Add(e.impl("Struct")).Values(items...)
	f.Var().Id(table).Op("=").Add(e.impl("NewType")).Call(jen.Op("&").Id(desc))
	f.Func().Params(jen.Op("*").Id(goName)).Id("SOAPType").Params().Op("*").Add(e.impl("Type")).Op("{ return " + table + " }")
}

// fieldsEntry renders the Fields entry of a descriptor: the soapimpl.Field of each field, one per
// line.
func (e *emitter) fieldsEntry(fields []*model.Field) jen.Code {
	return jen.Id("Fields").Op(":").Index().Add(e.impl("Field")).ValuesFunc(func(g *jen.Group) {
		for _, fd := range fields {
			g.Line().Add(e.fieldTable(fd))
		}
		g.Line()
	})
}

// fieldTable renders the soapimpl.Field describing field fd.
func (e *emitter) fieldTable(fd *model.Field) *jen.Statement {
	space, local := nameArgs(fd.Elem)
	kv := []jen.Code{}
	if fd.Shape != model.Wildcard && fd.Shape != model.Choices && fd.Shape != model.Sequences {
		kv = append(kv, jen.Id("Space").Op(":").Add(space), jen.Id("Local").Op(":").Add(local))
	}
	kv = append(kv, jen.Id("GoName").Op(":").Lit(fd.GoName))
	var more []string
	switch fd.Shape {
	case model.Wildcard:
		more = []string{"Wildcard"}
	case model.Repeated, model.Choices, model.Sequences:
		more = []string{"Repeated"}
	}
	simpleRef := fd.Ref || fd.Value != nil && fd.Value.Kind == model.SimpleValue && fd.Value.Ref
	if fd.Optional || fd.Nillable || fd.ZeroUnset || simpleRef || len(more) > 0 {
		flags := flagsExpr(e, fd.Optional, fd.Nillable, fd.ZeroUnset, simpleRef, more...)
		kv = append(kv, jen.Id("Flags").Op(":").Add(flags))
	}
	switch {
	case fd.Shape == model.Wildcard:
	case fd.Shape == model.Choices || fd.Shape == model.Sequences:
		kv = append(kv, jen.Id("Codec").Op(":").Op("&").Id(fd.Value.Type.PtrVar))
	case fd.Shape == model.Wrapped:
		kv = append(kv, jen.Id("Codec").Op(":").Op("&").Id(fd.Array.Var))
	case fd.Shape == model.Dictionary:
		kv = append(kv, jen.Id("Codec").Op(":").Op("&").Id(fd.Dict.Var))
	default:
		kv = append(kv, jen.Id("Codec").Op(":").Add(e.valueExpr(fd.Value)))
	}
	return jen.Values(kv...)
}
