package model

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// builtin is the Go mapping of an XML Schema built-in type.
type builtin struct {
	kind  GoKind // Basic, Runtime, XMLName or Slice (of byte)
	name  string // the Go type name (for Basic and Runtime)
	codec string // the runtime codec variable
}

func (bi builtin) goType() *GoType {
	if bi.kind == Slice {
		return &GoType{Kind: Slice, Elem: &GoType{Kind: Basic, Name: "byte"}}
	}
	return &GoType{Kind: bi.kind, Name: bi.name}
}

func (bi builtin) codecRef() *Codec {
	return &Codec{Runtime: true, Name: bi.codec, bytes: bi.kind == Slice}
}

// builtinTypes maps every XML Schema built-in type but xs:anyType to its Go type and codec. The
// unbounded integer types map to int64 and uint64; a value out of range is a decoding error.
var builtinTypes = map[string]builtin{
	"string":             {Basic, "string", "XSString"},
	"normalizedString":   {Basic, "string", "XSNormalizedString"},
	"token":              {Basic, "string", "XSToken"},
	"language":           {Basic, "string", "XSLanguage"},
	"Name":               {Basic, "string", "XSName"},
	"NCName":             {Basic, "string", "XSNCName"},
	"ID":                 {Basic, "string", "XSID"},
	"IDREF":              {Basic, "string", "XSIDREF"},
	"IDREFS":             {Basic, "string", "XSIDREFS"},
	"ENTITY":             {Basic, "string", "XSENTITY"},
	"ENTITIES":           {Basic, "string", "XSENTITIES"},
	"NMTOKEN":            {Basic, "string", "XSNMTOKEN"},
	"NMTOKENS":           {Basic, "string", "XSNMTOKENS"},
	"anyURI":             {Basic, "string", "XSAnyURI"},
	"NOTATION":           {Basic, "string", "XSNOTATION"},
	"anySimpleType":      {Basic, "string", "XSAnySimpleType"},
	"gYearMonth":         {Basic, "string", "XSGYearMonth"},
	"gYear":              {Basic, "string", "XSGYear"},
	"gMonthDay":          {Basic, "string", "XSGMonthDay"},
	"gDay":               {Basic, "string", "XSGDay"},
	"gMonth":             {Basic, "string", "XSGMonth"},
	"boolean":            {Basic, "bool", "XSBoolean"},
	"byte":               {Basic, "int8", "XSByte"},
	"short":              {Basic, "int16", "XSShort"},
	"int":                {Basic, "int32", "XSInt"},
	"long":               {Basic, "int64", "XSLong"},
	"integer":            {Basic, "int64", "XSInteger"},
	"nonPositiveInteger": {Basic, "int64", "XSNonPositiveInteger"},
	"negativeInteger":    {Basic, "int64", "XSNegativeInteger"},
	"unsignedByte":       {Basic, "uint8", "XSUnsignedByte"},
	"unsignedShort":      {Basic, "uint16", "XSUnsignedShort"},
	"unsignedInt":        {Basic, "uint32", "XSUnsignedInt"},
	"unsignedLong":       {Basic, "uint64", "XSUnsignedLong"},
	"nonNegativeInteger": {Basic, "uint64", "XSNonNegativeInteger"},
	"positiveInteger":    {Basic, "uint64", "XSPositiveInteger"},
	"float":              {Basic, "float32", "XSFloat"},
	"double":             {Basic, "float64", "XSDouble"},
	"decimal":            {Runtime, "Decimal", "XSDecimal"},
	"dateTime":           {Runtime, "DateTime", "XSDateTime"},
	"date":               {Runtime, "Date", "XSDate"},
	"time":               {Runtime, "TimeOfDay", "XSTime"},
	"duration":           {Runtime, "Duration", "XSDuration"},
	"hexBinary":          {Slice, "", "XSHexBinary"},
	"base64Binary":       {Slice, "", "XSBase64Binary"},
	"QName":              {XMLName, "", "XSQName"},
}

