package soapimpl

import (
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

var nilStrings = NewArray("", "s", Nillable, &XSString)

// fldStringDict is a dictionary of strings: <kv><k>key</k><v>value</v></kv> pairs.
var fldStringDict = NewDict[string, string]("", "kv", "", "k", Nillable, &XSString, "", "v", Nillable, &XSString, strings.Compare)

func TestNilArrayItems(t *testing.T) {
	f := fld("", "a", "A", Optional|Nillable|ZeroUnset, &nilStrings)
	const wire = `<a><s>x</s><s xsi:nil="true"/><s></s><s xsi:nil="true"/></a>`
	d := fldDecoder(t, wire, nil)
	decChild(t, d, "a")
	var v []string
	var p soap.Presence
	if err := fldDec(d, &f, &p, &v); err != nil {
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
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &p, &v) }); got != wire {
		t.Errorf("re-encoded %s, want %s", got, wire)
	}
	// Without the records, both are empty strings.
	if got, want := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &v) }), `<a><s>x</s><s></s><s></s><s></s></a>`; got != want {
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
	w := []string{"", "y", ""}
	if got, want := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &q, &w) }), `<a><s xsi:nil="true"/><s>y</s><s xsi:nil="true"/></a>`; got != want {
		t.Errorf("set: %s, want %s", got, want)
	}
	q.ClearNilItem("A", 0)
	if got, want := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &q, &w) }), `<a><s></s><s>y</s><s xsi:nil="true"/></a>`; got != want {
		t.Errorf("cleared: %s, want %s", got, want)
	}

	// Decoding replaces the records of the field it decodes.
	d = fldDecoder(t, `<a><s>z</s></a>`, nil)
	decChild(t, d, "a")
	if err := fldDec(d, &f, &p, &v); err != nil {
		t.Fatal(err)
	}
	if got := p.NilItems("A"); got != nil {
		t.Errorf("after decoding again NilItems = %v, want none", got)
	}
}

func TestNilRepeatedItems(t *testing.T) {
	f := fld("", "s", "S", Nillable|Repeated, &XSString)
	const wire = `<s>a</s><s xsi:nil="true"/><s></s>`
	var v []string
	var p soap.Presence
	if err := fldDecodeOne(t, wire, &f, &p, &v); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v, []string{"a", "", ""}) || !slices.Equal(p.NilItems("S"), []int{1}) {
		t.Fatalf("decoded %q, nil items %v", v, p.NilItems("S"))
	}
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &p, &v) }); got != wire {
		t.Errorf("re-encoded %s, want %s", got, wire)
	}
	// Items whose Go value has a nil need no record.
	ip := fld("", "n", "N", Nillable|ZeroUnset|Repeated|Ref, &XSInt)
	var nums []*int32
	var q soap.Presence
	if err := fldDecodeOne(t, `<n>1</n><n xsi:nil="true"/>`, &ip, &q, &nums); err != nil {
		t.Fatal(err)
	}
	if len(nums) != 2 || nums[1] != nil || q.NilItems("N") != nil {
		t.Errorf("decoded %v, records %v", nums, q.NilItems("N"))
	}
}

func TestNilDictValues(t *testing.T) {
	f := fld("", "d", "D", Optional|Nillable|ZeroUnset, &fldStringDict)
	const wire = `<d><kv><k>a</k><v xsi:nil="true"/></kv><kv><k>b</k><v></v></kv><kv><k>c</k><v>3</v></kv></d>`
	d := fldDecoder(t, wire, nil)
	decChild(t, d, "d")
	var m map[string]string
	var p soap.Presence
	if err := fldDec(d, &f, &p, &m); err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(map[string]string{"a": "", "b": "", "c": "3"}, m); diff != "" {
		t.Fatalf("decoded (-want +got):\n%s", diff)
	}
	if got := p.NilValues("D"); !slices.Equal(got, []any{"a"}) {
		t.Fatalf("NilValues = %v, want [a]", got)
	}
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &p, &m) }); got != wire {
		t.Errorf("re-encoded %s, want %s", got, wire)
	}
	// A later entry with the same key replaces the earlier one, its record too.
	d = fldDecoder(t, `<d><kv><k>a</k><v xsi:nil="true"/></kv><kv><k>a</k><v>1</v></kv></d>`, nil)
	decChild(t, d, "d")
	if err := fldDec(d, &f, &p, &m); err != nil {
		t.Fatal(err)
	}
	if p.IsNilValue("D", "a") || m["a"] != "1" {
		t.Errorf("a replaced entry kept its record: %v %v", p.NilValues("D"), m)
	}
	// A user sets one.
	var q soap.Presence
	q.SetNilValue("D", "x")
	xy := map[string]string{"x": "", "y": ""}
	if got, want := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &q, &xy) }),
		`<d><kv><k>x</k><v xsi:nil="true"/></kv><kv><k>y</k><v></v></kv></d>`; got != want {
		t.Errorf("set: %s, want %s", got, want)
	}
}

