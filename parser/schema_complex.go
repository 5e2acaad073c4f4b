package parser

import (
	"encoding/xml"
	"errors"
	"strings"

	"github.com/beevik/etree"
)

func (r *schemaReader) complexType(el *etree.Element, global bool) (*ComplexType, error) {
	t := &ComplexType{
		Pos:      r.pos(el),
		Doc:      documentation(el),
		Abstract: boolAttr(el, "abstract"),
		Mixed:    boolAttr(el, "mixed"),
	}
	if global {
		n, err := r.global(el)
		if err != nil {
			return nil, err
		}
		t.Name = n
	}
	appinfo(el, func(c *etree.Element) {
		switch c.Tag {
		case "IsDictionary":
			t.IsDictionary = strings.TrimSpace(c.Text()) == "true"
		case "IsValueType":
			t.IsValueType = strings.TrimSpace(c.Text()) == "true"
		}
	})
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "annotation":
		case "sequence", "choice", "all", "group":
			if t.Particle != nil {
				return nil, errorf(r.pos(c), "xs:complexType has more than one model group")
			}
			p, err := r.particle(c)
			if err != nil {
				return nil, err
			}
			t.Particle = p
		case "attribute", "attributeGroup", "anyAttribute":
			if err := r.attributeUse(t, c); err != nil {
				return nil, err
			}
		case "complexContent", "simpleContent":
			if c.Tag == "complexContent" && boolAttr(c, "mixed") {
				t.Mixed = true
			}
			if c.Tag == "simpleContent" {
				t.Content = SimpleContent
			}
			if err := r.derivation(t, c); err != nil {
				return nil, err
			}
		case "assert", "openContent":
			return nil, errorf(r.pos(c), "xs:%s (XML Schema 1.1) is not supported", c.Tag)
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:complexType", c.Tag)
		}
	}
	return t, nil
}

func (r *schemaReader) derivation(t *ComplexType, el *etree.Element) error {
	var d *etree.Element
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "extension", "restriction":
			if d != nil {
				return errorf(r.pos(c), "xs:%s has more than one derivation", el.Tag)
			}
			d = c
		case "annotation":
		default:
			return errorf(r.pos(c), "unexpected element xs:%s in xs:%s", c.Tag, el.Tag)
		}
	}
	if d == nil {
		return errorf(r.pos(el), "xs:%s needs xs:extension or xs:restriction", el.Tag)
	}
	base, err := r.qname(d, "base")
	if err != nil {
		return err
	}
	if base == (xml.Name{}) {
		return errorf(r.pos(d), "xs:%s has no base", d.Tag)
	}
	t.Base = base
	t.Derivation = Extension
	if d.Tag == "restriction" {
		t.Derivation = Restricted
	}
	if (t.Base == xml.Name{Space: NSSOAPEnc11, Local: "Array"} || t.Base == xml.Name{Space: NSSOAPEnc12, Local: "Array"}) && el.Tag == "complexContent" {
		err := r.soapEncArray(t, d)
		var pe *Error
		switch {
		case err == nil || !errors.As(err, &pe) || !pe.unmappable:
		case r.l.opts.Lenient:
			// Kept as XML by the model (an Unmapped fix-up there).
			t.Base, t.Derivation, t.Attributes, t.AnyAttribute, t.Particle = xml.Name{}, NoDerivation, nil, false, nil
			t.Unmapped = pe.Error()
			return nil
		default:
			pe.Hint = Hint{Kind: HintLenient, Effect: "keep the content of the type as XML"}
		}
		return err
	}
	for _, c := range d.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "sequence", "choice", "all", "group":
			if t.Content == SimpleContent {
				return errorf(r.pos(c), "a model group inside xs:simpleContent")
			}
			if t.Particle != nil {
				return errorf(r.pos(c), "more than one model group")
			}
			p, err := r.particle(c)
			if err != nil {
				return err
			}
			t.Particle = p
		case "attribute", "attributeGroup", "anyAttribute":
			if err := r.attributeUse(t, c); err != nil {
				return err
			}
		case "annotation", "simpleType", "enumeration", "length", "minLength", "maxLength", "pattern",
			"whiteSpace", "maxInclusive", "maxExclusive", "minInclusive", "minExclusive", "totalDigits", "fractionDigits":
			// Facets of a simpleContent restriction narrow the value; they do not change its Go type.
		default:
			return errorf(r.pos(c), "unexpected element xs:%s in xs:%s", c.Tag, d.Tag)
		}
	}
	return nil
}

