package soap

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// Attribute describes an attribute of a generated type: its name on the wire, its Go field and its
// constraints. Generated code declares one per attribute, once.
type Attribute struct {
	// Name is the attribute's name on the wire. Space is empty for an unqualified attribute (the
	// XML Schema default: a local attribute is in no namespace unless its form is qualified).
	Name xml.Name
	// GoName is the Go field's name, used in errors.
	GoName string
	// Fixed is the value the schema fixes (xs:attribute fixed="..."), when HasFixed is true. Encoding
	// another value is an error; a zero Go value is written as the fixed value.
	Fixed    string
	HasFixed bool
}

// EncodeAttr writes the attribute a, held by a plain Go value (a required attribute), on the element
// just started.
func (c Codec[T]) EncodeAttr(e *Encoder, a *Attribute, v T) {
	s := c.Format(e, v)
	if a.HasFixed {
		switch {
		case c.IsZero(v):
			s = a.Fixed
		case !c.sameText(e, s, a.Fixed):
			e.SetError(fmt.Errorf("soap: attribute %s (%s) is fixed to %q, not %q", a.Name.Local, a.GoName, a.Fixed, s))
			return
		}
	}
	e.Attr(a.Name, s)
}

// EncodeAttrRef writes the attribute a, held by pointer (an optional attribute): nil leaves it out.
func (c Codec[T]) EncodeAttrRef(e *Encoder, a *Attribute, v *T) {
	if v == nil {
		return
	}
	s := c.Format(e, *v)
	if a.HasFixed && !c.sameText(e, s, a.Fixed) {
		e.SetError(fmt.Errorf("soap: attribute %s (%s) is fixed to %q, not %q", a.Name.Local, a.GoName, a.Fixed, s))
		return
	}
	e.Attr(a.Name, s)
}

// sameText reports whether the lexical forms s and fixed denote the same value ("1.0" and "1" do for
// an xs:decimal): fixed is parsed and formatted again when the texts differ.
func (c Codec[T]) sameText(e *Encoder, s, fixed string) bool {
	if s == fixed {
		return true
	}
	if c.Type == xsd("QName") {
		return false // a QName's text depends on prefixes in scope
	}
	v, err := c.Parse(nil, fixed)
	return err == nil && c.Format(e, v) == s
}

// DecodeAttr reads the value s of the attribute a into *dst.
func (c Codec[T]) DecodeAttr(d *Decoder, a *Attribute, s string, dst *T) error {
	v, err := c.Parse(d, s)
	if err != nil {
		return d.Errorf("attribute %s: %v", a.Name.Local, err)
	}
	*dst = v
	return nil
}

// DecodeAttrRef reads the value s of the attribute a into a new value stored in *dst.
func (c Codec[T]) DecodeAttrRef(d *Decoder, a *Attribute, s string, dst **T) error {
	v := new(T)
	if err := c.DecodeAttr(d, a, s, v); err != nil {
		return err
	}
	*dst = v
	return nil
}

// OtherAttr reports whether a, an attribute the generated type does not declare, belongs in the
// field of an xs:anyAttribute wildcard: namespace declarations and the xsi attributes (type, nil,
// schemaLocation), which the runtime handles itself, do not.
func OtherAttr(a xml.Attr) bool {
	switch {
	case a.Name.Space == "xmlns", a.Name.Space == "" && a.Name.Local == "xmlns", a.Name.Space == XSINamespace:
		return false
	}
	return true
}

// EncodeAttrs writes the attributes of an xs:anyAttribute wildcard on the element just started.
func EncodeAttrs(e *Encoder, attrs []xml.Attr) {
	for _, a := range attrs {
		e.Attr(a.Name, a.Value)
	}
}

// EncodeText writes v as the character data of the element being written (simple content).
func (c Codec[T]) EncodeText(e *Encoder, v T) {
	e.Text(c.Format(e, v))
}

// DecodeText reads the character data of the element being read, up to its end tag, into *dst.
func (c Codec[T]) DecodeText(d *Decoder, dst *T) error {
	s, err := d.Text()
	if err != nil {
		return err
	}
	v, err := c.Parse(d, s)
	if err != nil {
		return d.wrap(err)
	}
	*dst = v
	return nil
}

// EncodeNodes writes mixed content: text and elements in order, as they were received.
func EncodeNodes(e *Encoder, nodes []Node) {
	for _, n := range nodes {
		if n.Element != nil {
			n.Element.MarshalSOAP(e, Start{})
		} else {
			e.Text(n.Text)
		}
	}
}

// DecodeNodes reads the content of the element being read, up to its end tag, into *dst: text and
// child elements in document order, the elements kept as *Element.
func DecodeNodes(d *Decoder, dst *[]Node) error {
	out, err := readContent(d)
	if err != nil {
		return err
	}
	*dst = out
	return nil
}

