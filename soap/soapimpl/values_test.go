package soapimpl

import (
	"cmp"
	"encoding/xml"
	"errors"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

// The codecs of values that are not simple: pointers to structs, arrays, repeated elements,
// dictionaries and polymorphic fields, through the fields of a struct.

func TestCodecDecodeErrors(t *testing.T) {
	f := fldField(false, false, false, &XSInt)
	t.Run("invalid value", func(t *testing.T) {
		d := fldDecoder(t, `<v>x</v>`, nil)
		decChild(t, d, "v")
		v := int32(5)
		p := fldPresence("V", soap.Nil)
		err := fldDec(d, &f, &p, &v)
		de := decWantDecodeError(t, err, `"x" is not a valid xs:int`)
		if de.Path != "r/v" {
			t.Errorf("Path = %q, want r/v", de.Path)
		}
		var le *soap.LexicalError
		if !errors.As(err, &le) || le.Type != "xs:int" || le.Text != "x" {
			t.Errorf("error %v does not wrap the LexicalError", err)
		}
		if v != 5 {
			t.Errorf("destination changed to %d", v)
		}
		if p.State("V") != soap.Nil {
			t.Errorf("Presence changed to %v", p.State("V"))
		}
	})
	t.Run("child element", func(t *testing.T) {
		d := fldDecoder(t, `<v>1<w/></v>`, nil)
		decChild(t, d, "v")
		var v int32
		decWantDecodeError(t, fldDec(d, &f, nil, &v), "element <w> inside simple content")
	})
	t.Run("nil with content is skipped", func(t *testing.T) {
		d := fldDecoder(t, `<v xsi:nil="true">7<w/></v><after>1</after>`, nil)
		decChild(t, d, "v")
		v := int32(5)
		if err := fldDec(d, &f, nil, &v); err != nil {
			t.Fatal(err)
		}
		if v != 0 {
			t.Errorf("v = %d, want 0", v)
		}
		decChild(t, d, "after")
	})
}

// fldRef returns the field v held by pointer (a *string), with the given flags.
func fldRef(optional, nillable, zeroUnset bool) elem {
	f := fldField(optional, nillable, zeroUnset, &XSString)
	f.flags |= Ref
	f.mode = Ref
	return f
}

func TestCodecRef(t *testing.T) {
	ptr := func(s string) *string { return &s }
	tests := []struct {
		name  string
		field elem
		wire  string
		want  *string
		state soap.State
	}{
		{"optional absent", fldRef(true, true, true), ``, nil, soap.Default},
		{"optional nil", fldRef(true, true, true), fldNil, nil, soap.Nil},
		{"optional empty", fldRef(true, true, true), `<v></v>`, ptr(""), soap.Default},
		{"optional value", fldRef(true, true, true), `<v>x</v>`, ptr("x"), soap.Default},
		{"nillable absent", fldRef(false, true, true), ``, nil, soap.Absent},
		{"nillable nil", fldRef(false, true, true), fldNil, nil, soap.Default},
		{"nillable empty", fldRef(false, true, true), `<v></v>`, ptr(""), soap.Default},
		{"required absent", fldRef(false, false, true), ``, nil, soap.Absent},
		{"required nil", fldRef(false, false, true), fldNil, nil, soap.Nil},
		{"required value", fldRef(false, false, true), `<v>y</v>`, ptr("y"), soap.Default},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct {
				V        *string
				Presence soap.Presence
			}
			if err := fldDecodeOne(t, tt.wire, &tt.field, &v.Presence, &v.V); err != nil {
				t.Fatal(err)
			}
			if !gocmp.Equal(v.V, tt.want) {
				t.Errorf("decoded %v, want %v", v.V, tt.want)
			}
			if got := v.Presence.State("V"); got != tt.state {
				t.Errorf("recorded %v, want %v", got, tt.state)
			}
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &tt.field, &v.Presence, &v.V) })
			if got != tt.wire {
				t.Errorf("re-encoded %q, want %q", got, tt.wire)
			}
		})
	}
	t.Run("nil pointer recorded Present writes the zero value", func(t *testing.T) {
		f := fldField(true, true, true, &XSInt)
		f.flags, f.mode = f.flags|Ref, Ref
		p := fldPresence("V", soap.Present)
		var v *int32
		if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &p, &v) }); got != `<v>0</v>` {
			t.Errorf("got %q", got)
		}
	})
	t.Run("a nil pointer in a required, non-nillable element is refused", func(t *testing.T) {
		f := fldRef(false, false, true)
		var v *string
		_, err := fldEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &v) })
		encWantErr(t, err, "soap: V has no value, but the element v is required and not nillable")
	})
	t.Run("invalid value", func(t *testing.T) {
		f := fldField(true, true, true, &XSInt)
		f.flags, f.mode = f.flags|Ref, Ref
		d := fldDecoder(t, `<v>x</v>`, nil)
		decChild(t, d, "v")
		old := int32(1)
		dst := &old
		decWantDecodeError(t, fldDec(d, &f, nil, &dst), "is not a valid xs:int")
		if dst != &old {
			t.Error("destination changed")
		}
	})
}