// nilRecordsStruct is a struct with an array A, for the records of a field it lacks.
type nilRecordsStruct struct {
	A        []string
	Presence soap.Presence
}

var tableNilRecordsStruct = NewType(&Struct{
	Go:   "T",
	Zero: (*nilRecordsStruct)(nil),
	New:  func() any { return new(nilRecordsStruct) },
	Ptrs: func(v any, p []any) {
		x := v.(*nilRecordsStruct)
		p[0], p[1] = &x.A, &x.Presence
	},
	Fields:   []Field{{Local: "a", GoName: "A", Codec: &nilStrings}},
	Presence: true,
})

func (*nilRecordsStruct) SOAPType() *Type { return tableNilRecordsStruct }

func TestNilRecordsThatDoNotFit(t *testing.T) {
	arr := fld("", "a", "A", 0, &nilStrings)
	dict := fld("", "d", "D", 0, &fldStringDict)
	rep := fld("", "a", "A", Repeated, &XSString)
	one := fld("", "s", "S", 0, &XSString)
	enc := func(f *elem, v any) func(e *Encoder, p *soap.Presence) {
		return func(e *Encoder, p *soap.Presence) { fldEnc(e, f, p, v) }
	}
	tests := []struct {
		name  string
		set   func(p *soap.Presence)
		write func(e *Encoder, p *soap.Presence)
		want  string
	}{
		{"item past the end", func(p *soap.Presence) { p.SetNilItem("A", 2) },
			enc(&arr, &[]string{"", ""}), `item 2 of "A" as nil, but it has 2 items`},
		{"item with a value", func(p *soap.Presence) { p.SetNilItem("A", 0) },
			enc(&arr, &[]string{"x"}), `item 0 of "A" as nil, but it holds a value (x)`},
		{"repeated item with a value", func(p *soap.Presence) { p.SetNilItem("A", 0) },
			enc(&rep, &[]string{"x"}), `item 0 of "A" as nil, but it holds a value (x)`},
		{"key not in the map", func(p *soap.Presence) { p.SetNilValue("D", "z") },
			enc(&dict, &map[string]string{"a": ""}), `key z of "D" as nil, but the map has no such key`},
		{"key of another type", func(p *soap.Presence) { p.SetNilValue("D", 1) },
			enc(&dict, &map[string]string{"a": ""}), `key 1 (int) of "D", whose keys are string`},
		{"value with a value", func(p *soap.Presence) { p.SetNilValue("D", "a") },
			enc(&dict, &map[string]string{"a": "v"}), `key a of "D" as nil, but it holds a value (v)`},
		{"dictionary record on an array", func(p *soap.Presence) { p.SetNilValue("A", "a") },
			enc(&arr, &[]string{""}), `a nil dictionary value for "A", which holds an array`},
		{"item record on a dictionary", func(p *soap.Presence) { p.SetNilItem("D", 0) },
			enc(&dict, &map[string]string{"a": ""}), `item 0 of "D" as nil, which holds a dictionary`},
		{"record on a single value", func(p *soap.Presence) { p.SetNilItem("S", 0) },
			enc(&one, new(string)), `for "S", which holds neither an array nor a dictionary`},
		{"record on a field the struct lacks", func(p *soap.Presence) { p.SetNilItem("Nope", 0) },
			func(e *Encoder, p *soap.Presence) {
				Encode(e, fldN("t"), &nilRecordsStruct{Presence: *p})
			},
			`T.Presence records nil items or dictionary values for "Nope", which is not a field of T`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p soap.Presence
			tt.set(&p)
			_, err := fldEncode(t, func(e *Encoder) { tt.write(e, &p) })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
