package parser

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// soapEncArray reads a SOAP-ENC array type (SOAP 1.1 section 5.4.2; WSDL 1.1 section 2.2): a
// complexContent derivation d of soapenc:Array, whose item type is given by the wsdl:arrayType
// attribute on an attribute referring to soapenc:arrayType (arrayType="xsd:string[]"), or by the one
// repeated element of its model group. t becomes an array type: no base, and a sequence of one
// optional, repeated element named after the items ("item" unless the model group names
// it), with EncArray set to the item type (xs:anyType when neither says). A two-dimensional array
// ("xsd:string[,]") has EncRank 2; an array of arrays ("xsd:byte[][]", "xsd:string[,][]") has items
// of an anonymous array type, built the same way. Arrays of more than two dimensions are refused.
func (r *schemaReader) soapEncArray(t *ComplexType, d *etree.Element) error {
	var item xml.Name
	var ranks []int // of the items' array types, innermost first, then of t
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
				v, rs, err := arrayTypeValue(a.Value)
				if err != nil {
					e := errorf(r.pos(c), "wsdl:arrayType=%q: %v", a.Value, err)
					e.unmappable = true
					return e
				}
				if item, err = r.resolve(c, "wsdl:arrayType", v); err != nil {
					return err
				}
				ranks = rs
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
	if len(ranks) > 1 && elem != nil && (elem.Type != (xml.Name{}) || elem.Simple != nil || elem.Complex != nil) {
		return errorf(elem.Pos, "the items of a SOAP-ENC array of arrays are arrays: their element cannot declare a type")
	}
	switch {
	case elem != nil && elem.Type == (xml.Name{}) && elem.Simple == nil && elem.Complex == nil && item != (xml.Name{}) && len(ranks) <= 1:
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
		elem = &Element{Name: xml.Name{Local: "item"}, Pos: r.pos(d)}
	}
	if len(ranks) == 0 {
		ranks = []int{1}
	}
	// The items' types, innermost first: the named item type, then anonymous arrays of it.
	var itemRanks string
	for i, rank := range ranks[:len(ranks)-1] {
		inner := &ComplexType{Pos: r.pos(d), EncArray: item, EncItemRanks: itemRanks}
		if rank > 1 {
			inner.EncRank = rank
		}
		itemElem := &Element{Name: elem.Name, Pos: elem.Pos, Type: item}
		if i > 0 {
			itemElem.Type, itemElem.Complex = xml.Name{}, elem.Complex
		}
		inner.Particle = encArrayParticle(r.pos(d), itemElem)
		elem = &Element{Name: elem.Name, Pos: elem.Pos, Complex: inner}
		itemRanks += rankText(rank)
	}
	if len(ranks) == 1 && elem.Type == (xml.Name{}) {
		elem.Type = item
	}
	t.Base, t.Derivation, t.Attributes, t.AnyAttribute = xml.Name{}, NoDerivation, nil, false
	t.EncArray, t.EncItemRanks = item, itemRanks
	if rank := ranks[len(ranks)-1]; rank > 1 {
		t.EncRank = rank
	}
	t.Particle = encArrayParticle(r.pos(d), elem)
	return nil
}

// encArrayParticle is the content of a SOAP-ENC array: a sequence of one optional, repeated item
// element.
func encArrayParticle(pos Pos, item *Element) *Particle {
	return &Particle{Kind: Sequence, Pos: pos, MinOccurs: 1, MaxOccurs: 1,
		Children: []*Particle{{Kind: ElementParticle, Pos: item.Pos, MinOccurs: 0, MaxOccurs: Unbounded, Element: item}}}
}

// arrayTypeValue splits the value of a wsdl:arrayType attribute (SOAP 1.1 section 5.4.2:
// arrayTypeValue = atype asize; atype = QName *( rank ); rank = "[" *( "," ) "]"; asize = "[" #length
// "]") into the item type's QName and the ranks that follow it, the array's own (asize) last; the
// lengths of asize, if given, are ignored. Ranks above 2 are refused.
func arrayTypeValue(v string) (string, []int, error) {
	v = strings.TrimSpace(v)
	i := strings.IndexByte(v, '[')
	if i < 0 {
		return v, nil, nil
	}
	name, rest := v[:i], v[i:]
	var ranks []int
	for rest != "" {
		end := strings.IndexByte(rest, ']')
		if rest[0] != '[' || end < 0 {
			return "", nil, fmt.Errorf("not a SOAP-ENC array type (as in \"xsd:string[]\" or \"xsd:string[,]\")")
		}
		group := rest[1:end]
		rank := strings.Count(group, ",") + 1
		if strings.Trim(group, "0123456789, ") != "" {
			return "", nil, fmt.Errorf("not a SOAP-ENC array type (as in \"xsd:string[]\" or \"xsd:string[,]\")")
		}
		if rank > 2 {
			return "", nil, fmt.Errorf("SOAP-ENC arrays of more than two dimensions are not supported")
		}
		ranks = append(ranks, rank)
		rest = rest[end+1:]
	}
	return name, ranks, nil
}

// rankText writes a rank as arrayType does: "[]" or "[,]".
func rankText(rank int) string {
	return "[" + strings.Repeat(",", rank-1) + "]"
}