// codecCtors names the runtime function building the codec of a named type over a Go type.
var codecCtors = map[string]string{
	"string": "StringType", "bool": "BoolType",
	"int8": "Int8Type", "int16": "Int16Type", "int32": "Int32Type", "int64": "Int64Type",
	"uint8": "Uint8Type", "uint16": "Uint16Type", "uint32": "Uint32Type", "uint64": "Uint64Type",
	"float32": "Float32Type", "float64": "Float64Type", "[]byte": "BytesType",
}

// simpleRes is a resolved simple type: its Go type and codec, and the generated type if any.
type simpleRes struct {
	goType *GoType
	codec  *Codec
	typ    *Type
	// root is the built-in the type restricts ("" for lists and unions).
	root string
}

// simple resolves the named simple type n, creating its Go type the first time.
func (b *builder) simple(n xml.Name) (*simpleRes, error) {
	if r := b.simples[n]; r != nil {
		return r, nil
	}
	st := b.set.SimpleTypes[n]
	r, err := b.resolveSimple(st, Exported(n.Local), b.qname(n))
	if err != nil {
		return nil, err
	}
	b.simples[n] = r
	return r, nil
}

// anonSimple resolves an anonymous simple type, naming its Go type goName when it needs one.
func (b *builder) anonSimple(st *parser.SimpleType, goName string) (*simpleRes, error) {
	return b.resolveSimple(st, goName, QName{})
}

// root returns the built-in type a restriction chain ends in, or "" when it ends in a list or union.
func (b *builder) root(st *parser.SimpleType) string {
	for depth := 0; st != nil && depth < maxDepth; depth++ {
		r := st.Restriction
		if r == nil {
			return ""
		}
		switch {
		case r.BaseType != nil:
			st = r.BaseType
		case parser.IsBuiltin(r.Base):
			return r.Base.Local
		default:
			st = b.set.SimpleTypes[r.Base]
		}
	}
	return ""
}

func (b *builder) resolveSimple(st *parser.SimpleType, goName string, qn QName) (*simpleRes, error) {
	switch {
	case st.List != nil:
		return b.listType(st, goName, qn)
	case st.Union != nil:
		return b.scalar(st, goName, qn, "string", "XSString", "a union of simple types, kept as its text")
	}
	root := b.root(st)
	if root == "" {
		return b.scalar(st, goName, qn, "string", "XSString", "a restriction of a list or union, kept as its text")
	}
	if root == "anyType" {
		return nil, errorf(st.Pos, "a simple type cannot restrict xs:anyType")
	}
	bi := builtinTypes[root]
	if len(st.Restriction.Enums) > 0 && bi.kind == Basic && bi.name == "string" {
		t := b.enumType(st, goName, qn, bi.codec, false)
		b.enumValues(t, st, t.GoName, false)
		return &simpleRes{goType: &GoType{Kind: Named, Type: t}, codec: t.Codec, typ: t, root: root}, nil
	}
	if bi.kind == Basic || bi.kind == Slice {
		goTypeName := bi.name
		if bi.kind == Slice {
			goTypeName = "[]byte"
		}
		r, err := b.scalar(st, goName, qn, goTypeName, bi.codec, "a restriction of xs:"+root)
		if r != nil {
			r.root = root
		}
		return r, err
	}
	// A restriction of a type whose Go value is a runtime type (DateTime, Duration, ...) or xml.Name
	// keeps that Go type: the facets narrow the values, not their representation.
	return &simpleRes{goType: bi.goType(), codec: bi.codecRef(), root: root}, nil
}

// scalar makes a named type over a predeclared Go type (or []byte).
func (b *builder) scalar(st *parser.SimpleType, goName string, qn QName, under, baseCodec, what string) (*simpleRes, error) {
	t := &Type{Kind: Scalar, GoName: b.scope.Claim(goName, "Type"), QName: qn, Registered: false}
	if under == "[]byte" {
		t.Underlying = &GoType{Kind: Slice, Elem: &GoType{Kind: Basic, Name: "byte"}}
	} else {
		t.Underlying = &GoType{Kind: Basic, Name: under}
	}
	t.Codec = &Codec{Name: b.scope.Claim(Unexported("codec" + t.GoName)), Ctor: codecCtors[under], BaseCodec: baseCodec, Type: qn,
		bytes: under == "[]byte", emptyUnset: under == "string" && excludesEmpty(st)}
	t.Doc = simpleDoc(t, qn, what, st)
	b.pkg.Types = append(b.pkg.Types, t)
	return &simpleRes{goType: &GoType{Kind: Named, Type: t}, codec: t.Codec, typ: t}, nil
}

