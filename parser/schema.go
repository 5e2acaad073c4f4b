package parser

import (
	"encoding/xml"
	"strconv"
	"strings"

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
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
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
	return r.l.load(p, "", ref, "schema")
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

func (r *schemaReader) simpleType(el *etree.Element, global bool) (*SimpleType, error) {
	t := &SimpleType{Pos: r.pos(el), Doc: documentation(el)}
	if global {
		n, err := r.global(el)
		if err != nil {
			return nil, err
		}
		t.Name = n
	}
	var err error
	appinfo(el, func(c *etree.Element) {
		if c.Tag == "ActualType" && err == nil {
			t.ActualType = xml.Name{Space: c.SelectAttrValue("Namespace", ""), Local: c.SelectAttrValue("Name", "")}
		}
	})
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "restriction":
			if t.Restriction, err = r.restriction(c); err != nil {
				return nil, err
			}
		case "list":
			l := &List{}
			if l.ItemType, err = r.qname(c, "itemType"); err != nil {
				return nil, err
			}
			for _, cc := range c.ChildElements() {
				if is(cc, NSXSD, "simpleType") {
					if l.Item, err = r.simpleType(cc, false); err != nil {
						return nil, err
					}
				}
			}
			if (l.ItemType == xml.Name{}) == (l.Item == nil) {
				return nil, errorf(r.pos(c), "xs:list needs exactly one of itemType and a nested xs:simpleType")
			}
			t.List = l
		case "union":
			u := &Union{}
			for _, m := range strings.Fields(c.SelectAttrValue("memberTypes", "")) {
				n, err := r.resolve(c, "memberTypes", m)
				if err != nil {
					return nil, err
				}
				u.MemberTypes = append(u.MemberTypes, n)
			}
			for _, cc := range c.ChildElements() {
				if is(cc, NSXSD, "simpleType") {
					m, err := r.simpleType(cc, false)
					if err != nil {
						return nil, err
					}
					u.Members = append(u.Members, m)
				}
			}
			if len(u.MemberTypes)+len(u.Members) == 0 {
				return nil, errorf(r.pos(c), "xs:union has no member types")
			}
			t.Union = u
		case "annotation":
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:simpleType", c.Tag)
		}
	}
	if t.Restriction == nil && t.List == nil && t.Union == nil {
		return nil, errorf(r.pos(el), "xs:simpleType needs one of xs:restriction, xs:list and xs:union")
	}
	return t, nil
}

func (r *schemaReader) restriction(el *etree.Element) (*Restriction, error) {
	res := &Restriction{}
	var err error
	if res.Base, err = r.qname(el, "base"); err != nil {
		return nil, err
	}
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "simpleType":
			if res.BaseType, err = r.simpleType(c, false); err != nil {
				return nil, err
			}
		case "enumeration":
			e := Enum{Value: c.SelectAttrValue("value", ""), Doc: documentation(c)}
			if c.SelectAttr("value") == nil {
				return nil, errorf(r.pos(c), "xs:enumeration has no value")
			}
			var perr error
			appinfo(c, func(a *etree.Element) {
				if a.Tag == "EnumerationValue" {
					n, err := strconv.ParseInt(strings.TrimSpace(a.Text()), 10, 64)
					if err != nil {
						perr = errorf(r.pos(a), "EnumerationValue %q is not an integer", a.Text())
						return
					}
					e.Number = &n
				}
			})
			if perr != nil {
				return nil, perr
			}
			res.Enums = append(res.Enums, e)
		case "annotation":
		case "length", "minLength", "maxLength", "pattern", "whiteSpace", "maxInclusive", "maxExclusive",
			"minInclusive", "minExclusive", "totalDigits", "fractionDigits", "assertion", "explicitTimezone":
			res.Facets = append(res.Facets, Facet{Kind: c.Tag, Value: c.SelectAttrValue("value", "")})
		case "sequence", "choice", "all", "group", "attribute", "attributeGroup", "anyAttribute":
			// complexContent/simpleContent restrictions are read by complexType.
		default:
			return nil, errorf(r.pos(c), "unexpected element xs:%s in xs:restriction", c.Tag)
		}
	}
	if (res.Base == xml.Name{}) && res.BaseType == nil {
		return nil, errorf(r.pos(el), "xs:restriction has neither a base attribute nor a nested xs:simpleType")
	}
	return res, nil
}

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
		return r.soapEncArray(t, d)
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

