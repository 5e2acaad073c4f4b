package parser

import (
	"encoding/xml"

	"github.com/beevik/etree"
)

// schema reads an xs:schema element. chameleon, when set, is the namespace of the schema including
// this one, which a schema without targetNamespace takes.
func (f *file) schema(el *etree.Element, chameleon string) error {
	sf := *f
	sf.tns = el.SelectAttrValue("targetNamespace", "")
	sf.chameleon = ""
	if sf.tns == "" && chameleon != "" {
		sf.tns = chameleon
		sf.chameleon = chameleon
	}
	s := &Schema{
		TargetNamespace:    sf.tns,
		ElementQualified:   el.SelectAttrValue("elementFormDefault", "unqualified") == "qualified",
		AttributeQualified: el.SelectAttrValue("attributeFormDefault", "unqualified") == "qualified",
		Pos:                sf.pos(el),
	}
	f.l.set.Schemas = append(f.l.set.Schemas, s)
	r := &schemaReader{file: &sf, schema: s}
	declared := map[string]map[xml.Name]Pos{} // symbol space -> name -> where this document declares it
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		if err := r.once(declared, c); err != nil {
			return err
		}
		var err error
		switch c.Tag {
		case "import":
			err = r.importSchema(c)
		case "include":
			err = r.include(c)
		case "redefine", "override":
			err = errorf(sf.pos(c), "xs:%s is not supported", c.Tag)
		case "simpleType":
			var t *SimpleType
			if t, err = r.simpleType(c, true); err == nil {
				err = merge(f.l.set.SimpleTypes, t.Name, t, "simple type", func(t *SimpleType) Pos { return t.Pos })
				if err == nil {
					err = r.notBoth(t.Name, c)
				}
			}
		case "complexType":
			var t *ComplexType
			if t, err = r.complexType(c, true); err == nil {
				err = merge(f.l.set.ComplexTypes, t.Name, t, "complex type", func(t *ComplexType) Pos { return t.Pos })
				if err == nil {
					err = r.notBoth(t.Name, c)
				}
			}
		case "element":
			var e *Element
			if e, err = r.element(c, true); err == nil {
				err = merge(f.l.set.Elements, e.Name, e, "element", func(e *Element) Pos { return e.Pos })
			}
		case "attribute":
			var a *Attribute
			if a, err = r.attribute(c, true); err == nil {
				err = merge(f.l.set.Attributes, a.Name, a, "attribute", func(a *Attribute) Pos { return a.Pos })
			}
		case "group":
			var g *Group
			if g, err = r.group(c); err == nil {
				err = merge(f.l.set.Groups, g.Name, g, "group", func(g *Group) Pos { return g.Pos })
			}
		case "attributeGroup":
			var g *AttributeGroup
			if g, err = r.attributeGroup(c); err == nil {
				err = merge(f.l.set.AttributeGroups, g.Name, g, "attribute group", func(g *AttributeGroup) Pos { return g.Pos })
			}
		case "annotation", "notation":
		default:
			err = errorf(sf.pos(c), "unexpected element xs:%s in xs:schema", c.Tag)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type schemaReader struct {
	*file
	schema *Schema
}

// symbolSpaces are the symbol spaces of the global components (XML Schema Part 1 section 2.5): the
// simple and complex types share one.
var symbolSpaces = map[string]string{
	"simpleType": "type", "complexType": "type", "element": "element", "attribute": "attribute",
	"group": "group", "attributeGroup": "attribute group",
}

// once refuses a second global declaration of a name in one schema document (XML Schema Part 1
// section 3.15.6, Schema Properties Correct 2), even an identical one: sogen merges identical
// definitions met in several documents, but within one document a repeated name is a mistake.
func (r *schemaReader) once(declared map[string]map[xml.Name]Pos, c *etree.Element) error {
	space, ok := symbolSpaces[c.Tag]
	name := c.SelectAttrValue("name", "")
	if !ok || !validNCName(name) {
		return nil // reported when the declaration is read
	}
	n := xml.Name{Space: r.tns, Local: name}
	if declared[space] == nil {
		declared[space] = map[xml.Name]Pos{}
	}
	if first, dup := declared[space][n]; dup {
		return errorf(r.pos(c), "%s {%s}%s is declared twice in this schema document (first at %s); XML Schema allows one global declaration of a name (Part 1 section 3.15.6, Schema Properties Correct)",
			space, n.Space, n.Local, first.Path)
	}
	declared[space][n] = r.pos(c)
	return nil
}

// notBoth reports a simple and a complex type sharing a name (they share one symbol space).
func (r *schemaReader) notBoth(n xml.Name, el *etree.Element) error {
	_, s := r.l.set.SimpleTypes[n]
	_, c := r.l.set.ComplexTypes[n]
	if s && c {
		return errorf(r.pos(el), "type {%s}%s is defined both as a simple and as a complex type", n.Space, n.Local)
	}
	return nil
}

func (r *schemaReader) global(el *etree.Element) (xml.Name, error) {
	name := el.SelectAttrValue("name", "")
	if name == "" {
		return xml.Name{}, errorf(r.pos(el), "xs:%s has no name", el.Tag)
	}
	if !validNCName(name) {
		return xml.Name{}, errorf(r.pos(el), "name %q is not a valid XML name", name)
	}
	return xml.Name{Space: r.tns, Local: name}, nil
}

func validNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80:
		case i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '-'):
		default:
			return false
		}
	}
	return true
}