// excludesEmpty reports whether the facets of a string restriction rule out the empty string: a
// length or minimum length of at least one, or a pattern that does not match it. A pattern Go's
// regexp package cannot compile (XML Schema's \i, \c, character class subtraction) is assumed to
// allow it.
func excludesEmpty(st *parser.SimpleType) bool {
	for r := st.Restriction; r != nil; r = nil {
		for _, f := range r.Facets {
			switch f.Kind {
			case "length", "minLength":
				if n, err := strconv.Atoi(strings.TrimSpace(f.Value)); err == nil && n > 0 {
					return true
				}
			case "pattern":
				if re, err := regexp.Compile(`^(?:` + f.Value + `)$`); err == nil && !re.MatchString("") {
					return true
				}
			}
		}
	}
	return false
}

func simpleDoc(t *Type, qn QName, what string, st *parser.SimpleType) string {
	var d string
	if qn.IsZero() {
		d = fmt.Sprintf("%s is an anonymous simple type: %s.", t.GoName, what)
	} else {
		d = fmt.Sprintf("%s is the simple type %s: %s.", t.GoName, qstring(qn), what)
	}
	if r := st.Restriction; r != nil && len(r.Facets) > 0 {
		var fs []string
		for _, f := range r.Facets {
			fs = append(fs, fmt.Sprintf("%s %q", f.Kind, f.Value))
		}
		d += " The schema restricts it with " + strings.Join(fs, ", ") + "; sogen does not check these facets."
	}
	if st.ActualType != (xml.Name{}) {
		d += fmt.Sprintf(" WCF declares its CLR type as %s.", st.ActualType.Local)
	}
	return joinDoc(d, st.Doc)
}

// enumType makes an enumeration type; flagsItem is true for the values of a WCF flags list, which
// WCF numbers 1, 2, 4, ... unless annotated.
func (b *builder) enumType(st *parser.SimpleType, goName string, qn QName, baseCodec string, flagsItem bool) *Type {
	t := &Type{Kind: Enum, GoName: b.scope.Claim(goName, "Type"), QName: qn}
	t.Underlying = &GoType{Kind: Basic, Name: "string"}
	t.Codec = &Codec{Name: b.scope.Claim(Unexported("codec" + t.GoName)), Ctor: "StringType", BaseCodec: baseCodec, Type: qn, emptyUnset: true}
	annotated := st.ActualType != (xml.Name{})
	for _, e := range st.Restriction.Enums {
		if e.Number != nil {
			annotated = true
		}
	}
	t.Numbers = b.wcf || annotated
	what := "an enumeration"
	if flagsItem {
		what = "the values of a list of flags"
	}
	t.Doc = simpleDoc(t, qn, what, st)
	b.pkg.Types = append(b.pkg.Types, t)
	return t
}

// enumValues names the constants of an enumeration, prefixed with prefix.
func (b *builder) enumValues(t *Type, st *parser.SimpleType, prefix string, flagsItem bool) {
	seen := map[string]bool{}
	for i, e := range st.Restriction.Enums {
		if seen[e.Value] {
			continue // a value listed twice is one value
		}
		seen[e.Value] = true
		base := prefix + "Empty"
		if len(Words(e.Value)) > 0 {
			base = Exported(prefix + "_" + e.Value)
		}
		v := &EnumValue{GoName: b.scope.Claim(base, "Value"), Value: e.Value, Doc: e.Doc}
		switch {
		case e.Number != nil:
			v.Number = *e.Number
		case flagsItem:
			v.Number = 1 << i
		default:
			v.Number = int64(i)
		}
		t.Values = append(t.Values, v)
	}
}

