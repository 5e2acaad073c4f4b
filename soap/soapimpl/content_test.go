package soapimpl

import (
	"encoding/xml"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// encodeOne writes an element <x> with write filling its attributes and content.
func encodeOne(write func(e *Encoder)) (string, error) {
	e := NewEncoder(nil)
	e.StartElement(xml.Name{Local: "x"}, xml.Name{})
	write(e)
	e.EndElement()
	return string(e.Bytes()), e.Err()
}

// decodeOne positions a Decoder just after the start tag of doc's root element.
func decodeOne(t *testing.T, doc string) *Decoder {
	t.Helper()
	d := NewDecoder([]byte(doc), nil)
	if err := d.Root(); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestListType(t *testing.T) {
	type sizes []int32
	c := cvc[sizes](ListType[sizes](&XSInt, xml.Name{Space: "urn:t", Local: "Sizes"}))
	for _, tc := range []struct {
		v    sizes
		text string
	}{
		{sizes{1, -2, 30}, "1 -2 30"},
		{sizes{}, ""},
		{sizes{0}, "0"},
	} {
		if got := c.Format(nil, tc.v); got != tc.text {
			t.Errorf("Format(%v) = %q, want %q", tc.v, got, tc.text)
		}
	}
	got, err := c.Parse(nil, "\t1\n  -2   30 ")
	if err != nil || !gocmp.Equal(got, sizes{1, -2, 30}) {
		t.Errorf("Parse = %v, %v; want [1 -2 30]", got, err)
	}
	if got, err := c.Parse(nil, "  "); err != nil || got == nil || len(got) != 0 {
		t.Errorf("Parse of white space = %#v, %v; want an empty non-nil list", got, err)
	}
	if _, err := c.Parse(nil, "1 x"); err == nil {
		t.Error("Parse of a bad item succeeded")
	}
	if !c.IsZero(nil) || c.IsZero(sizes{}) {
		t.Error("IsZero: nil must be unset and an empty list set")
	}
}

func TestAttrFixed(t *testing.T) {
	fixed := &attrInfo{name: NewName("", "v"), goName: "V", fixed: "2.0", hasFixed: true}
	for _, tc := range []struct {
		name string
		v    soap.Decimal
		want string
		err  bool
	}{
		{"zero sends the fixed value", soap.Decimal{}, `<x v="2.0"/>`, false},
		{"the fixed text", wireDecimal("2.0"), `<x v="2.0"/>`, false},
		{"another value", wireDecimal("3"), "", true},
	} {
		got, err := encodeOne(func(e *Encoder) { XSDecimal.c.attr(e, fixed, &tc.v) })
		if tc.err != (err != nil) || !tc.err && got != tc.want {
			t.Errorf("%s: %q, %v", tc.name, got, err)
		}
	}
	i := &attrInfo{name: NewName("", "n"), goName: "N", fixed: "1", hasFixed: true, ref: true}
	var none *int32
	if got, err := encodeOne(func(e *Encoder) { XSInt.c.attr(e, i, &none) }); err != nil || got != `<x/>` {
		t.Errorf("nil optional fixed attribute: %q, %v", got, err)
	}
	two := int32(2)
	p := &two
	if _, err := encodeOne(func(e *Encoder) { XSInt.c.attr(e, i, &p) }); err == nil || !strings.Contains(err.Error(), `fixed to "1"`) {
		t.Errorf("another value of an optional fixed attribute: %v", err)
	}
}

// choiceT has a choice between A, B+C and D (repeated).
type choiceT struct {
	A, B, C  *string
	D        []string
	Presence soap.Presence
}

var tableChoiceT = NewType(&Struct{
	Go: "T", Zero: (*choiceT)(nil),
	New: func() any { return new(choiceT) },
	Ptrs: func(v any, p []any) {
		x := v.(*choiceT)
		p[0], p[1], p[2], p[3], p[4] = &x.A, &x.B, &x.C, &x.D, &x.Presence
	},
	Fields: []Field{
		{Local: "a", GoName: "A", Flags: Optional | ZeroUnset | Ref, Codec: &XSString},
		{Local: "b", GoName: "B", Flags: Optional | ZeroUnset | Ref, Codec: &XSString},
		{Local: "c", GoName: "C", Flags: Optional | ZeroUnset | Ref, Codec: &XSString},
		{Local: "d", GoName: "D", Flags: Repeated, Codec: &XSString},
	},
	Choices:  []Choice{{Required: true, Branches: [][]int{{0}, {1, 2}, {3}}}},
	Presence: true,
})

func (*choiceT) SOAPType() *Type { return tableChoiceT }

func TestChoiceCheck(t *testing.T) {
	s := func(v string) *string { return &v }
	check := func(v *choiceT) error {
		e := NewEncoder(nil)
		Encode(e, xml.Name{Local: "t"}, v)
		return e.Err()
	}
	if err := check(&choiceT{A: s("a")}); err != nil {
		t.Errorf("one branch: %v", err)
	}
	if err := check(&choiceT{B: s("b"), C: s("c")}); err != nil {
		t.Errorf("one branch of two fields: %v", err)
	}
	if err := check(&choiceT{A: s("a"), D: []string{"d"}}); err == nil || !strings.Contains(err.Error(), "A and D are set") {
		t.Errorf("two branches: %v", err)
	}
	if err := check(&choiceT{}); err == nil || !strings.Contains(err.Error(), "requires one") {
		t.Errorf("no branch: %v", err)
	}
	v := &choiceT{A: s("a")}
	v.Presence.SetNil("B")
	if err := check(v); err == nil || !strings.Contains(err.Error(), "A and B+C are set") {
		t.Errorf("a branch sent as xsi:nil counts: %v", err)
	}
}

func TestNodesRoundTrip(t *testing.T) {
	d := decodeOne(t, `<x xmlns:p="urn:p">a<p:b k="v">in</p:b> &amp; c<p:e/></x>`)
	var nodes []soap.Node
	if err := decodeNodes(d, &nodes); err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 4 || nodes[0].Text != "a" || nodes[2].Text != " & c" || nodes[1].Element.Name != (xml.Name{Space: "urn:p", Local: "b"}) {
		t.Fatalf("nodes = %+v", nodes)
	}
	got, err := encodeOne(func(e *Encoder) { encodeNodes(e, nodes) })
	if err != nil {
		t.Fatal(err)
	}
	want := `<x>a<ns1:b xmlns:ns1="urn:p" k="v">in</ns1:b> &amp; c<ns1:e xmlns:ns1="urn:p"/></x>`
	if got != want {
		t.Errorf("re-encoded:\n got %s\nwant %s", got, want)
	}
}

func TestDecodeText(t *testing.T) {
	d := decodeOne(t, `<x>12.5</x>`)
	var v float64
	if err := XSDouble.c.textDec(d, &v); err != nil || v != 12.5 {
		t.Errorf("DecodeText = %v, %v", v, err)
	}
	d = decodeOne(t, `<x>1<y/></x>`)
	if err := XSDouble.c.textDec(d, &v); err == nil {
		t.Error("DecodeText of an element with a child succeeded")
	}
}