func (r *schemaReader) importSchema(el *etree.Element) error {
	loc := el.SelectAttrValue("schemaLocation", "")
	if loc == "" {
		return nil // the namespace is expected to be defined by another schema in the set
	}
	if skipImport(r.file, el, loc) {
		return nil
	}
	p, ref, err := r.location(el, "schemaLocation", loc)
	if err != nil {
		return err
	}
	err = r.l.load(p, "", ref, "schema")
	e, ok := err.(*Error)
	if !ok || e.Hint.Kind != HintRemote || e.Hint.URL != p {
		return err
	}
	// The document at p itself was not read. Its location is a hint (XML Schema Part 1 section
	// 4.2.3): pass it over, reading what refers into the namespace as any content (undefinedRefs),
	// unless Strict.
	ns := el.SelectAttrValue("namespace", "")
	e.Hint.Namespace = ns
	if r.l.opts.Strict {
		e.Hint.Effect = "pass the import over, reading what refers into its namespace as any content"
		return e
	}
	s := r.l.set
	if s.unread == nil {
		s.unread = map[string]string{}
	}
	if _, ok := s.unread[ns]; !ok {
		s.unread[ns] = p
	}
	s.Fixups = append(s.Fixups, Fixup{Kind: Unread, Pos: e.Pos, Hint: e.Hint,
		Msg: e.Msg + "; the import passed over (its location is a hint), what refers into " + nsPhrase(ns) + " read as any content"})
	return nil
}

// nsPhrase names the namespace ns in a message: "namespace ns", or "no namespace".
func nsPhrase(ns string) string {
	if ns == "" {
		return "no namespace"
	}
	return "namespace " + ns
}

func (r *schemaReader) include(el *etree.Element) error {
	loc := el.SelectAttrValue("schemaLocation", "")
	if loc == "" {
		return errorf(r.pos(el), "xs:include has no schemaLocation")
	}
	p, ref, err := r.location(el, "schemaLocation", loc)
	if err != nil {
		return err
	}
	return r.l.load(p, r.tns, ref, "schema")
}

// appinfo reads the WCF data-contract annotations under el's xs:annotation/xs:appinfo.
func appinfo(el *etree.Element, visit func(c *etree.Element)) {
	for _, a := range el.ChildElements() {
		if !is(a, NSXSD, "annotation") {
			continue
		}
		for _, ai := range a.ChildElements() {
			if !is(ai, NSXSD, "appinfo") {
				continue
			}
			for _, c := range ai.ChildElements() {
				if c.NamespaceURI() == NSSerialization {
					visit(c)
				}
			}
		}
	}
}