// listType maps xs:list: a list of enumeration values becomes a Flags type over its item
// enumeration; any other list is kept as text.
func (b *builder) listType(st *parser.SimpleType, goName string, qn QName) (*simpleRes, error) {
	var item *Type
	var itemSt *parser.SimpleType
	switch l := st.List; {
	case l.Item != nil:
		if l.Item.Restriction != nil && len(l.Item.Restriction.Enums) > 0 {
			if root := b.root(l.Item); root != "" && builtinTypes[root].kind == Basic && builtinTypes[root].name == "string" {
				itemSt = l.Item
			}
		}
	case !parser.IsBuiltin(l.ItemType):
		r, err := b.simple(l.ItemType)
		if err != nil {
			return nil, err
		}
		if r.typ != nil && r.typ.Kind == Enum {
			item = r.typ
		}
	}
	if item == nil && itemSt == nil {
		return b.valueList(st, goName, qn)
	}
	t := &Type{Kind: Flags, GoName: b.scope.Claim(goName, "Type"), QName: qn}
	t.Underlying = &GoType{Kind: Basic, Name: "string"}
	t.Codec = &Codec{Name: b.scope.Claim(Unexported("codec" + t.GoName)), Ctor: "StringType", BaseCodec: "XSString", Type: qn}
	if item == nil {
		item = b.enumType(itemSt, t.GoName+"Flag", QName{}, builtinTypes[b.root(itemSt)].codec, true)
		b.enumValues(item, itemSt, t.GoName, true)
		item.Doc = joinDoc(fmt.Sprintf("%s is one flag of %s, a value its list may hold.", item.GoName, t.GoName), itemSt.Doc)
		if item.Numbers {
			item.Doc += " WCF numbers the flags 1, 2, 4, ... in declaration order unless the schema gives a number (EnumerationValue)."
		}
	}
	t.Item, item.ItemOf = item, t
	t.Doc = simpleDoc(t, qn, fmt.Sprintf("a list of %s values (flags), kept as the text received so that it is sent back unchanged", item.GoName), st)
	b.pkg.Types = append(b.pkg.Types, t)
	return &simpleRes{goType: &GoType{Kind: Named, Type: t}, codec: t.Codec, typ: t}, nil
}

// valueList maps an xs:list whose items are not enumeration values: a named slice type over the
// item's Go type, written as the items separated by spaces. A list of lists or unions is kept as text.
func (b *builder) valueList(st *parser.SimpleType, goName string, qn QName) (*simpleRes, error) {
	var item *simpleRes
	l := st.List
	switch {
	case l.Item != nil:
		r, err := b.anonSimple(l.Item, goName+"Item")
		if err != nil {
			return nil, err
		}
		item = r
	case parser.IsBuiltin(l.ItemType):
		if l.ItemType.Local == "anyType" {
			return nil, errorf(st.Pos, "a list of xs:anyType")
		}
		bi := builtinTypes[l.ItemType.Local]
		item = &simpleRes{goType: bi.goType(), codec: bi.codecRef(), root: l.ItemType.Local}
	default:
		r, err := b.simple(l.ItemType)
		if err != nil {
			return nil, err
		}
		item = r
	}
	if item.root == "" { // a list of lists or of unions
		return b.scalar(st, goName, qn, "string", "XSString", "a list of values separated by spaces, kept as its text")
	}
	t := &Type{Kind: Scalar, GoName: b.scope.Claim(goName, "Type"), QName: qn}
	t.Underlying = &GoType{Kind: Slice, Elem: item.goType}
	t.Codec = &Codec{Name: b.scope.Claim(Unexported("codec" + t.GoName)), Ctor: "ListType", Item: item.codec, Type: qn, bytes: true}
	t.Doc = simpleDoc(t, qn, fmt.Sprintf("a list of %s values, written separated by spaces; nil is no value and an empty non-nil slice the empty list", item.goType), st)
	b.pkg.Types = append(b.pkg.Types, t)
	return &simpleRes{goType: &GoType{Kind: Named, Type: t}, codec: t.Codec, typ: t}, nil
}