func TestPtr(t *testing.T) {
	field := func(optional, nillable, zeroUnset bool) elem {
		return fldField(optional, nillable, zeroUnset, &ptrFldPoint)
	}
	tests := []struct {
		name  string
		field elem
		wire  string
		want  *fldPoint
		state soap.State
	}{
		{"optional absent", field(true, true, true), ``, nil, soap.Default},
		{"optional nil", field(true, true, true), fldNil, nil, soap.Nil},
		{"optional empty", field(true, true, true), `<v/>`, &fldPoint{Presence: fldPresence("X", soap.Absent)}, soap.Default},
		{"optional value", field(true, true, true), `<v><f:X>0</f:X></v>`, &fldPoint{}, soap.Default},
		{"nillable absent", field(false, true, true), ``, nil, soap.Absent},
		{"nillable nil", field(false, true, true), fldNil, nil, soap.Default},
		{"nillable value", field(false, true, true), `<v><f:X>3</f:X></v>`, &fldPoint{X: 3}, soap.Default},
		{"required nil", field(false, false, true), fldNil, nil, soap.Nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct {
				V        *fldPoint
				Presence soap.Presence
			}
			if err := fldDecodeOne(t, tt.wire, &tt.field, &v.Presence, &v.V); err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, v.V, fldCmp); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if got := v.Presence.State("V"); got != tt.state {
				t.Errorf("recorded %v, want %v", got, tt.state)
			}
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &tt.field, &v.Presence, &v.V) })
			if got != tt.wire {
				t.Errorf("re-encoded %q, want %q", got, tt.wire)
			}
		})
	}
	t.Run("nil pointer recorded Present writes a new value", func(t *testing.T) {
		f := field(true, true, true)
		p := fldPresence("V", soap.Present)
		var v *fldPoint
		got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &p, &v) })
		if got != `<v><f:X>0</f:X></v>` {
			t.Errorf("got %q", got)
		}
	})
	t.Run("a nil pointer in a required, non-nillable element is refused", func(t *testing.T) {
		f := field(false, false, true)
		var v *fldPoint
		_, err := fldEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &v) })
		encWantErr(t, err, "soap: V has no value, but the element v is required and not nillable")
	})
	t.Run("error inside", func(t *testing.T) {
		f := field(true, true, true)
		d := fldDecoder(t, `<v><f:X>x</f:X></v>`, nil)
		decChild(t, d, "v")
		var dst *fldPoint
		de := decWantDecodeError(t, fldDec(d, &f, nil, &dst), "is not a valid xs:int")
		if de.Path != "r/v/X" {
			t.Errorf("Path = %q, want r/v/X", de.Path)
		}
		if dst != nil {
			t.Error("destination set despite the error")
		}
	})
}

var fldPointArray = NewArray(fldNS, "P", Nillable|ZeroUnset, &ptrFldPoint)

