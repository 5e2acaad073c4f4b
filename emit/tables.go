package emit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

// ImplPath is the import path of the generated-code runtime package of the table-driven backend.
const ImplPath = "github.com/sogen-go/sogen/soap/soapimpl"

// TableFiles renders the types of pkg for the table-driven runtime (soap/soapimpl): every struct is
// described by one descriptor table, from which the runtime's engine encodes and decodes it. It
// renders the package-level helpers and the types, not the clients.
func TableFiles(pkg *model.Package) ([]File, error) {
	var out []File
	for _, mf := range pkg.Files {
		e := &emitter{pkg: pkg, rt: pkg.Runtime, tables: true}
		f := jen.NewFile(pkg.Name)
		f.ImportName(pkg.Runtime, "soap")
		f.ImportName(ImplPath, "soapimpl")
		f.ImportName(xmlPkg, "xml")
		header := Marker
		if len(pkg.Sources) > 0 {
			header += "\n// Source: " + strings.Join(pkg.Sources, ", ")
		}
		f.HeaderComment(header)
		if mf.Shared {
			f.PackageComment(packageDoc(pkg))
			e.sharedTables(f)
		}
		for _, t := range mf.Types {
			e.typTable(f, t)
		}
		for _, c := range mf.Clients {
			for _, h := range []*model.Header{c.RequestHeader, c.ResponseHeader} {
				if h != nil {
					e.headerTable(f, h)
				}
			}
		}
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", mf.Name, err)
		}
		out = append(out, File{Name: mf.Name, Content: buf.Bytes()})
	}
	return out, nil
}

func (e *emitter) impl(name string) *jen.Statement { return jen.Qual(ImplPath, name) }

