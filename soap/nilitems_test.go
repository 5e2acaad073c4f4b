package soap_test

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// The items of a string array, the occurrences of a repeated string element and the values of a
// string dictionary hold "" for xsi:nil, as they do for an empty string: Presence records which were
// nil (by position, by key), so that a decoded value encodes back as it came, and a user can send
// either.

var nilStrings = &soap.Array[string]{
	Item:       soap.Field{Name: xml.Name{Local: "s"}, Nillable: true},
	EncodeItem: soap.XSString.Encode,
	DecodeItem: soap.XSString.Decode,
}

func TestNilArrayItems(t *testing.T) {
	f := soap.Field{Name: xml.Name{Local: "a"}, GoName: "A", Optional: true, Nillable: true, ZeroUnset: true}
	const wire = `<a><s>x</s><s xsi:nil="true"/><s></s><s xsi:nil="true"/></a>`
	d := fldDecoder(t, wire)
	se := decChild(t, d, "a")
	var v []string
	var p soap.Presence
	if err := nilStrings.Decode(d, se, &f, &p, &v); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v, []string{"x", "", "", ""}) {
		t.Fatalf("decoded %q", v)
	}
	if got := p.NilItems("A"); !slices.Equal(got, []int{1, 3}) {
		t.Fatalf("NilItems = %v, want [1 3]", got)
	}
	if !p.IsNilItem("A", 1) || p.IsNilItem("A", 2) || p.IsNilItem("A", -1) || p.IsNilItem("B", 1) {
		t.Error("IsNilItem disagrees with NilItems")
	}
	if got := fldMustEncode(t, func(e *soap.Encoder) { nilStrings.Encode(e, &f, &p, v) }); got != wire {
		t.Errorf("re-encoded %s, want %s", got, wire)
	}
	// Without the records, both are empty strings.
	if got, want := fldMustEncode(t, func(e *soap.Encoder) { nilStrings.Encode(e, &f, nil, v) }), `<a><s>x</s><s></s><s></s><s></s></a>`; got != want {
		t.Errorf("without records %s, want %s", got, want)
	}

	// A user sets and clears records.
	var q soap.Presence
	q.SetNilItem("A", 2)
	q.SetNilItem("A", 0)
	q.SetNilItem("A", 2) // once is enough
	if got := q.NilItems("A"); !slices.Equal(got, []int{0, 2}) {
		t.Fatalf("NilItems = %v", got)
	}
	if got, want := fldMustEncode(t, func(e *soap.Encoder) { nilStrings.Encode(e, &f, &q, []string{"", "y", ""}) }), `<a><s xsi:nil="true"/><s>y</s><s xsi:nil="true"/></a>`; got != want {
		t.Errorf("set: %s, want %s", got, want)
	}
	q.ClearNilItem("A", 0)
	if got, want := fldMustEncode(t, func(e *soap.Encoder) { nilStrings.Encode(e, &f, &q, []string{"", "y", ""}) }), `<a><s></s><s>y</s><s xsi:nil="true"/></a>`; got != want {
		t.Errorf("cleared: %s, want %s", got, want)
	}

	// Decoding replaces the records of the field it decodes.
	d = fldDecoder(t, `<a><s>z</s></a>`)
	se = decChild(t, d, "a")
	if err := nilStrings.Decode(d, se, &f, &p, &v); err != nil {
		t.Fatal(err)
	}
	if got := p.NilItems("A"); got != nil {
		t.Errorf("after decoding again NilItems = %v, want none", got)
	}
}

