package parser

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

func (r *schemaReader) occurs(el *etree.Element) (min, max int, err error) {
	min, max = 1, 1
	if v := el.SelectAttr("minOccurs"); v != nil {
		n, e := strconv.Atoi(strings.TrimSpace(v.Value))
		if e != nil || n < 0 {
			return 0, 0, errorf(r.pos(el), "minOccurs=%q is not a non-negative integer", v.Value)
		}
		min = n
	}
	if v := el.SelectAttr("maxOccurs"); v != nil {
		s := strings.TrimSpace(v.Value)
		if s == "unbounded" {
			max = Unbounded
		} else {
			n, e := strconv.Atoi(s)
			if e != nil || n < 0 {
				return 0, 0, errorf(r.pos(el), "maxOccurs=%q is neither a non-negative integer nor unbounded", v.Value)
			}
			max = n
		}
	}
	if max != Unbounded && max < min {
		return 0, 0, errorf(r.pos(el), "maxOccurs (%d) is less than minOccurs (%d)", max, min)
	}
	return min, max, nil
}

func (r *schemaReader) particle(el *etree.Element) (*Particle, error) {
	min, max, err := r.occurs(el)
	if err != nil {
		return nil, err
	}
	p := &Particle{Pos: r.pos(el), MinOccurs: min, MaxOccurs: max}
	switch el.Tag {
	case "sequence":
		p.Kind = Sequence
	case "choice":
		p.Kind = Choice
	case "all":
		p.Kind = All
	case "group":
		p.Kind = GroupRef
		if p.Ref, err = r.qname(el, "ref"); err != nil {
			return nil, err
		}
		if p.Ref == (xml.Name{}) {
			return nil, errorf(r.pos(el), "xs:group inside a model group needs ref")
		}
		return p, nil
	case "element":
		p.Kind = ElementParticle
		if p.Element, err = r.element(el, false); err != nil {
			return nil, err
		}
		return p, nil
	case "any":
		p.Kind = AnyParticle
		p.Namespace = el.SelectAttrValue("namespace", "##any")
		return p, nil
	default:
		return nil, errorf(r.pos(el), "unexpected element xs:%s in a model group", el.Tag)
	}
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "annotation":
		case "element", "sequence", "choice", "group", "any", "all":
			cp, err := r.particle(c)
			if err != nil {
				return nil, err
			}
			p.Children = append(p.Children, cp)
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:%s", c.Tag, el.Tag)
		}
	}
	return p, nil
}

func (r *schemaReader) element(el *etree.Element, global bool) (*Element, error) {
	e := &Element{Pos: r.pos(el), Doc: documentation(el), Nillable: boolAttr(el, "nillable"), Abstract: boolAttr(el, "abstract")}
	var err error
	if !global {
		if e.Ref, err = r.qname(el, "ref"); err != nil {
			return nil, err
		}
		if e.Ref != (xml.Name{}) {
			return e, nil
		}
	}
	name := el.SelectAttrValue("name", "")
	if !validNCName(name) {
		if name == "" {
			return nil, errorf(e.Pos, "xs:element needs a name or a ref")
		}
		return nil, errorf(e.Pos, "name %q is not a valid XML name", name)
	}
	ns := ""
	if global || el.SelectAttrValue("form", "") == "qualified" ||
		el.SelectAttr("form") == nil && r.schema.ElementQualified {
		ns = r.tns
	}
	e.Name = xml.Name{Space: ns, Local: name}
	if e.Type, err = r.qname(el, "type"); err != nil {
		return nil, err
	}
	if e.SubstitutionGroup, err = r.qname(el, "substitutionGroup"); err != nil {
		return nil, err
	}
	if v := el.SelectAttr("default"); v != nil {
		s := v.Value
		e.Default = &s
	}
	if v := el.SelectAttr("fixed"); v != nil {
		s := v.Value
		e.Fixed = &s
	}
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "simpleType":
			if e.Simple, err = r.simpleType(c, false); err != nil {
				return nil, err
			}
		case "complexType":
			if e.Complex, err = r.complexType(c, false); err != nil {
				return nil, err
			}
		case "annotation", "key", "keyref", "unique", "alternative":
		case "sequence", "choice", "all", "group":
			if err := r.groupInElement(e, c); err != nil {
				return nil, err
			}
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:element", c.Tag)
		}
	}
	n := 0
	if e.Type != (xml.Name{}) {
		n++
	}
	if e.Simple != nil {
		n++
	}
	if e.Complex != nil {
		n++
	}
	if n > 1 {
		return nil, errorf(e.Pos, "xs:element has both a type attribute and an anonymous type")
	}
	return e, nil
}