func (r *schemaReader) attributeUse(t *ComplexType, el *etree.Element) error {
	switch el.Tag {
	case "anyAttribute":
		t.AnyAttribute = true
	case "attributeGroup":
		ref, err := r.qname(el, "ref")
		if err != nil {
			return err
		}
		if ref == (xml.Name{}) {
			return errorf(r.pos(el), "xs:attributeGroup inside a type needs ref")
		}
		t.Attributes = append(t.Attributes, &Attribute{Pos: r.pos(el), GroupRef: ref})
	default:
		a, err := r.attribute(el, false)
		if err != nil {
			return err
		}
		t.Attributes = append(t.Attributes, a)
	}
	return nil
}

func (r *schemaReader) attribute(el *etree.Element, global bool) (*Attribute, error) {
	a := &Attribute{Pos: r.pos(el), Use: el.SelectAttrValue("use", "optional")}
	var err error
	if a.Ref, err = r.qname(el, "ref"); err != nil {
		return nil, err
	}
	if a.Type, err = r.qname(el, "type"); err != nil {
		return nil, err
	}
	if v := el.SelectAttr("default"); v != nil {
		s := v.Value
		a.Default = &s
	}
	if v := el.SelectAttr("fixed"); v != nil {
		s := v.Value
		a.Fixed = &s
	}
	if a.Ref == (xml.Name{}) {
		name := el.SelectAttrValue("name", "")
		if !validNCName(name) {
			return nil, errorf(r.pos(el), "xs:attribute needs a valid name or a ref")
		}
		ns := ""
		if global || el.SelectAttrValue("form", "") == "qualified" ||
			el.SelectAttr("form") == nil && r.schema.AttributeQualified {
			ns = r.tns
		}
		a.Name = xml.Name{Space: ns, Local: name}
	}
	for _, c := range el.ChildElements() {
		if is(c, NSXSD, "simpleType") {
			if a.Simple, err = r.simpleType(c, false); err != nil {
				return nil, err
			}
		}
	}
	return a, nil
}

func (r *schemaReader) group(el *etree.Element) (*Group, error) {
	n, err := r.global(el)
	if err != nil {
		return nil, err
	}
	g := &Group{Name: n, Pos: r.pos(el)}
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "sequence", "choice", "all":
			if g.Particle, err = r.particle(c); err != nil {
				return nil, err
			}
		case "annotation":
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:group", c.Tag)
		}
	}
	if g.Particle == nil {
		return nil, errorf(r.pos(el), "xs:group has no model group")
	}
	return g, nil
}

func (r *schemaReader) attributeGroup(el *etree.Element) (*AttributeGroup, error) {
	n, err := r.global(el)
	if err != nil {
		return nil, err
	}
	g := &AttributeGroup{Name: n, Pos: r.pos(el)}
	t := &ComplexType{}
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "attribute", "attributeGroup", "anyAttribute":
			if err := r.attributeUse(t, c); err != nil {
				return nil, err
			}
		case "annotation":
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:attributeGroup", c.Tag)
		}
	}
	g.Attributes = t.Attributes
	g.AnyAttribute = t.AnyAttribute
	return g, nil
}

func boolAttr(el *etree.Element, name string) bool {
	v := strings.TrimSpace(el.SelectAttrValue(name, ""))
	return v == "true" || v == "1"
}
