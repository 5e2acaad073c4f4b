package parser

import (
	"github.com/beevik/etree"
)

// groupInElement handles a model group (xs:sequence, xs:choice, xs:all or xs:group) written directly
// inside xs:element, which XML Schema does not allow (an element's content model belongs in an
// xs:complexType). It is read as if wrapped in an anonymous xs:complexType, a fix-up naming the file
// and element; with Options.Strict, it is an error. A second model group, or one beside an anonymous
// or named type, stays an error.
func (r *schemaReader) groupInElement(e *Element, c *etree.Element) error {
	pos := r.pos(c)
	if r.l.opts.Strict {
		return strictf(pos, "read it as if wrapped in an anonymous xs:complexType",
			"unexpected element xs:%s in xs:element: a model group belongs inside xs:complexType", c.Tag)
	}
	if e.Complex != nil || e.Simple != nil || e.Type.Local != "" {
		return errorf(pos, "unexpected element xs:%s in xs:element, which already has a type", c.Tag)
	}
	p, err := r.particle(c)
	if err != nil {
		return err
	}
	e.Complex = &ComplexType{Pos: pos, Particle: p}
	r.l.set.fixup(ImpliedComplexType, pos, "xs:%s directly inside xs:element read as if wrapped in an anonymous xs:complexType", c.Tag)
	return nil
}