func TestArray(t *testing.T) {
	optional := fld("", "a", "A", Optional|Nillable|ZeroUnset, &fldPointArray)
	nillable := fld("", "a", "A", Nillable|ZeroUnset, &fldPointArray)
	required := fld("", "a", "A", 0, &fldPointArray)
	items := []*fldPoint{{X: 1}, nil, {X: 0}}
	const itemsWire = `<a><f:P><f:X>1</f:X></f:P><f:P xsi:nil="true"/><f:P><f:X>0</f:X></f:P></a>`
	tests := []struct {
		name  string
		field elem
		v     []*fldPoint
		wire  string
		state soap.State // recorded when decoding wire
	}{
		{"nil slice, optional", optional, nil, ``, soap.Default},
		{"nil slice, nillable", nillable, nil, `<a xsi:nil="true"/>`, soap.Default},
		{"nil slice, required", required, nil, `<a/>`, soap.Default},
		{"empty slice", optional, []*fldPoint{}, `<a/>`, soap.Default},
		{"items with a nil pointer", optional, items, itemsWire, soap.Default},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &tt.field, nil, &tt.v) })
			if got != tt.wire {
				t.Fatalf("encoded %q, want %q", got, tt.wire)
			}
			var v struct {
				A        []*fldPoint
				Presence soap.Presence
			}
			if err := fldDecodeOne(t, tt.wire, &tt.field, &v.Presence, &v.A); err != nil {
				t.Fatal(err)
			}
			want := tt.v
			if tt.wire == `<a/>` {
				want = []*fldPoint{} // a present wrapper decodes as an empty, non-nil slice
			}
			if diff := gocmp.Diff(want, v.A, fldCmp); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if (v.A == nil) != (want == nil) {
				t.Errorf("decoded nil = %v, want %v", v.A == nil, want == nil)
			}
			if got := v.Presence.State("A"); got != tt.state {
				t.Errorf("recorded %v, want %v", got, tt.state)
			}
		})
	}
	t.Run("xsi:nil on an optional array", func(t *testing.T) {
		var v struct {
			A        []*fldPoint
			Presence soap.Presence
		}
		v.A = []*fldPoint{{}}
		if err := fldDecodeOne(t, `<a xsi:nil="true"/>`, &optional, &v.Presence, &v.A); err != nil {
			t.Fatal(err)
		}
		if v.A != nil || v.Presence.State("A") != soap.Nil {
			t.Errorf("decoded %v, recorded %v; want nil, Nil", v.A, v.Presence.State("A"))
		}
		if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &optional, &v.Presence, &v.A) }); got != `<a xsi:nil="true"/>` {
			t.Errorf("re-encoded %q", got)
		}
	})
	t.Run("recorded Absent leaves items out", func(t *testing.T) {
		p := fldPresence("A", soap.Absent)
		if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &optional, &p, &items) }); got != "" {
			t.Errorf("got %q", got)
		}
	})
	const withUnknown = `<a><f:P><f:X>1</f:X></f:P><f:Q>skip<f:P/></f:Q><P/><f:P/></a>`
	t.Run("unknown children are skipped", func(t *testing.T) {
		d := fldDecoder(t, withUnknown, nil)
		decChild(t, d, "a")
		var got []*fldPoint
		if err := fldDec(d, &optional, nil, &got); err != nil {
			t.Fatal(err)
		}
		want := []*fldPoint{{X: 1}, {Presence: fldPresence("X", soap.Absent)}}
		if diff := gocmp.Diff(want, got, fldCmp); diff != "" {
			t.Errorf("decoded (-want +got):\n%s", diff)
		}
		if more, err := d.Child(); err != nil || more {
			t.Errorf("Child after the array = %v, %v", more, err)
		}
	})
	t.Run("unknown children with DisallowUnknown", func(t *testing.T) {
		d := fldDecoder(t, withUnknown, nil)
		d.DisallowUnknown()
		decChild(t, d, "a")
		var got []*fldPoint
		de := decWantDecodeError(t, fldDec(d, &optional, nil, &got), "unknown element {urn:fld}Q")
		if de.Path != "r/a/Q" {
			t.Errorf("Path = %q", de.Path)
		}
	})
	t.Run("item error", func(t *testing.T) {
		d := fldDecoder(t, `<a><f:P><f:X>1</f:X></f:P><f:P><f:X>y</f:X></f:P></a>`, nil)
		decChild(t, d, "a")
		var got []*fldPoint
		decWantDecodeError(t, fldDec(d, &optional, nil, &got), `"y" is not a valid xs:int`)
		if got != nil {
			t.Errorf("destination set to %v despite the error", got)
		}
	})
	t.Run("a nil item the item element cannot carry is refused", func(t *testing.T) {
		strict := NewArray(fldNS, "P", ZeroUnset, &ptrFldPoint)
		f := fld("", "a", "A", 0, &strict)
		v := []*fldPoint{{X: 1}, nil}
		_, err := fldEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &v) })
		encWantErr(t, err, "soap: A: item 1 has no value, but the item element P is not nillable")
	})
}

