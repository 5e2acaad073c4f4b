package parser

import (
	"fmt"

	"github.com/beevik/etree"
)

// groupInElement handles a model group (xs:sequence, xs:choice, xs:all or xs:group) written directly
// inside xs:element, which XML Schema does not allow (an element's content model belongs in an
// xs:complexType). With Options.Lenient it is read as if wrapped in an anonymous xs:complexType, with
// a warning naming the file and element; without, it is an error suggesting -lenient. A second model
// group, or one beside an anonymous or named type, stays an error.
func (r *schemaReader) groupInElement(e *Element, c *etree.Element) error {
	pos := r.pos(c)
	if !r.l.opts.Lenient {
		return lenientf(pos, "read it as if wrapped in an anonymous xs:complexType",
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
	r.l.set.Warnings = append(r.l.set.Warnings, fmt.Sprintf("%s: xs:%s directly inside xs:element read as if wrapped in an anonymous xs:complexType (-lenient)", pos, c.Tag))
	return nil
}