// EncodeElements writes the elements an xs:any wildcard holds, unchanged.
func EncodeElements(e *Encoder, v []*Element) {
	for _, el := range v {
		if el == nil {
			e.SetError(fmt.Errorf("soap: a nil *Element in the elements of an xs:any wildcard"))
			continue
		}
		el.MarshalSOAP(e, Start{})
	}
}

// DecodeElement reads the element se, which an xs:any wildcard matched, and appends it to *dst.
func DecodeElement(d *Decoder, se xml.StartElement, dst *[]*Element) error {
	el := new(Element)
	if err := el.UnmarshalSOAP(d, se); err != nil {
		return err
	}
	*dst = append(*dst, el)
	return nil
}

// Choice describes an xs:choice of a generated type: which of the type's fields make up each branch.
// Generated MarshalSOAP methods call Check, so that two branches are never sent by accident.
type Choice struct {
	// Required is true when one branch must be sent (the choice is not optional).
	Required bool
	// Branches lists, per branch, the indexes of its fields among the type's field descriptors.
	Branches [][]int
}

// Check records an encoding error unless at most one branch (exactly one when the choice is
// required) would be sent. fields are the type's field descriptors, p its Presence, and zero tells,
// for each field of each branch in order, whether its Go value is unset (nil, or an empty slice).
func (c *Choice) Check(e *Encoder, typeName string, fields []Field, p *Presence, zero ...bool) {
	var names, set []string
	k := 0
	for _, br := range c.Branches {
		var parts []string
		sent := false
		for _, i := range br {
			f := &fields[i]
			parts = append(parts, f.GoName)
			z := k < len(zero) && zero[k]
			k++
			if f.Repeated {
				sent = sent || !z
			} else {
				sent = sent || f.state(p, z) != Absent
			}
		}
		name := strings.Join(parts, "+")
		names = append(names, name)
		if sent {
			set = append(set, name)
		}
	}
	switch {
	case len(set) > 1:
		e.SetError(fmt.Errorf("soap: %s: the choice between %s allows one, but %s are set", typeName, strings.Join(names, ", "), strings.Join(set, " and ")))
	case len(set) == 0 && c.Required:
		e.SetError(fmt.Errorf("soap: %s: the choice between %s requires one, but none is set", typeName, strings.Join(names, ", ")))
	}
}

// ListType returns the codec of an xs:list of a simple type: a Go slice whose values are written
// separated by single spaces. Decoding splits the text at white space; nil is unset, and a non-nil
// empty slice is the empty list.
func ListType[L ~[]T, T any](item Codec[T], typ xml.Name) Codec[L] {
	return Codec[L]{
		Type: typ,
		Format: func(e *Encoder, v L) string {
			var b strings.Builder
			for i, x := range v {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(item.Format(e, x))
			}
			return b.String()
		},
		Parse: func(d *Decoder, s string) (L, error) {
			out := L{}
			for _, w := range strings.Fields(s) {
				x, err := item.Parse(d, w)
				if err != nil {
					return nil, err
				}
				out = append(out, x)
			}
			return out, nil
		},
		IsZero: func(v L) bool { return v == nil },
	}
}

// EncodeItems writes the occurrences of a repeated xs:choice or xs:sequence: each the element of its
// chosen branch, or its elements in order.
func EncodeItems[M Marshaler](e *Encoder, v []M) {
	for _, it := range v {
		if isNilValue(it) {
			e.SetError(fmt.Errorf("soap: a nil occurrence of a repeated choice or sequence"))
			continue
		}
		it.MarshalSOAP(e, Start{})
	}
}

// DecodeItem reads se, an element of one branch of a repeated xs:choice, into a new occurrence
// appended to *dst.
func DecodeItem[T any, PT interface {
	*T
	Unmarshaler
}](d *Decoder, se xml.StartElement, dst *[]PT) error {
	v := PT(new(T))
	if err := v.UnmarshalSOAP(d, se); err != nil {
		return err
	}
	*dst = append(*dst, v)
	return nil
}

// DecodeOccurrence reads se, an element of the field numbered index of the occurrence type of a
// repeated xs:sequence, into *dst: into the last occurrence when se can continue it (its field comes
// after the field read last, *last, or is that field and repeats), else into a new occurrence appended
// to *dst. It records index in *last.
func DecodeOccurrence[T any, PT interface {
	*T
	Unmarshaler
}](d *Decoder, se xml.StartElement, dst *[]PT, last *int, index int, repeats bool) error {
	if len(*dst) == 0 || index < *last || index == *last && !repeats {
		*dst = append(*dst, PT(new(T)))
	}
	*last = index
	return (*dst)[len(*dst)-1].UnmarshalSOAP(d, se)
}