func TestArrayOfArray(t *testing.T) {
	inner := NewArray("", "i", 0, &XSInt)
	tests := []struct {
		name  string
		flags Flags
		v     [][]int32
		wire  string
		want  [][]int32
	}{
		{"rows required", 0,
			[][]int32{{1, 2}, {}, nil, {3}},
			`<m><row><i>1</i><i>2</i></row><row/><row/><row><i>3</i></row></m>`,
			[][]int32{{1, 2}, {}, {}, {3}}},
		{"rows nillable", Nillable | ZeroUnset,
			[][]int32{{1, 2}, {}, nil, {3}},
			`<m><row><i>1</i><i>2</i></row><row/><row xsi:nil="true"/><row><i>3</i></row></m>`,
			[][]int32{{1, 2}, {}, nil, {3}}},
		{"no rows", 0, [][]int32{}, `<m/>`, [][]int32{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outer := NewArrayOf[[]int32]("", "row", tt.flags, &inner, xml.Name{}, "")
			f := fld("", "m", "M", Optional|ZeroUnset, &outer)
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &tt.v) })
			if got != tt.wire {
				t.Fatalf("encoded %q, want %q", got, tt.wire)
			}
			d := fldDecoder(t, tt.wire, nil)
			decChild(t, d, "m")
			var v [][]int32
			if err := fldDec(d, &f, nil, &v); err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, v); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			for i := range v {
				if (v[i] == nil) != (tt.want[i] == nil) {
					t.Errorf("row %d nil = %v, want %v", i, v[i] == nil, tt.want[i] == nil)
				}
			}
		})
	}
}

func TestRepeated(t *testing.T) {
	// The flags of a repeated element describe one occurrence (as an array's item flags do): it is
	// not Optional, since an item is never left out.
	plain := fld("", "s", "S", Repeated, &XSString)
	nillable := fld("", "s", "S", Nillable|ZeroUnset|Repeated, &XSString)
	tests := []struct {
		name  string
		field elem
		v     []string
		wire  string
	}{
		{"values", plain, []string{"a", "", "b"}, `<s>a</s><s></s><s>b</s>`},
		{"nillable items", nillable, []string{"a", "", "b"}, `<s>a</s><s xsi:nil="true"/><s>b</s>`},
		{"nil slice", plain, nil, ``},
		{"empty slice", plain, []string{}, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &tt.field, nil, &tt.v) })
			if got != tt.wire {
				t.Fatalf("encoded %q, want %q", got, tt.wire)
			}
			var v []string
			var p soap.Presence
			if err := fldDecodeOne(t, tt.wire, &tt.field, &p, &v); err != nil {
				t.Fatal(err)
			}
			want := tt.v
			if len(want) == 0 {
				want = nil
			}
			if !slices.Equal(v, want) || (v == nil) != (want == nil) {
				t.Errorf("decoded %q, want %q", v, want)
			}
		})
	}
	t.Run("pointers", func(t *testing.T) {
		f := fld(fldNS, "P", "P", Nillable|ZeroUnset|Repeated, &ptrFldPoint)
		v := []*fldPoint{{X: 1}, nil}
		got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &v) })
		if want := `<f:P><f:X>1</f:X></f:P><f:P xsi:nil="true"/>`; got != want {
			t.Fatalf("encoded %q, want %q", got, want)
		}
		var back []*fldPoint
		if err := fldDecodeOne(t, got, &f, nil, &back); err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(v, back, fldCmp); diff != "" {
			t.Errorf("decoded (-want +got):\n%s", diff)
		}
	})
	t.Run("error leaves the slice alone", func(t *testing.T) {
		f := fld("", "n", "N", Repeated, &XSInt)
		v := []int32{1}
		err := fldDecodeOne(t, `<n>2</n><n>z</n>`, &f, nil, &v)
		decWantDecodeError(t, err, `"z" is not a valid xs:int`)
		if !slices.Equal(v, []int32{1, 2}) {
			t.Errorf("v = %v, want [1 2]", v)
		}
	})
}