func TestNilItemsCopy(t *testing.T) {
	// Presence is a value: records set on a copy do not show in the original, nor the reverse.
	var p soap.Presence
	p.SetNilItem("A", 1)
	p.SetNilValue("D", "k")
	q := p
	q.SetNilItem("A", 0)
	q.ClearNilValue("D", "k")
	p.SetNilItem("A", 5)
	if got := p.NilItems("A"); !slices.Equal(got, []int{1, 5}) {
		t.Errorf("original NilItems = %v", got)
	}
	if got := q.NilItems("A"); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("copy NilItems = %v", got)
	}
	if !p.IsNilValue("D", "k") || q.IsNilValue("D", "k") {
		t.Error("ClearNilValue on a copy changed the original, or did nothing")
	}
	if p.Equal(q) {
		t.Error("different records compare equal")
	}
	// Equal does not depend on the order in which dictionary keys were recorded.
	var a, b soap.Presence
	a.SetNilValue("D", "x")
	a.SetNilValue("D", "y")
	b.SetNilValue("D", "y")
	b.SetNilValue("D", "x")
	if !a.Equal(b) {
		t.Error("the same keys recorded in another order compare unequal")
	}
	a.ClearNil("D")
	if a.NilValues("D") != nil || a.Equal(b) {
		t.Error("ClearNil left records")
	}
	// Field states and nil records are distinct.
	var c soap.Presence
	c.SetNilItem("A", 0)
	if c.State("A") != soap.Default || len(c.Fields()) != 0 {
		t.Error("a nil item shows as a field state")
	}
}

