package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

// bodyParts renders the methods of the struct holding the parts of a document-style message with
// several body parts: it has no element of its own, so MarshalSOAP writes one element per part,
// UnmarshalSOAP reads one part's element, and UnmarshalSOAPBody (soap.BodyUnmarshaler) reads every
// element of a reply's Body.
func (e *emitter) bodyParts(f *jen.File, t *model.Type) {
	recv := jen.Id("v").Op("*").Id(t.GoName)
	l := level{t: t, f: "f0", seen: "seen0"}
	f.Commentf("MarshalSOAP writes the parts of v, one element each, in order; start is ignored (the parts have no element around them). A nil v is an encoding error.")
	f.Func().Params(recv.Clone()).Id("MarshalSOAP").Params(jen.Id("e").Op("*").Add(e.soap("Encoder")), jen.Id("_").Add(e.soap("Start"))).BlockFunc(func(g *jen.Group) {
		e.elementlessPrologue(g, t, l)
		for i, fd := range t.Fields {
			g.Add(e.encodeField(l, i, fd))
		}
	})
	f.Commentf("UnmarshalSOAP reads se, the element of one part, into v.")
	f.Func().Params(recv.Clone()).Id("UnmarshalSOAP").Params(jen.Id("d").Op("*").Add(e.soap("Decoder")), jen.Id("se").Qual(xmlPkg, "StartElement")).Error().BlockFunc(func(g *jen.Group) {
		g.Id(l.f).Op(":=").Op("&").Id(t.FieldsVar)
		g.Switch(jen.Id("se").Dot("Name")).BlockFunc(func(g *jen.Group) {
			for i, fd := range t.Fields {
				g.Case(jen.Id(l.f).Index(jen.Lit(i)).Dot("Name")).Block(jen.Return(e.decodeField(l, i, fd)))
			}
		})
		g.Return(jen.Id("d").Dot("Unknown").Call(jen.Id("se")))
	})
	f.Commentf("UnmarshalSOAPBody reads the elements of a reply's Body into v: first, already started, then the others up to the end of the Body, each into the field of its part (in any order). A part the reply lacks is recorded as absent in %s.", t.Presence)
	f.Func().Params(recv.Clone()).Id("UnmarshalSOAPBody").Params(jen.Id("d").Op("*").Add(e.soap("Decoder")), jen.Id("first").Qual(xmlPkg, "StartElement")).Error().BlockFunc(func(g *jen.Group) {
		g.Id(l.f).Op(":=").Op("&").Id(t.FieldsVar)
		g.Var().Id(l.seen).Index(jen.Lit(len(t.Fields))).Bool()
		g.Id("part").Op(":=").Func().Params(jen.Id("se").Qual(xmlPkg, "StartElement")).Error().Block(
			jen.For(jen.Id("i").Op(":=").Range().Id(l.f)).Block(
				jen.If(jen.Id("se").Dot("Name").Op("==").Id(l.f).Index(jen.Id("i")).Dot("Name")).Block(
					jen.Id(l.seen).Index(jen.Id("i")).Op("=").True(),
				),
			),
			jen.Return(jen.Id("v").Dot("UnmarshalSOAP").Call(jen.Id("d"), jen.Id("se"))),
		)
		g.If(jen.Err().Op(":=").Id("part").Call(jen.Id("first")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.If(jen.Err().Op(":=").Id("d").Dot("Children").Call(jen.Id("part")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.Add(e.soap("Missing")).Call(jen.Id(l.f).Index(jen.Op(":")), jen.Id(l.seen).Index(jen.Op(":")), jen.Op("&").Id("v").Dot(t.Presence))
		g.Return(jen.Nil())
	})
}
