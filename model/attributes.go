package model

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// attrUses returns the attribute uses of ct that its struct declares itself (an embedded base
// declares its own), attribute groups expanded and prohibited uses removed, and whether an
// xs:anyAttribute applies. A restriction, and a type with simple content (whose struct does not embed
// its base), start from the base's attributes.
func (b *builder) attrUses(ct *parser.ComplexType, depth int) ([]*parser.Attribute, bool, error) {
	if depth > maxDepth {
		return nil, false, errorf(ct.Pos, "the attributes of this type are inherited through more than %d complex types, more than sogen follows", maxDepth)
	}
	var uses []*parser.Attribute
	anyAttr := false
	if bt := b.set.ComplexTypes[ct.Base]; bt != nil && (ct.Derivation == parser.Restricted || ct.Content == parser.SimpleContent) {
		var err error
		if uses, anyAttr, err = b.attrUses(bt, depth+1); err != nil {
			return nil, false, err
		}
		if ct.Derivation == parser.Restricted {
			anyAttr = false // a restriction keeps the wildcard only if it restates it
		}
	}
	var own []*parser.Attribute
	ownAny := ct.AnyAttribute
	if err := b.expandAttrs(ct.Attributes, &own, &ownAny, 0); err != nil {
		return nil, false, err
	}
	for _, a := range own {
		n := b.attrName(a)
		replaced := false
		for i, u := range uses {
			if u != nil && b.attrName(u) == n {
				uses[i], replaced = a, true
			}
		}
		if !replaced {
			uses = append(uses, a)
		}
	}
	out := uses[:0]
	for _, u := range uses {
		if u.Use != "prohibited" {
			out = append(out, u)
		}
	}
	return out, anyAttr || ownAny, nil
}

// expandAttrs appends attrs to out with attribute group references replaced by their attributes.
func (b *builder) expandAttrs(attrs []*parser.Attribute, out *[]*parser.Attribute, anyAttr *bool, depth int) error {
	for _, a := range attrs {
		if a.GroupRef == (xml.Name{}) {
			*out = append(*out, a)
			continue
		}
		g := b.set.AttributeGroups[a.GroupRef]
		if depth > maxDepth {
			return errorf(a.Pos, "attribute group {%s}%s nests attribute groups more than %d deep, more than sogen follows", a.GroupRef.Space, a.GroupRef.Local, maxDepth)
		}
		*anyAttr = *anyAttr || g.AnyAttribute
		if err := b.expandAttrs(g.Attributes, out, anyAttr, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// attrName is the name on the wire of an attribute use.
func (b *builder) attrName(a *parser.Attribute) xml.Name {
	if a.Ref != (xml.Name{}) {
		return a.Ref
	}
	return a.Name
}

// attrField builds the field of an attribute use.
func (b *builder) attrField(w *structWork, u *parser.Attribute) (*Attr, error) {
	decl := u
	if u.Ref != (xml.Name{}) {
		decl = b.set.Attributes[u.Ref]
	}
	name := b.attrName(u)
	a := &Attr{GoName: w.scope.Claim(Exported(name.Local), "Attr"), Name: b.qname(name), Fixed: u.Fixed}
	def := u.Default
	typ := "xs:anySimpleType"
	var gt *GoType
	var c *Codec
	switch {
	case decl == nil: // xml:lang and the other attributes of the xml namespace
		gt, c, typ = &GoType{Kind: Basic, Name: "string"}, builtinTypes["string"].codecRef(), "xs:string"
	case decl.Simple != nil:
		r, err := b.anonSimple(decl.Simple, w.t.GoName+Exported(name.Local))
		if err != nil {
			return nil, err
		}
		gt, c, typ = r.goType, r.codec, "an anonymous type"
	case decl.Type != (xml.Name{}):
		var v *Value
		var err error
		if gt, v, err = b.typeValue(decl.Type, decl.Pos); err != nil {
			return nil, err
		}
		if v.Kind != SimpleValue || parser.IsBuiltin(decl.Type) && decl.Type.Local == "anyType" {
			return nil, errorf(decl.Pos, "attribute %s has type {%s}%s, which is not a simple type", name.Local, decl.Type.Space, decl.Type.Local)
		}
		c = v.Codec
		typ = decl.Type.Local
		if decl.Type.Space == parser.NSXSD {
			typ = "xs:" + typ
		}
	default:
		bi := builtinTypes["anySimpleType"]
		gt, c = bi.goType(), bi.codecRef()
	}
	if decl != nil && decl != u {
		if a.Fixed == nil {
			a.Fixed = decl.Fixed
		}
		if def == nil {
			def = decl.Default
		}
	}
	a.Codec = c
	a.Type = gt
	var notes []string
	if u.Use == "required" {
		notes = append(notes, "required")
	} else {
		a.Ref = true
		a.Type = &GoType{Kind: Pointer, Elem: gt}
		notes = append(notes, "optional: nil leaves it out")
	}
	if def != nil {
		notes = append(notes, fmt.Sprintf("the schema's default is %q, which the receiver assumes when it is left out", *def))
	}
	if a.Fixed != nil {
		notes = append(notes, fmt.Sprintf("fixed to %q: another value is an encoding error", *a.Fixed))
		if u.Use == "required" {
			notes = append(notes, "the zero value sends the fixed one")
		}
	}
	ns := "in no namespace"
	if name.Space != "" {
		ns = "in namespace " + name.Space
	}
	a.Doc = fmt.Sprintf("%s is the attribute %s, %s (%s; %s).", a.GoName, name.Local, ns, typ, strings.Join(notes, "; "))
	return a, nil
}