func TestNilRepeatedItems(t *testing.T) {
	f := soap.Field{Name: xml.Name{Local: "s"}, GoName: "S", Nillable: true, Repeated: true}
	const wire = `<s>a</s><s xsi:nil="true"/><s></s>`
	var v []string
	var p soap.Presence
	err := fldDecodeOne(t, wire, &f, &p, func(d *soap.Decoder, se xml.StartElement) error {
		return soap.DecodeAppend(d, se, &f, &p, &v, soap.XSString.Decode)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v, []string{"a", "", ""}) || !slices.Equal(p.NilItems("S"), []int{1}) {
		t.Fatalf("decoded %q, nil items %v", v, p.NilItems("S"))
	}
	if got := fldMustEncode(t, func(e *soap.Encoder) { soap.EncodeRepeated(e, &f, &p, v, soap.XSString.Encode) }); got != wire {
		t.Errorf("re-encoded %s, want %s", got, wire)
	}
	// Items whose Go value has a nil need no record.
	ip := soap.Field{Name: xml.Name{Local: "n"}, GoName: "N", Nillable: true, ZeroUnset: true, Repeated: true}
	var nums []*int32
	var q soap.Presence
	err = fldDecodeOne(t, `<n>1</n><n xsi:nil="true"/>`, &ip, &q, func(d *soap.Decoder, se xml.StartElement) error {
		return soap.DecodeAppend(d, se, &ip, &q, &nums, soap.XSInt.DecodeRef)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(nums) != 2 || nums[1] != nil || q.NilItems("N") != nil {
		t.Errorf("decoded %v, records %v", nums, q.NilItems("N"))
	}
}

func TestNilDictValues(t *testing.T) {
	dict := fldStringDict()
	f := soap.Field{Name: xml.Name{Local: "d"}, GoName: "D", Optional: true, Nillable: true, ZeroUnset: true}
	const wire = `<d><kv><k>a</k><v xsi:nil="true"/></kv><kv><k>b</k><v></v></kv><kv><k>c</k><v>3</v></kv></d>`
	d := fldDecoder(t, wire)
	se := decChild(t, d, "d")
	var m map[string]string
	var p soap.Presence
	if err := dict.Decode(d, se, &f, &p, &m); err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(map[string]string{"a": "", "b": "", "c": "3"}, m); diff != "" {
		t.Fatalf("decoded (-want +got):\n%s", diff)
	}
	if got := p.NilValues("D"); !slices.Equal(got, []any{"a"}) {
		t.Fatalf("NilValues = %v, want [a]", got)
	}
	if got := fldMustEncode(t, func(e *soap.Encoder) { dict.Encode(e, &f, &p, m) }); got != wire {
		t.Errorf("re-encoded %s, want %s", got, wire)
	}
	// A later entry with the same key replaces the earlier one, its record too.
	d = fldDecoder(t, `<d><kv><k>a</k><v xsi:nil="true"/></kv><kv><k>a</k><v>1</v></kv></d>`)
	se = decChild(t, d, "d")
	if err := dict.Decode(d, se, &f, &p, &m); err != nil {
		t.Fatal(err)
	}
	if p.IsNilValue("D", "a") || m["a"] != "1" {
		t.Errorf("a replaced entry kept its record: %v %v", p.NilValues("D"), m)
	}
	// A user sets one.
	var q soap.Presence
	q.SetNilValue("D", "x")
	if got, want := fldMustEncode(t, func(e *soap.Encoder) { dict.Encode(e, &f, &q, map[string]string{"x": "", "y": ""}) }),
		`<d><kv><k>x</k><v xsi:nil="true"/></kv><kv><k>y</k><v></v></kv></d>`; got != want {
		t.Errorf("set: %s, want %s", got, want)
	}
}

func TestNilRecordsThatDoNotFit(t *testing.T) {
	arr := soap.Field{Name: xml.Name{Local: "a"}, GoName: "A"}
	dict := soap.Field{Name: xml.Name{Local: "d"}, GoName: "D"}
	one := soap.Field{Name: xml.Name{Local: "s"}, GoName: "S"}
	tests := []struct {
		name  string
		set   func(p *soap.Presence)
		write func(e *soap.Encoder, p *soap.Presence)
		want  string
	}{
		{"item past the end", func(p *soap.Presence) { p.SetNilItem("A", 2) },
			func(e *soap.Encoder, p *soap.Presence) { nilStrings.Encode(e, &arr, p, []string{"", ""}) },
			`item 2 of "A" as nil, but it has 2 items`},
		{"item with a value", func(p *soap.Presence) { p.SetNilItem("A", 0) },
			func(e *soap.Encoder, p *soap.Presence) { nilStrings.Encode(e, &arr, p, []string{"x"}) },
			`item 0 of "A" as nil, but it holds a value (x)`},
		{"repeated item with a value", func(p *soap.Presence) { p.SetNilItem("A", 0) },
			func(e *soap.Encoder, p *soap.Presence) {
				soap.EncodeRepeated(e, &arr, p, []string{"x"}, soap.XSString.Encode)
			},
			`item 0 of "A" as nil, but it holds a value (x)`},
		{"key not in the map", func(p *soap.Presence) { p.SetNilValue("D", "z") },
			func(e *soap.Encoder, p *soap.Presence) {
				fldStringDict().Encode(e, &dict, p, map[string]string{"a": ""})
			},
			`key z of "D" as nil, but the map has no such key`},
		{"key of another type", func(p *soap.Presence) { p.SetNilValue("D", 1) },
			func(e *soap.Encoder, p *soap.Presence) {
				fldStringDict().Encode(e, &dict, p, map[string]string{"a": ""})
			},
			`key 1 (int) of "D", whose keys are string`},
		{"value with a value", func(p *soap.Presence) { p.SetNilValue("D", "a") },
			func(e *soap.Encoder, p *soap.Presence) {
				fldStringDict().Encode(e, &dict, p, map[string]string{"a": "v"})
			},
			`key a of "D" as nil, but it holds a value (v)`},
		{"dictionary record on an array", func(p *soap.Presence) { p.SetNilValue("A", "a") },
			func(e *soap.Encoder, p *soap.Presence) { nilStrings.Encode(e, &arr, p, []string{""}) },
			`a nil dictionary value for "A", which holds an array`},
		{"item record on a dictionary", func(p *soap.Presence) { p.SetNilItem("D", 0) },
			func(e *soap.Encoder, p *soap.Presence) {
				fldStringDict().Encode(e, &dict, p, map[string]string{"a": ""})
			},
			`item 0 of "D" as nil, which holds a dictionary`},
		{"record on a single value", func(p *soap.Presence) { p.SetNilItem("S", 0) },
			func(e *soap.Encoder, p *soap.Presence) { soap.XSString.Encode(e, &one, p, "") },
			`for "S", which holds neither an array nor a dictionary`},
		{"record on a field the struct lacks", func(p *soap.Presence) { p.SetNilItem("Nope", 0) },
			func(e *soap.Encoder, p *soap.Presence) { soap.CheckPresence(e, p, []soap.Field{arr}, "T") },
			`T.Presence records nil items or dictionary values for "Nope", which is not a field of T`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p soap.Presence
			tt.set(&p)
			_, err := fldEncode(t, func(e *soap.Encoder) { tt.write(e, &p) })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
