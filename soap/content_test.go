package soap_test

import (
	"encoding/xml"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// encodeOne writes an element <x> with write filling its attributes and content.
func encodeOne(write func(e *soap.Encoder)) (string, error) {
	e := soap.NewEncoder(nil)
	e.StartElement(soap.Start{Name: xml.Name{Local: "x"}})
	write(e)
	e.EndElement()
	return string(e.Bytes()), e.Err()
}

// decodeOne positions a Decoder just after the start tag of doc's root element.
func decodeOne(t *testing.T, doc string) (*soap.Decoder, xml.StartElement) {
	t.Helper()
	d := soap.NewDecoder(strings.NewReader(doc))
	se, err := d.Root()
	if err != nil {
		t.Fatal(err)
	}
	return d, se
}

func TestListType(t *testing.T) {
	type sizes []int32
	c := soap.ListType[sizes](soap.XSInt, xml.Name{Space: "urn:t", Local: "Sizes"})
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
	fixed := &soap.Attribute{Name: xml.Name{Local: "v"}, GoName: "V", Fixed: "2.0", HasFixed: true}
	for _, tc := range []struct {
		name string
		v    soap.Decimal
		want string
		err  bool
	}{
		{"zero sends the fixed value", soap.Decimal{}, `<x v="2.0"/>`, false},
		{"the fixed text", soap.DecimalFromWire("2.0"), `<x v="2.0"/>`, false},
		{"another value", soap.DecimalFromWire("3"), "", true},
	} {
		got, err := encodeOne(func(e *soap.Encoder) { soap.XSDecimal.EncodeAttr(e, fixed, tc.v) })
		if tc.err != (err != nil) || !tc.err && got != tc.want {
			t.Errorf("%s: %q, %v", tc.name, got, err)
		}
	}
	i := &soap.Attribute{Name: xml.Name{Local: "n"}, GoName: "N", Fixed: "1", HasFixed: true}
	if got, err := encodeOne(func(e *soap.Encoder) { soap.XSInt.EncodeAttrRef(e, i, nil) }); err != nil || got != `<x/>` {
		t.Errorf("nil optional fixed attribute: %q, %v", got, err)
	}
	two := int32(2)
	if _, err := encodeOne(func(e *soap.Encoder) { soap.XSInt.EncodeAttrRef(e, i, &two) }); err == nil || !strings.Contains(err.Error(), `fixed to "1"`) {
		t.Errorf("another value of an optional fixed attribute: %v", err)
	}
}

func TestOtherAttr(t *testing.T) {
	for _, tc := range []struct {
		a    xml.Attr
		want bool
	}{
		{xml.Attr{Name: xml.Name{Space: "xmlns", Local: "p"}}, false},
		{xml.Attr{Name: xml.Name{Local: "xmlns"}}, false},
		{xml.Attr{Name: xml.Name{Space: soap.XSINamespace, Local: "type"}}, false},
		{xml.Attr{Name: xml.Name{Local: "id"}}, true},
		{xml.Attr{Name: xml.Name{Space: "urn:o", Local: "id"}}, true},
	} {
		if got := soap.OtherAttr(tc.a); got != tc.want {
			t.Errorf("OtherAttr(%v) = %v, want %v", tc.a.Name, got, tc.want)
		}
	}
}

func TestChoiceCheck(t *testing.T) {
	fields := []soap.Field{
		{GoName: "A", Optional: true, ZeroUnset: true},
		{GoName: "B", Optional: true, ZeroUnset: true},
		{GoName: "C", Optional: true, ZeroUnset: true},
		{GoName: "D", Repeated: true},
	}
	ch := &soap.Choice{Required: true, Branches: [][]int{{0}, {1, 2}, {3}}}
	check := func(p *soap.Presence, zero ...bool) error {
		e := soap.NewEncoder(nil)
		ch.Check(e, "T", fields, p, zero...)
		return e.Err()
	}
	if err := check(nil, false, true, true, true); err != nil {
		t.Errorf("one branch: %v", err)
	}
	if err := check(nil, true, false, false, true); err != nil {
		t.Errorf("one branch of two fields: %v", err)
	}
	if err := check(nil, false, true, true, false); err == nil || !strings.Contains(err.Error(), "A and D are set") {
		t.Errorf("two branches: %v", err)
	}
	if err := check(nil, true, true, true, true); err == nil || !strings.Contains(err.Error(), "requires one") {
		t.Errorf("no branch: %v", err)
	}
	var p soap.Presence
	p.SetNil("B")
	if err := check(&p, false, true, true, true); err == nil || !strings.Contains(err.Error(), "A and B+C are set") {
		t.Errorf("a branch sent as xsi:nil counts: %v", err)
	}
	opt := &soap.Choice{Branches: ch.Branches}
	e := soap.NewEncoder(nil)
	opt.Check(e, "T", fields, nil, true, true, true, true)
	if e.Err() != nil {
		t.Errorf("an optional choice with no branch: %v", e.Err())
	}
}

func TestNodesRoundTrip(t *testing.T) {
	doc := `<x xmlns:p="urn:p">a<p:b k="v">in</p:b> &amp; c<p:e/></x>`
	d, _ := decodeOne(t, doc)
	var nodes []soap.Node
	if err := soap.DecodeNodes(d, &nodes); err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 4 || nodes[0].Text != "a" || nodes[2].Text != " & c" || nodes[1].Element.Name != (xml.Name{Space: "urn:p", Local: "b"}) {
		t.Fatalf("nodes = %+v", nodes)
	}
	got, err := encodeOne(func(e *soap.Encoder) { soap.EncodeNodes(e, nodes) })
	if err != nil {
		t.Fatal(err)
	}
	want := `<x>a<ns1:b xmlns:ns1="urn:p" k="v">in</ns1:b> &amp; c<ns1:e xmlns:ns1="urn:p"/></x>`
	if got != want {
		t.Errorf("re-encoded:\n got %s\nwant %s", got, want)
	}
}

func TestDecodeText(t *testing.T) {
	d, _ := decodeOne(t, `<x>12.5</x>`)
	var v float64
	if err := soap.XSDouble.DecodeText(d, &v); err != nil || v != 12.5 {
		t.Errorf("DecodeText = %v, %v", v, err)
	}
	d, _ = decodeOne(t, `<x>1<y/></x>`)
	if err := soap.XSDouble.DecodeText(d, &v); err == nil {
		t.Error("DecodeText of an element with a child succeeded")
	}
}

// occ is one occurrence of a repeated sequence (a?, b*): it records the names of the elements it read.
type occ struct{ got []string }

func (o *occ) UnmarshalSOAP(d *soap.Decoder, se xml.StartElement) error {
	o.got = append(o.got, se.Name.Local)
	return d.Skip()
}

// TestDecodeOccurrence: an element continues the last occurrence when its field comes after the one
// read last, or is that field and repeats; otherwise it starts a new occurrence.
func TestDecodeOccurrence(t *testing.T) {
	d, _ := decodeOne(t, `<r><a/><b/><b/><a/><a/><b/></r>`)
	var got []*occ
	last := 0
	for {
		se, ok, err := d.Child()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		index, repeats := 0, false
		if se.Name.Local == "b" {
			index, repeats = 1, true
		}
		if err := soap.DecodeOccurrence(d, se, &got, &last, index, repeats); err != nil {
			t.Fatal(err)
		}
	}
	var occs [][]string
	for _, o := range got {
		occs = append(occs, o.got)
	}
	if want := [][]string{{"a", "b", "b"}, {"a"}, {"a", "b"}}; !gocmp.Equal(want, occs) {
		t.Errorf("occurrences %q, want %q", occs, want)
	}
}