// fldDictRoundTrip encodes m as the field f, <d>, compares with wire, decodes wire and compares with
// m.
func fldDictRoundTrip[K comparable, V any](t *testing.T, f *elem, m map[K]V, wire string) {
	t.Helper()
	got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, f, nil, &m) })
	if got != wire {
		t.Fatalf("encoded\n%s\nwant\n%s", got, wire)
	}
	if wire == "" {
		return
	}
	d := fldDecoder(t, wire, nil)
	decChild(t, d, "d")
	var back map[K]V
	if err := fldDec(d, f, nil, &back); err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(m, back, fldCmp); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
	if (back == nil) != (m == nil) {
		t.Errorf("decoded nil = %v, want %v", back == nil, m == nil)
	}
}

func TestDict(t *testing.T) {
	flags := Optional | Nillable | ZeroUnset
	optional := fld("", "d", "D", flags, &fldStringDict)
	t.Run("string keys sorted", func(t *testing.T) {
		fldDictRoundTrip(t, &optional, map[string]string{"b": "2", "a": "1", "": "e", "c": "", "B": "3"},
			`<d><kv><k></k><v>e</v></kv><kv><k>B</k><v>3</v></kv><kv><k>a</k><v>1</v></kv><kv><k>b</k><v>2</v></kv><kv><k>c</k><v></v></kv></d>`)
	})
	t.Run("int32 keys sorted by number", func(t *testing.T) {
		dict := NewDict[int32, string]("", "kv", "", "k", 0, &XSInt, "", "v", 0, &XSString, cmp.Compare[int32])
		f := fld("", "d", "D", flags, &dict)
		fldDictRoundTrip(t, &f, map[int32]string{10: "x", -1: "y", 2: "z", 0: ""},
			`<d><kv><k>-1</k><v>y</v></kv><kv><k>0</k><v></v></kv><kv><k>2</k><v>z</v></kv><kv><k>10</k><v>x</v></kv></d>`)
	})
	t.Run("DateTime keys sorted by instant", func(t *testing.T) {
		dict := NewDict[soap.DateTime, int32]("", "kv", "", "k", 0, &XSDateTime, "", "v", 0, &XSInt, soap.DateTime.Compare)
		f := fld("", "d", "D", flags, &dict)
		dt := func(s string) soap.DateTime {
			v, err := soap.ParseDateTime(s)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		m := map[soap.DateTime]int32{
			dt("2020-01-02T00:00:00Z"):      3,
			dt("2019-12-31T23:00:00-02:00"): 2, // 2020-01-01T01:00Z
			dt("2020-01-01T00:00:00Z"):      1,
		}
		fldDictRoundTrip(t, &f, m,
			`<d><kv><k>2020-01-01T00:00:00Z</k><v>1</v></kv><kv><k>2019-12-31T23:00:00-02:00</k><v>2</v></kv><kv><k>2020-01-02T00:00:00Z</k><v>3</v></kv></d>`)
	})
	t.Run("pointer values", func(t *testing.T) {
		dict := NewDict[string, *fldPoint]("", "kv", "", "k", Nillable, &XSString, "", "v", Nillable|ZeroUnset, &ptrFldPoint, strings.Compare)
		f := fld("", "d", "D", flags, &dict)
		fldDictRoundTrip(t, &f, map[string]*fldPoint{"p": {X: 4}, "n": nil},
			`<d><kv><k>n</k><v xsi:nil="true"/></kv><kv><k>p</k><v><f:X>4</f:X></v></kv></d>`)
	})
	t.Run("nil map, optional", func(t *testing.T) {
		fldDictRoundTrip[string, string](t, &optional, nil, ``)
	})
	t.Run("nil map, nillable", func(t *testing.T) {
		f := fld("", "d", "D", Nillable|ZeroUnset, &fldStringDict)
		var none map[string]string
		got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &none) })
		if got != `<d xsi:nil="true"/>` {
			t.Errorf("got %q", got)
		}
		d := fldDecoder(t, got, nil)
		decChild(t, d, "d")
		m := map[string]string{"old": "x"}
		var p soap.Presence
		if err := fldDec(d, &f, &p, &m); err != nil {
			t.Fatal(err)
		}
		if m != nil || p.State("D") != soap.Default {
			t.Errorf("decoded %v, recorded %v; want nil, Default", m, p.State("D"))
		}
	})
	t.Run("nil map, required", func(t *testing.T) {
		f := fld("", "d", "D", 0, &fldStringDict)
		var none map[string]string
		if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &none) }); got != `<d/>` {
			t.Errorf("got %q", got)
		}
	})
	t.Run("empty map", func(t *testing.T) {
		fldDictRoundTrip(t, &optional, map[string]string{}, `<d/>`)
	})
	decodeTests := []struct {
		name, wire string
		want       map[string]string
	}{
		{"duplicate key, last wins", `<d><kv><k>a</k><v>1</v></kv><kv><k>b</k><v>2</v></kv><kv><k>a</k><v>3</v></kv></d>`, map[string]string{"a": "3", "b": "2"}},
		{"missing Key", `<d><kv><v>1</v></kv></d>`, map[string]string{"": "1"}},
		{"missing Value", `<d><kv><k>a</k></kv></d>`, map[string]string{"a": ""}},
		{"empty pair", `<d><kv/></d>`, map[string]string{"": ""}},
		{"Value before Key", `<d><kv><v>1</v><k>a</k></kv></d>`, map[string]string{"a": "1"}},
		{"nil Key and Value", `<d><kv><k xsi:nil="true"/><v xsi:nil="true"/></kv></d>`, map[string]string{"": ""}},
		{"unknown children skipped", `<d><x/><kv><k>a</k><y><z/></y><v>1</v></kv><f:kv/></d>`, map[string]string{"a": "1"}},
	}
	for _, tt := range decodeTests {
		t.Run(tt.name, func(t *testing.T) {
			d := fldDecoder(t, tt.wire, nil)
			decChild(t, d, "d")
			var m map[string]string
			if err := fldDec(d, &optional, nil, &m); err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, m); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if more, err := d.Child(); err != nil || more {
				t.Errorf("Child after the dictionary = %v, %v", more, err)
			}
		})
	}
	for _, wire := range []string{`<d><x/></d>`, `<d><kv><y/></kv></d>`} {
		t.Run("DisallowUnknown "+wire, func(t *testing.T) {
			d := fldDecoder(t, wire, nil)
			d.DisallowUnknown()
			decChild(t, d, "d")
			var m map[string]string
			decWantDecodeError(t, fldDec(d, &optional, nil, &m), "unknown element")
			if m != nil {
				t.Errorf("destination set to %v", m)
			}
		})
	}
}

