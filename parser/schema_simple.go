package parser

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

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