// soapEncArray reads a SOAP-ENC array type (SOAP 1.1 section 5.4.2; WSDL 1.1 section 2.2): a
// complexContent derivation d of soapenc:Array, whose item type is given by the wsdl:arrayType
// attribute on an attribute referring to soapenc:arrayType (arrayType="xsd:string[]"), or by the one
// repeated element of its model group. t becomes an array type: no base, and a sequence of one
// optional, repeated element named after the items ("item" unless the model group names
// it), with EncArray set to the item type (xs:anyType when neither says). Multi-dimensional arrays
// and arrays of arrays ("xsd:string[,]", "xsd:string[][]") are refused.
func (r *schemaReader) soapEncArray(t *ComplexType, d *etree.Element) error {
	var item xml.Name
	var elem *Element
	for _, c := range d.ChildElements() {
		if c.NamespaceURI() != NSXSD {
			continue
		}
		switch c.Tag {
		case "attribute":
			for _, a := range c.Attr {
				if a.Key != "arrayType" || a.Space == "" {
					continue
				}
				if ns, ok := lookupNS(c, a.Space); !ok || ns != NSWSDL {
					continue
				}
				v := strings.TrimSpace(a.Value)
				i := strings.IndexByte(v, '[')
				dims := ""
				if i >= 0 {
					v, dims = v[:i], v[i:]
				}
				if dims != "" && (strings.Count(dims, "[") != 1 || !strings.HasSuffix(dims, "]") || strings.ContainsAny(dims, ",")) {
					return errorf(r.pos(c), "wsdl:arrayType=%q: multi-dimensional SOAP-ENC arrays and arrays of arrays are not supported (only one dimension, as in \"xsd:string[]\")", a.Value)
				}
				n, err := r.resolve(c, "wsdl:arrayType", v)
				if err != nil {
					return err
				}
				item = n
			}
		case "sequence", "all", "choice":
			p, err := r.particle(c)
			if err != nil {
				return err
			}
			if len(p.Children) == 1 && p.Children[0].Kind == ElementParticle && p.Children[0].Element.Ref == (xml.Name{}) {
				elem = p.Children[0].Element
			} else if len(p.Children) > 0 {
				return errorf(r.pos(c), "a restriction of soapenc:Array may hold only one element declaration, the array's items")
			}
		}
	}
	switch {
	case elem != nil && elem.Type == (xml.Name{}) && elem.Simple == nil && elem.Complex == nil && item != (xml.Name{}):
		elem.Type = item
	case elem != nil && (elem.Simple != nil || elem.Complex != nil):
		return errorf(elem.Pos, "the items of a SOAP-ENC array need a named type (an anonymous one cannot travel as arrayType)")
	case elem != nil && item == (xml.Name{}):
		item = elem.Type
	}
	if item == (xml.Name{}) {
		item = xml.Name{Space: NSXSD, Local: "anyType"}
	}
	if elem == nil {
		elem = &Element{Name: xml.Name{Local: "item"}, Pos: r.pos(d), Type: item}
	}
	t.Base, t.Derivation, t.Attributes, t.AnyAttribute = xml.Name{}, NoDerivation, nil, false
	t.EncArray = item
	t.Particle = &Particle{Kind: Sequence, Pos: r.pos(d), MinOccurs: 1, MaxOccurs: 1,
		Children: []*Particle{{Kind: ElementParticle, Pos: elem.Pos, MinOccurs: 0, MaxOccurs: Unbounded, Element: elem}}}
	return nil
}