// sharedTables renders the package-level declarations: the version guard, namespaces, registry,
// arrays and dictionaries.
func (e *emitter) sharedTables(f *jen.File) {
	pkg := e.pkg
	f.Comment("The generated code and the runtime check at compile time that they match (see soapimpl.EnforceVersion).")
	f.Const().Defs(
		jen.Id("_").Op("=").Add(e.impl("EnforceVersion")).Call(jen.Lit(2).Op("-").Add(e.impl("MinVersion"))),
		jen.Id("_").Op("=").Add(e.impl("EnforceVersion")).Call(e.impl("MaxVersion").Op("-").Lit(2)),
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
		for _, t := range pkg.Types {
			if t.Kind == model.Struct && t.Registered {
				g.Line().Id(t.TableVar)
			}
		}
		g.Line()
	})
	for _, a := range pkg.Arrays {
		space, local := nameArgs(a.Item.Elem)
		args := []jen.Code{space, local, flagsExpr(e, false, a.Item.Nillable, a.Item.ZeroUnset), e.valueExpr(a.Item.Value)}
		ctor := "NewArray"
		if !a.EncItem.IsZero() {
			ctor = "NewEncArray"
			args = append(args, qname(a.EncItem))
		}
		f.Var().Id(a.Var).Op("=").Add(e.impl(ctor)).Call(args...)
	}
	for _, d := range pkg.Dicts {
		ps, pl := nameArgs(d.Pair)
		ks, kl := nameArgs(d.Key.Elem)
		vs, vl := nameArgs(d.Value.Elem)
		f.Var().Id(d.Var).Op("=").Add(e.impl("NewDict")).Call(
			e.impl("NewName").Call(ps, pl),
			e.impl("NewField").Call(ks, kl, jen.Lit(""), flagsExpr(e, false, d.Key.Nillable, d.Key.ZeroUnset)), e.valueExpr(d.Key.Value),
			e.impl("NewField").Call(vs, vl, jen.Lit(""), flagsExpr(e, false, d.Value.Nillable, d.Value.ZeroUnset)), e.valueExpr(d.Value.Value),
			e.compare(d.Compare),
		)
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

// flagsExpr renders the occurrence flags of an element.
func flagsExpr(e *emitter, optional, nillable, zeroUnset bool) jen.Code {
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
	if s == nil {
		return jen.Lit(0)
	}
	return s
}

// valueExpr renders the soapimpl.Value encoding one value of v's kind.
func (e *emitter) valueExpr(v *model.Value) *jen.Statement {
	switch v.Kind {
	case model.SimpleValue:
		if v.Ref {
			return e.impl("Ref").Call(e.codec(v.Codec))
		}
		return e.codec(v.Codec)
	case model.StructValue:
		return e.impl("Ptr").Types(jen.Op("*").Id(v.Type.GoName)).Call()
	case model.PolyValue:
		return e.impl("Poly").Types(jen.Id(v.Type.Poly.Interface), jen.Op("*").Id(v.Type.GoName)).Call()
	case model.AnyValue:
		return e.impl("Any")
	case model.ArrayValue:
		return jen.Id(v.Array.Var)
	case model.DictValue:
		return jen.Id(v.Dict.Var)
	}
	panic("emit: unknown value kind")
}

// accessor renders func(v *T) *F { return &v.Name }, on one line (gofmt keeps a function literal
// written on one line so).
func (e *emitter) accessor(t string, field string, ft jen.Code) *jen.Statement {
	return jen.Func().Params(jen.Id("v").Op("*").Id(t)).Op("*").Add(ft).Op("{ return &v." + field + " }")
}

// newFunc renders func() *T { return new(T) }, on one line.
func newFunc(t string) *jen.Statement {
	return jen.Func().Params().Op("*").Id(t).Op("{ return new(" + t + ") }")
}

func (e *emitter) typTable(f *jen.File, t *model.Type) {
	switch t.Kind {
	case model.Struct:
		e.structTable(f, t)
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
			e.impl("Message"),
			jen.Id(t.Poly.Method).Params().Op("*").Id(t.GoName),
		)
		f.Commentf("%s returns v. Types derived from %s inherit the method, which returns their embedded %s.", t.Poly.Method, t.GoName, t.GoName)
		f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id(t.Poly.Method).Params().Op("*").Id(t.GoName).Block(jen.Return(jen.Id("v")))
	}
	ptr := jen.Op("*").Id(t.GoName)
	items := []jen.Code{jen.Id("Go").Op(":").Lit(t.GoName)}
	if !t.QName.IsZero() {
		items = append(items, jen.Id("Type").Op(":").Add(qname(t.QName)))
	}
	switch {
	case t.Abstract:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Abstract")))
	case t.ItemOfChoice:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Occurrence")))
	case t.BodyParts:
		items = append(items, jen.Id("Kind").Op(":").Add(e.impl("Parts")))
	}
	items = append(items, jen.Id("New").Op(":").Add(newFunc(t.GoName)))
	if t.Base != nil {
		items = append(items, jen.Id("Base").Op(":").Add(e.impl("Extends").Call(e.accessor(t.GoName, t.Base.GoName, jen.Id(t.Base.GoName)))))
	}
	if t.Presence != "" {
		items = append(items, jen.Id("Presence").Op(":").Add(e.accessor(t.GoName, t.Presence, e.soap("Presence"))))
	}
	if len(t.Attrs) > 0 {
		items = append(items, jen.Id("Attrs").Op(":").Index().Add(e.impl("AttrOf")).Types(ptr.Clone()).ValuesFunc(func(g *jen.Group) {
			for _, a := range t.Attrs {
				space, local := nameArgs(a.Name)
				ctor, at := "Attr", e.goType(a.Type)
				if a.Ref {
					ctor = "AttrRef"
				}
				s := e.impl(ctor).Call(space, local, jen.Lit(a.GoName), e.codec(a.Codec), e.accessor(t.GoName, a.GoName, at))
				if a.Fixed != nil {
					s = s.Dot("Fixed").Call(jen.Lit(*a.Fixed))
				}
				g.Line().Add(s)
			}
			g.Line()
		}))
	}
	if t.AnyAttr != "" {
		items = append(items, jen.Id("AnyAttr").Op(":").Add(e.accessor(t.GoName, t.AnyAttr, jen.Index().Qual(xmlPkg, "Attr"))))
	}
	if t.Text != nil {
		items = append(items, jen.Id("Text").Op(":").Add(e.impl("TextContent").Call(e.codec(t.Text.Codec), e.accessor(t.GoName, t.Text.GoName, e.goType(t.Text.Type)))))
	}
	if t.Mixed != "" {
		items = append(items, jen.Id("Mixed").Op(":").Add(e.accessor(t.GoName, t.Mixed, jen.Index().Add(e.soap("Node")))))
	}
	if len(t.Fields) > 0 {
		items = append(items, jen.Id("Fields").Op(":").Index().Add(e.impl("FieldOf")).Types(ptr.Clone()).ValuesFunc(func(g *jen.Group) {
			for _, fd := range t.Fields {
				g.Line().Add(e.fieldTable(t.GoName, fd))
			}
			g.Line()
		}))
	}
	if len(t.Choices) > 0 {
		items = append(items, jen.Id("Choices").Op(":").Index().Add(e.impl("Choice")).ValuesFunc(func(g *jen.Group) {
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
	f.Var().Id(t.TableVar).Op("=").Op("&").Add(e.impl("Struct")).Types(ptr.Clone()).Values(lines(items...)...)
	f.Func().Params(ptr.Clone()).Id("SOAPType").Params().Add(e.impl("Type")).Op("{ return " + t.TableVar + " }")
}

// fieldTable renders the soapimpl.FieldOf describing field fd of struct typ.
func (e *emitter) fieldTable(typ string, fd *model.Field) *jen.Statement {
	space, local := nameArgs(fd.Elem)
	flags := flagsExpr(e, fd.Optional, fd.Nillable, fd.ZeroUnset)
	switch fd.Shape {
	case model.Wildcard:
		return e.impl("Wildcard").Call(jen.Lit(fd.GoName), flags, e.accessor(typ, fd.GoName, e.goType(fd.Type)))
	case model.Choices:
		return e.impl("Choices").Call(jen.Lit(fd.GoName), flags, e.accessor(typ, fd.GoName, e.goType(fd.Type)))
	case model.Repeated:
		return e.impl("Rep").Call(space, local, jen.Lit(fd.GoName), flags, e.valueExpr(fd.Value), e.accessor(typ, fd.GoName, e.goType(fd.Type)))
	case model.Wrapped:
		return e.impl("Elem").Call(space, local, jen.Lit(fd.GoName), flags, jen.Id(fd.Array.Var), e.accessor(typ, fd.GoName, e.goType(fd.Type)))
	case model.Dictionary:
		return e.impl("Elem").Call(space, local, jen.Lit(fd.GoName), flags, jen.Id(fd.Dict.Var), e.accessor(typ, fd.GoName, e.goType(fd.Type)))
	}
	return e.impl("Elem").Call(space, local, jen.Lit(fd.GoName), flags, e.valueExpr(fd.Value), e.accessor(typ, fd.GoName, e.goType(fd.Type)))
}

// headerTable renders a header struct and its descriptor table.
func (e *emitter) headerTable(f *jen.File, h *model.Header) {
	f.Add(comment(h.Doc))
	f.Type().Id(h.GoName).StructFunc(func(g *jen.Group) {
		for _, fd := range h.Fields {
			g.Add(comment(fd.Doc))
			g.Id(fd.GoName).Add(e.goType(fd.Type))
		}
	})
	ptr := jen.Op("*").Id(h.GoName)
	f.Var().Id(h.TableVar).Op("=").Op("&").Add(e.impl("Struct")).Types(ptr.Clone()).Values(lines(
		jen.Id("Go").Op(":").Lit(h.GoName),
		jen.Id("Kind").Op(":").Add(e.impl("Header")),
		jen.Id("New").Op(":").Add(newFunc(h.GoName)),
		jen.Id("Fields").Op(":").Index().Add(e.impl("FieldOf")).Types(ptr.Clone()).ValuesFunc(func(g *jen.Group) {
			for _, fd := range h.Fields {
				if fd.Ref {
					space, local := nameArgs(fd.Elem)
					g.Line().Add(e.impl("Elem").Call(space, local, jen.Lit(fd.GoName), flagsExpr(e, fd.Optional, fd.Nillable, fd.ZeroUnset),
						e.impl("Ref").Call(e.codec(fd.Value.Codec)), e.accessor(h.GoName, fd.GoName, e.goType(fd.Type))))
					continue
				}
				g.Line().Add(e.fieldTable(h.GoName, fd))
			}
			g.Line()
		}),
	)...)
	f.Func().Params(ptr.Clone()).Id("SOAPType").Params().Add(e.impl("Type")).Op("{ return " + h.TableVar + " }")
}