func TestPoly(t *testing.T) {
	field := func(optional, nillable, zeroUnset bool) elem {
		return fldField(optional, nillable, zeroUnset, &fldPoly)
	}
	optional := field(true, true, true)
	nillable := field(false, true, true)
	encodeTests := []struct {
		name  string
		field elem
		v     fldAnyPoint
		want  string
	}{
		{"nil interface, optional", optional, nil, ``},
		{"typed nil, optional", optional, (*fldPoint)(nil), ``},
		{"typed nil, nillable", nillable, (*fldPoint3)(nil), fldNil},
		{"base type: no xsi:type", optional, &fldPoint{X: 1}, `<v><f:X>1</f:X></v>`},
		{"derived type: xsi:type", optional, &fldPoint3{fldPoint: fldPoint{X: 1}, Z: 2}, `<v xsi:type="f:Point3"><f:X>1</f:X><f:Z>2</f:Z></v>`},
	}
	for _, tt := range encodeTests {
		t.Run("encode "+tt.name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &tt.field, nil, &tt.v) })
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("encode typed nil, required: refused", func(t *testing.T) {
		f := field(false, false, true)
		var v fldAnyPoint = (*fldPoint)(nil)
		_, err := fldEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &v) })
		encWantErr(t, err, "soap: V has no value, but the element v is required and not nillable")
	})
	t.Run("encode recorded Nil", func(t *testing.T) {
		p := fldPresence("V", soap.Nil)
		var v fldAnyPoint = &fldPoint{}
		if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &optional, &p, &v) }); got != fldNil {
			t.Errorf("got %q", got)
		}
	})
	decodeTests := []struct {
		name, wire string
		want       fldAnyPoint
		state      soap.State
	}{
		{"no xsi:type", `<v><f:X>1</f:X></v>`, &fldPoint{X: 1}, soap.Default},
		{"xsi:type of the base", `<v xsi:type="f:Point"><f:X>1</f:X></v>`, &fldPoint{X: 1}, soap.Default},
		{"xsi:type with another prefix", `<v xmlns:g="urn:fld" xsi:type="g:Point3"><f:Z>2</f:Z></v>`,
			&fldPoint3{fldPoint: fldPoint{Presence: fldPresence("X", soap.Absent)}, Z: 2}, soap.Default},
		{"derived", `<v xsi:type="f:Point3"><f:X>1</f:X><f:Z>2</f:Z></v>`, &fldPoint3{fldPoint: fldPoint{X: 1}, Z: 2}, soap.Default},
		{"nil", fldNil, nil, soap.Nil},
	}
	for _, tt := range decodeTests {
		t.Run("decode "+tt.name, func(t *testing.T) {
			var v struct {
				V        fldAnyPoint
				Presence soap.Presence
			}
			d := fldDecoder(t, tt.wire, fldTypes)
			decChild(t, d, "v")
			if err := fldDec(d, &optional, &v.Presence, &v.V); err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, v.V, fldCmp); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if got := v.Presence.State("V"); got != tt.state {
				t.Errorf("recorded %v, want %v", got, tt.state)
			}
		})
	}
	t.Run("round trip of a derived value", func(t *testing.T) {
		const wire = `<v xsi:type="f:Point3"><f:X>0</f:X><f:Z>0</f:Z></v>`
		var got fldAnyPoint
		d := fldDecoder(t, wire, fldTypes)
		decChild(t, d, "v")
		if err := fldDec(d, &optional, nil, &got); err != nil {
			t.Fatal(err)
		}
		if out := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &optional, nil, &got) }); out != wire {
			t.Errorf("re-encoded %q, want %q", out, wire)
		}
	})
	errorTests := []struct {
		name, wire, msg string
		types           *Registry
	}{
		{"unknown xsi:type", `<v xsi:type="f:Nope"/>`, "xsi:type {urn:fld}Nope is not a known type", fldTypes},
		{"not derived", `<v xsi:type="f:Other">x</v>`, "xsi:type {urn:fld}Other is not derived from {urn:fld}Point", fldTypes},
		{"no registry", `<v xsi:type="f:Point3"/>`, "xsi:type {urn:fld}Point3 is not a known type", nil},
		{"undeclared prefix", `<v xsi:type="g:Point3"/>`, `prefix "g" is not declared`, fldTypes},
		{"error inside", `<v xsi:type="f:Point3"><f:Z>z</f:Z></v>`, `"z" is not a valid xs:int`, fldTypes},
	}
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			d := fldDecoder(t, tt.wire, tt.types)
			decChild(t, d, "v")
			var v fldAnyPoint = &fldPoint{X: 9}
			decWantDecodeError(t, fldDec(d, &optional, nil, &v), tt.msg)
			if diff := gocmp.Diff(fldAnyPoint(&fldPoint{X: 9}), v, fldCmp); diff != "" {
				t.Errorf("destination changed (-want +got):\n%s", diff)
			}
		})
	}
}
