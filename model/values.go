package model

import (
	"encoding/xml"
	"fmt"

	"github.com/sogen-go/sogen/parser"
)

// elementValue returns the Go type and encoding of one value of element e; anonName names an
// anonymous type declared inside e.
func (b *builder) elementValue(e *parser.Element, anonName string) (*GoType, *Value, error) {
	switch {
	case e.Complex != nil && e.Complex.EncArray != (xml.Name{}):
		// an array of arrays: its items are of an anonymous SOAP-ENC array type
		a := b.anonArrays[e.Complex]
		if a == nil {
			a = &Array{}
			b.anonArrays[e.Complex] = a
			if err := b.fillArray(e.Complex, a, anonName); err != nil {
				return nil, nil, err
			}
		}
		return a.GoType(), &Value{Kind: ArrayValue, Array: a}, nil
	case e.Complex != nil:
		t := b.structs[e.Complex]
		if t == nil {
			t = &Type{Kind: Struct, GoName: b.scope.Claim(anonName, "Type")}
			b.structs[e.Complex] = t
			b.structList = append(b.structList, &structWork{t: t, ct: e.Complex})
		}
		return &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: t}}, &Value{Kind: StructValue, Type: t}, nil
	case e.Simple != nil:
		r, err := b.anonSimple(e.Simple, anonName)
		if err != nil {
			return nil, nil, err
		}
		return r.goType, &Value{Kind: SimpleValue, Codec: r.codec}, nil
	case e.Type == (xml.Name{}):
		return &GoType{Kind: Any}, &Value{Kind: AnyValue}, nil
	}
	return b.typeValue(e.Type, e.Pos)
}

// typeValue returns the Go type and encoding of a value of the named type n.
func (b *builder) typeValue(n xml.Name, pos parser.Pos) (*GoType, *Value, error) {
	if parser.IsBuiltin(n) {
		if n.Local == "anyType" {
			return &GoType{Kind: Any}, &Value{Kind: AnyValue}, nil
		}
		bi := builtinTypes[n.Local]
		return bi.goType(), &Value{Kind: SimpleValue, Codec: bi.codecRef()}, nil
	}
	if _, ok := b.set.SimpleTypes[n]; ok {
		r, err := b.simple(n)
		if err != nil {
			return nil, nil, err
		}
		return r.goType, &Value{Kind: SimpleValue, Codec: r.codec}, nil
	}
	if a := b.arrays[n]; a != nil {
		if err := b.buildArray(n, a); err != nil {
			return nil, nil, err
		}
		return a.GoType(), &Value{Kind: ArrayValue, Array: a}, nil
	}
	if d := b.dicts[n]; d != nil {
		if err := b.buildDict(n, d); err != nil {
			return nil, nil, err
		}
		return &GoType{Kind: Map, Key: d.Key.Type, Elem: d.Value.Type}, &Value{Kind: DictValue, Dict: d}, nil
	}
	t := b.named[n]
	if t == nil {
		return nil, nil, errorf(pos, "type {%s}%s is not defined", n.Space, n.Local)
	}
	if t.Poly != nil {
		return &GoType{Kind: Interface, Type: t}, &Value{Kind: PolyValue, Type: t}, nil
	}
	return &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: t}}, &Value{Kind: StructValue, Type: t}, nil
}

// item builds the description of an array item or dictionary key/value element; key is true for a
// dictionary key, which is never held by pointer.
func (b *builder) item(e *parser.Element, anonName string, key bool) (*Item, error) {
	e = b.element(e)
	gt, v, err := b.elementValue(e, anonName)
	if err != nil {
		return nil, err
	}
	if !key {
		gt, v = refItem(e.Nillable, gt, v)
	}
	return &Item{Elem: b.qname(e.Name), Nillable: e.Nillable, ZeroUnset: v.reference() || v.Ref, Type: gt, Value: v}, nil
}

func (b *builder) buildArray(n xml.Name, a *Array) error {
	if a.Item != nil || a.Var == "-" {
		if a.Var == "-" {
			return errorf(b.set.ComplexTypes[n].Pos, "array type {%s}%s contains itself", n.Space, n.Local)
		}
		return nil
	}
	a.Var = "-"
	return b.fillArray(b.set.ComplexTypes[n], a, Exported(n.Local))
}

// fillArray describes the array type ct in a, and declares its variable, named after name.
func (b *builder) fillArray(ct *parser.ComplexType, a *Array, name string) error {
	it, err := b.item(parser.ArrayItem(ct).Element, name+"Item", false)
	if err != nil {
		return err
	}
	a.Item = it
	if ct.EncArray != (xml.Name{}) {
		a.EncItem, a.EncItemRanks = b.qname(ct.EncArray), ct.EncItemRanks
	}
	a.Rank = 1
	if ct.EncRank == 2 {
		a.Rank = 2
	}
	a.Var = b.scope.Claim(Unexported(name))
	b.pkg.Arrays = append(b.pkg.Arrays, a)
	return nil
}

func (b *builder) buildDict(n xml.Name, d *Dict) error {
	if d.Key != nil || d.Var == "-" {
		if d.Var == "-" {
			return errorf(b.set.ComplexTypes[n].Pos, "dictionary type {%s}%s contains itself", n.Space, n.Local)
		}
		return nil
	}
	d.Var = "-"
	ct := b.set.ComplexTypes[n]
	shape := parser.DictEntry(ct)
	d.Pair = b.qname(shape[0].Name)
	var err error
	if d.Key, err = b.item(shape[1], Exported(n.Local)+"Key", true); err != nil {
		return err
	}
	if d.Value, err = b.item(shape[2], Exported(n.Local)+"Value", false); err != nil {
		return err
	}
	if d.Compare, err = compareFor(d.Key.Type); err != nil {
		return errorf(ct.Pos, "dictionary key: %v", err)
	}
	d.Var = b.scope.Claim(Unexported("dict" + Exported(n.Local)))
	b.pkg.Dicts = append(b.pkg.Dicts, d)
	return nil
}

// compareFor returns the function ordering keys of Go type k.
func compareFor(k *GoType) (*Compare, error) {
	under := k
	if k.Kind == Named {
		under = k.Type.Underlying
	}
	switch {
	case under != nil && under.Kind == Basic && under.Name == "string" && k.Kind == Basic:
		return &Compare{Pkg: "strings", Name: "Compare"}, nil
	case under != nil && under.Kind == Basic && under.Name != "bool":
		return &Compare{Pkg: "cmp", Name: "Compare", TypeArg: k}, nil
	case k.Kind == Runtime:
		switch k.Name {
		case "DateTime", "Date", "TimeOfDay", "Duration", "Decimal":
			return &Compare{Runtime: k.Name}, nil
		}
	}
	return nil, fmt.Errorf("a key of Go type %s cannot be ordered", k)
}

func (g *GoType) String() string {
	switch g.Kind {
	case Basic:
		return g.Name
	case Runtime:
		return "soap." + g.Name
	case XMLName:
		return "xml.Name"
	case Named:
		return g.Type.GoName
	case Pointer:
		return "*" + g.Elem.String()
	case Slice:
		return "[]" + g.Elem.String()
	case Map:
		return "map[" + g.Key.String() + "]" + g.Elem.String()
	case Any:
		return "any"
	case Interface:
		return g.Type.Poly.Interface
	}
	return "?"
}
