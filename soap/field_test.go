package soap_test

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/soap"
)

const fldNS = "urn:fld"

func fldN(local string) xml.Name { return xml.Name{Space: fldNS, Local: local} }

// The root element the field tests write into and read from: it binds xsi, xsd and f (fldNS), as
// a request envelope does, so the fields' own output needs no declarations.
const (
	fldRootOpen  = `<r xmlns:xsi="` + soap.XSINamespace + `" xmlns:xsd="` + soap.XSDNamespace + `" xmlns:f="` + fldNS + `">`
	fldRootEmpty = `<r xmlns:xsi="` + soap.XSINamespace + `" xmlns:xsd="` + soap.XSDNamespace + `" xmlns:f="` + fldNS + `"/>`
	fldRootClose = `</r>`
	fldNil       = `<v xsi:nil="true"/>`
)

// fldEncode runs write inside the root element and returns what it wrote there.
func fldEncode(t *testing.T, write func(e *soap.Encoder)) (string, error) {
	t.Helper()
	e := soap.NewEncoder(map[string]string{soap.XSINamespace: "xsi", soap.XSDNamespace: "xsd", fldNS: "f"})
	e.Bind("xsi", soap.XSINamespace)
	e.Bind("xsd", soap.XSDNamespace)
	e.Bind("f", fldNS)
	e.StartElement(soap.Start{Name: xml.Name{Local: "r"}})
	write(e)
	e.EndElement()
	if err := e.Err(); err != nil {
		return "", err
	}
	out := string(e.Bytes())
	if out == fldRootEmpty {
		return "", nil
	}
	inner, ok := strings.CutPrefix(out, fldRootOpen)
	if !ok {
		t.Fatalf("unexpected root in %s", out)
	}
	inner, ok = strings.CutSuffix(inner, fldRootClose)
	if !ok {
		t.Fatalf("unexpected end in %s", out)
	}
	return inner, nil
}

// fldMustEncode is fldEncode that fails the test on an encoding error.
func fldMustEncode(t *testing.T, write func(e *soap.Encoder)) string {
	t.Helper()
	s, err := fldEncode(t, write)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return s
}

// fldDecoder returns a Decoder positioned inside the root element around inner.
func fldDecoder(t *testing.T, inner string) *soap.Decoder {
	t.Helper()
	d := decNew(fldRootOpen + inner + fldRootClose)
	d.Types = fldTypes
	decRoot(t, d)
	return d
}

// fldDecodeStruct decodes the root's children like a generated UnmarshalSOAP: decode(d, se, i) for
// an element of fields[i], Unknown for others, then Missing.
func fldDecodeStruct(t *testing.T, d *soap.Decoder, fields []soap.Field, p *soap.Presence, decode func(d *soap.Decoder, se xml.StartElement, i int) error) error {
	t.Helper()
	seen := make([]bool, len(fields))
	for {
		se, ok, err := d.Child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		i := slices.IndexFunc(fields, func(f soap.Field) bool { return f.Name == se.Name })
		if i < 0 {
			err = d.Unknown(se)
		} else {
			seen[i] = true
			err = decode(d, se, i)
		}
		if err != nil {
			return err
		}
	}
	soap.Missing(fields, seen, p)
	return nil
}

// fldDecodeOne decodes inner (zero or more elements) as a struct whose only field is f.
func fldDecodeOne(t *testing.T, inner string, f *soap.Field, p *soap.Presence, decode func(d *soap.Decoder, se xml.StartElement) error) error {
	t.Helper()
	d := fldDecoder(t, inner)
	return fldDecodeStruct(t, d, []soap.Field{*f}, p, func(d *soap.Decoder, se xml.StartElement, _ int) error {
		return decode(d, se)
	})
}

// fldPoint is a hand-written generated-style complex type {urn:fld}Point.
type fldPoint struct {
	X        int32
	Presence soap.Presence
}

var fldPointFields = [...]soap.Field{{Name: fldN("X"), GoName: "X", Optional: true}}

func (*fldPoint) SOAPType() xml.Name   { return fldN("Point") }
func (v *fldPoint) asPoint() *fldPoint { return v }
func (v *fldPoint) encodeFields(e *soap.Encoder) {
	soap.XSInt.Encode(e, &fldPointFields[0], &v.Presence, v.X)
}

func (v *fldPoint) MarshalSOAP(e *soap.Encoder, start soap.Start) {
	e.StartElement(start)
	if v == nil {
		e.NilAttr()
	} else {
		v.encodeFields(e)
	}
	e.EndElement()
}

func (v *fldPoint) UnmarshalSOAP(d *soap.Decoder, start xml.StartElement) error {
	var seen [1]bool
	for {
		se, ok, err := d.Child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch se.Name {
		case fldPointFields[0].Name:
			seen[0] = true
			err = soap.XSInt.Decode(d, se, &fldPointFields[0], &v.Presence, &v.X)
		default:
			err = d.Unknown(se)
		}
		if err != nil {
			return err
		}
	}
	soap.Missing(fldPointFields[:], seen[:], &v.Presence)
	return nil
}

// fldPoint3 is {urn:fld}Point3, derived from Point by extension.
type fldPoint3 struct {
	fldPoint
	Z        int32
	Presence soap.Presence
}

var fldPoint3Fields = [...]soap.Field{{Name: fldN("Z"), GoName: "Z"}}

func (*fldPoint3) SOAPType() xml.Name { return fldN("Point3") }

func (v *fldPoint3) MarshalSOAP(e *soap.Encoder, start soap.Start) {
	e.StartElement(start)
	v.fldPoint.encodeFields(e)
	soap.XSInt.Encode(e, &fldPoint3Fields[0], &v.Presence, v.Z)
	e.EndElement()
}

func (v *fldPoint3) UnmarshalSOAP(d *soap.Decoder, start xml.StartElement) error {
	var seen0, seen1 [1]bool
	for {
		se, ok, err := d.Child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch se.Name {
		case fldPointFields[0].Name:
			seen0[0] = true
			err = soap.XSInt.Decode(d, se, &fldPointFields[0], &v.fldPoint.Presence, &v.X)
		case fldPoint3Fields[0].Name:
			seen1[0] = true
			err = soap.XSInt.Decode(d, se, &fldPoint3Fields[0], &v.Presence, &v.Z)
		default:
			err = d.Unknown(se)
		}
		if err != nil {
			return err
		}
	}
	soap.Missing(fldPointFields[:], seen0[:], &v.fldPoint.Presence)
	soap.Missing(fldPoint3Fields[:], seen1[:], &v.Presence)
	return nil
}

// fldOther is a registered type that does not derive from Point.
type fldOther struct{ Text string }

func (*fldOther) SOAPType() xml.Name { return fldN("Other") }

func (v *fldOther) MarshalSOAP(e *soap.Encoder, start soap.Start) {
	e.StartElement(start)
	e.Text(v.Text)
	e.EndElement()
}

func (v *fldOther) UnmarshalSOAP(d *soap.Decoder, start xml.StartElement) error {
	s, err := d.Text()
	v.Text = s
	return err
}

// fldAnyPoint is the interface generated for the base type Point.
type fldAnyPoint interface {
	soap.Marshaler
	asPoint() *fldPoint
}

var fldPoly = &soap.Poly[fldAnyPoint]{
	Declared: fldN("Point"),
	New:      func() fldAnyPoint { return new(fldPoint) },
}

var fldTypes = soap.TypeRegistry{
	fldN("Point"):  func() soap.Unmarshaler { return new(fldPoint) },
	fldN("Point3"): func() soap.Unmarshaler { return new(fldPoint3) },
	fldN("Other"):  func() soap.Unmarshaler { return new(fldOther) },
}

// fldCmp compares decoded values, Presence by Equal.
var fldCmp = gocmp.Options{
	gocmp.Comparer(func(a, b soap.Presence) bool { return a.Equal(b) }),
	gocmp.AllowUnexported(fldPoint3{}),
}

// fldPresence builds a Presence from field, state pairs.
func fldPresence(kv ...any) soap.Presence {
	var p soap.Presence
	for i := 0; i < len(kv); i += 2 {
		p.Set(kv[i].(string), kv[i+1].(soap.State))
	}
	return p
}

// fldField returns the field v (unqualified, GoName V) with the given flags.
func fldField(optional, nillable, zeroUnset bool) soap.Field {
	return soap.Field{Name: xml.Name{Local: "v"}, GoName: "V", Optional: optional, Nillable: nillable, ZeroUnset: zeroUnset}
}

func fldFlags(f soap.Field) string {
	return fmt.Sprintf("optional=%v,nillable=%v,zeroUnset=%v", f.Optional, f.Nillable, f.ZeroUnset)
}

func TestCodecEncodeStateTable(t *testing.T) {
	// One row per field configuration, recorded state and zero/non-zero value; the string field
	// holds "" or "x", the int32 field 0 or 7.
	tests := []struct {
		optional, nillable, zeroUnset bool
		state                         soap.State
		zero                          bool
		wantString, wantInt32         string
	}{
		{false, false, false, soap.Default, true, `<v></v>`, `<v>0</v>`},
		{false, false, false, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{false, false, false, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{false, false, false, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{false, false, false, soap.Absent, true, ``, ``},
		{false, false, false, soap.Absent, false, ``, ``},
		{false, false, false, soap.Nil, true, fldNil, fldNil},
		{false, false, false, soap.Nil, false, fldNil, fldNil},
		{false, false, true, soap.Default, true, `<v></v>`, `<v>0</v>`},
		{false, false, true, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{false, false, true, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{false, false, true, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{false, false, true, soap.Absent, true, ``, ``},
		{false, false, true, soap.Absent, false, ``, ``},
		{false, false, true, soap.Nil, true, fldNil, fldNil},
		{false, false, true, soap.Nil, false, fldNil, fldNil},
		{false, true, false, soap.Default, true, `<v></v>`, `<v>0</v>`},
		{false, true, false, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{false, true, false, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{false, true, false, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{false, true, false, soap.Absent, true, ``, ``},
		{false, true, false, soap.Absent, false, ``, ``},
		{false, true, false, soap.Nil, true, fldNil, fldNil},
		{false, true, false, soap.Nil, false, fldNil, fldNil},
		{false, true, true, soap.Default, true, fldNil, fldNil},
		{false, true, true, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{false, true, true, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{false, true, true, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{false, true, true, soap.Absent, true, ``, ``},
		{false, true, true, soap.Absent, false, ``, ``},
		{false, true, true, soap.Nil, true, fldNil, fldNil},
		{false, true, true, soap.Nil, false, fldNil, fldNil},
		{true, false, false, soap.Default, true, `<v></v>`, `<v>0</v>`},
		{true, false, false, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{true, false, false, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{true, false, false, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{true, false, false, soap.Absent, true, ``, ``},
		{true, false, false, soap.Absent, false, ``, ``},
		{true, false, false, soap.Nil, true, fldNil, fldNil},
		{true, false, false, soap.Nil, false, fldNil, fldNil},
		{true, false, true, soap.Default, true, ``, ``},
		{true, false, true, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{true, false, true, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{true, false, true, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{true, false, true, soap.Absent, true, ``, ``},
		{true, false, true, soap.Absent, false, ``, ``},
		{true, false, true, soap.Nil, true, fldNil, fldNil},
		{true, false, true, soap.Nil, false, fldNil, fldNil},
		{true, true, false, soap.Default, true, `<v></v>`, `<v>0</v>`},
		{true, true, false, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{true, true, false, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{true, true, false, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{true, true, false, soap.Absent, true, ``, ``},
		{true, true, false, soap.Absent, false, ``, ``},
		{true, true, false, soap.Nil, true, fldNil, fldNil},
		{true, true, false, soap.Nil, false, fldNil, fldNil},
		{true, true, true, soap.Default, true, ``, ``},
		{true, true, true, soap.Default, false, `<v>x</v>`, `<v>7</v>`},
		{true, true, true, soap.Present, true, `<v></v>`, `<v>0</v>`},
		{true, true, true, soap.Present, false, `<v>x</v>`, `<v>7</v>`},
		{true, true, true, soap.Absent, true, ``, ``},
		{true, true, true, soap.Absent, false, ``, ``},
		{true, true, true, soap.Nil, true, fldNil, fldNil},
		{true, true, true, soap.Nil, false, fldNil, fldNil},
	}
	if len(tests) != 64 {
		t.Fatalf("%d rows, want 64", len(tests))
	}
	for _, tt := range tests {
		f := fldField(tt.optional, tt.nillable, tt.zeroUnset)
		name := fmt.Sprintf("%s,state=%v,zero=%v", fldFlags(f), tt.state, tt.zero)
		var p soap.Presence
		p.Set("V", tt.state)
		p.Set("Other", soap.Nil) // a state recorded for another field changes nothing
		s, i := "x", int32(7)
		if tt.zero {
			s, i = "", 0
		}
		t.Run("string/"+name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSString.Encode(e, &f, &p, s) })
			if got != tt.wantString {
				t.Errorf("got %q, want %q", got, tt.wantString)
			}
		})
		t.Run("int32/"+name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSInt.Encode(e, &f, &p, i) })
			if got != tt.wantInt32 {
				t.Errorf("got %q, want %q", got, tt.wantInt32)
			}
		})
	}
}

func TestCodecEncodeNilPresence(t *testing.T) {
	// Array items and dictionary entries pass a nil Presence: the Go value decides alone.
	f := fldField(true, true, true)
	if got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSString.Encode(e, &f, nil, "") }); got != "" {
		t.Errorf("optional unset: got %q, want nothing", got)
	}
	f = fldField(false, true, true)
	if got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSString.Encode(e, &f, nil, "") }); got != fldNil {
		t.Errorf("nillable unset: got %q, want %q", got, fldNil)
	}
	if got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSString.Encode(e, &f, nil, "a<b") }); got != `<v>a&lt;b</v>` {
		t.Errorf("value: got %q", got)
	}
}

const (
	fldAbsent = iota
	fldNilForm
	fldZero
	fldValue
)

func TestPresenceContract(t *testing.T) {
	// Decoding each wire form into a fresh value records what the Go value alone would not
	// reproduce; encoding it again gives the same wire form.
	tests := []struct {
		optional, nillable, zeroUnset bool
		form                          int
		want                          soap.State
	}{
		{false, false, false, fldAbsent, soap.Absent},
		{false, false, false, fldNilForm, soap.Nil},
		{false, false, false, fldZero, soap.Default},
		{false, false, false, fldValue, soap.Default},
		{false, false, true, fldAbsent, soap.Absent},
		{false, false, true, fldNilForm, soap.Nil},
		{false, false, true, fldZero, soap.Default},
		{false, false, true, fldValue, soap.Default},
		{false, true, false, fldAbsent, soap.Absent},
		{false, true, false, fldNilForm, soap.Nil},
		{false, true, false, fldZero, soap.Default},
		{false, true, false, fldValue, soap.Default},
		{false, true, true, fldAbsent, soap.Absent},
		{false, true, true, fldNilForm, soap.Default},
		{false, true, true, fldZero, soap.Present},
		{false, true, true, fldValue, soap.Default},
		{true, false, false, fldAbsent, soap.Absent},
		{true, false, false, fldNilForm, soap.Nil},
		{true, false, false, fldZero, soap.Default},
		{true, false, false, fldValue, soap.Default},
		{true, false, true, fldAbsent, soap.Default},
		{true, false, true, fldNilForm, soap.Nil},
		{true, false, true, fldZero, soap.Present},
		{true, false, true, fldValue, soap.Default},
		{true, true, false, fldAbsent, soap.Absent},
		{true, true, false, fldNilForm, soap.Nil},
		{true, true, false, fldZero, soap.Default},
		{true, true, false, fldValue, soap.Default},
		{true, true, true, fldAbsent, soap.Default},
		{true, true, true, fldNilForm, soap.Nil},
		{true, true, true, fldZero, soap.Present},
		{true, true, true, fldValue, soap.Default},
	}
	forms := map[int]struct{ name, str, i32 string }{
		fldAbsent:  {"absent", ``, ``},
		fldNilForm: {"nil", fldNil, fldNil},
		fldZero:    {"zero", `<v></v>`, `<v>0</v>`},
		fldValue:   {"value", `<v>x</v>`, `<v>7</v>`},
	}
	for _, tt := range tests {
		f := fldField(tt.optional, tt.nillable, tt.zeroUnset)
		form := forms[tt.form]
		name := fldFlags(f) + "," + form.name
		t.Run("string/"+name, func(t *testing.T) {
			var v struct {
				V        string
				Presence soap.Presence
			}
			v.Presence.Set("Stale", soap.Absent)
			v.Presence.Set("Stale", soap.Default)
			err := fldDecodeOne(t, form.str, &f, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
				return soap.XSString.Decode(d, se, &f, &v.Presence, &v.V)
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Presence.State("V"); got != tt.want {
				t.Errorf("recorded %v, want %v", got, tt.want)
			}
			if want := fldPresence("V", tt.want); !v.Presence.Equal(want) {
				t.Errorf("Presence fields %v, want %v", v.Presence.Fields(), want.Fields())
			}
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSString.Encode(e, &f, &v.Presence, v.V) })
			if got != form.str {
				t.Errorf("re-encoded %q, want %q", got, form.str)
			}
		})
		t.Run("int32/"+name, func(t *testing.T) {
			var v struct {
				V        int32
				Presence soap.Presence
			}
			err := fldDecodeOne(t, form.i32, &f, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
				return soap.XSInt.Decode(d, se, &f, &v.Presence, &v.V)
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Presence.State("V"); got != tt.want {
				t.Errorf("recorded %v, want %v", got, tt.want)
			}
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSInt.Encode(e, &f, &v.Presence, v.V) })
			if got != form.i32 {
				t.Errorf("re-encoded %q, want %q", got, form.i32)
			}
		})
	}
}

func TestObserve(t *testing.T) {
	f := fldField(true, true, true)
	t.Run("nil Presence records nothing", func(t *testing.T) {
		f.Observe(nil, soap.Nil, true)
		soap.Missing([]soap.Field{f}, []bool{false}, nil)
	})
	t.Run("observing the default removes a stale record", func(t *testing.T) {
		p := fldPresence("V", soap.Nil, "W", soap.Absent)
		f.Observe(&p, soap.Present, false)
		if got, want := p.Fields(), []string{"W"}; !slices.Equal(got, want) {
			t.Errorf("Fields = %v, want %v", got, want)
		}
	})
	t.Run("observing a different state records it", func(t *testing.T) {
		var p soap.Presence
		f.Observe(&p, soap.Present, true)
		if got := p.State("V"); got != soap.Present {
			t.Errorf("State = %v, want Present", got)
		}
	})
	t.Run("Missing records only fields not seen", func(t *testing.T) {
		fields := []soap.Field{
			{Name: xml.Name{Local: "a"}, GoName: "A"},
			{Name: xml.Name{Local: "b"}, GoName: "B", Optional: true, ZeroUnset: true},
			{Name: xml.Name{Local: "c"}, GoName: "C", Optional: true},
			{Name: xml.Name{Local: "d"}, GoName: "D"},
		}
		var p soap.Presence
		soap.Missing(fields, []bool{false, false, false, true}, &p)
		want := fldPresence("A", soap.Absent, "C", soap.Absent)
		if !p.Equal(want) {
			t.Errorf("Fields = %v, want [A C] Absent", p.Fields())
		}
	})
}

func TestPresence(t *testing.T) {
	t.Run("zero value", func(t *testing.T) {
		var p soap.Presence
		if got := p.State("A"); got != soap.Default {
			t.Errorf("State = %v", got)
		}
		if got := p.Fields(); len(got) != 0 {
			t.Errorf("Fields = %v", got)
		}
		if !p.Equal(soap.Presence{}) {
			t.Error("zero Presence not Equal to zero")
		}
	})
	t.Run("Set keeps entries sorted", func(t *testing.T) {
		var p soap.Presence
		for _, f := range []string{"m", "c", "x", "a", "d", "b"} {
			p.Set(f, soap.Nil)
		}
		if got, want := p.Fields(), []string{"a", "b", "c", "d", "m", "x"}; !slices.Equal(got, want) {
			t.Errorf("Fields = %v, want %v", got, want)
		}
	})
	t.Run("Set replaces, Default deletes", func(t *testing.T) {
		var p soap.Presence
		p.SetNil("b")
		p.SetAbsent("a")
		p.SetPresent("c")
		p.Set("b", soap.Absent)
		if p.State("a") != soap.Absent || p.State("b") != soap.Absent || p.State("c") != soap.Present {
			t.Errorf("states a=%v b=%v c=%v", p.State("a"), p.State("b"), p.State("c"))
		}
		if !p.IsAbsent("b") || p.IsNil("b") {
			t.Error("IsAbsent/IsNil of b")
		}
		p.SetNil("c")
		if !p.IsNil("c") {
			t.Error("IsNil(c) = false")
		}
		p.Set("b", soap.Default)
		p.Set("zzz", soap.Default) // deleting an absent entry is a no-op
		if got, want := p.Fields(), []string{"a", "c"}; !slices.Equal(got, want) {
			t.Errorf("Fields = %v, want %v", got, want)
		}
		p.Set("a", soap.Default)
		p.Set("c", soap.Default)
		if len(p.Fields()) != 0 || !p.Equal(soap.Presence{}) {
			t.Errorf("Fields after deleting all = %v", p.Fields())
		}
	})
	t.Run("Equal", func(t *testing.T) {
		a := fldPresence("x", soap.Nil, "y", soap.Absent)
		b := fldPresence("y", soap.Absent, "x", soap.Nil)
		if !a.Equal(b) || !b.Equal(a) {
			t.Error("same states in another order are not Equal")
		}
		c := fldPresence("x", soap.Nil, "y", soap.Present)
		if a.Equal(c) {
			t.Error("different states are Equal")
		}
		d := fldPresence("x", soap.Nil)
		if a.Equal(d) || d.Equal(a) {
			t.Error("different fields are Equal")
		}
		e := fldPresence("x", soap.Nil, "y", soap.Absent, "z", soap.Nil)
		e.Set("z", soap.Default)
		if !a.Equal(e) {
			t.Error("Presence with a deleted entry is not Equal")
		}
	})
	t.Run("copies are independent", func(t *testing.T) {
		// Presence is a value type, copied with its struct.
		orig := fldPresence("a", soap.Nil, "c", soap.Absent, "e", soap.Present)
		for _, change := range []struct {
			name string
			do   func(p *soap.Presence)
		}{
			{"update", func(p *soap.Presence) { p.Set("c", soap.Nil) }},
			{"delete", func(p *soap.Presence) { p.Set("a", soap.Default) }},
			{"insert", func(p *soap.Presence) { p.Set("b", soap.Absent) }},
		} {
			t.Run(change.name, func(t *testing.T) {
				p := orig
				q := p
				change.do(&q)
				want := fldPresence("a", soap.Nil, "c", soap.Absent, "e", soap.Present)
				if !p.Equal(want) {
					t.Errorf("changing a copy changed the original: %v / a=%v c=%v e=%v",
						p.Fields(), p.State("a"), p.State("c"), p.State("e"))
				}
			})
		}
		t.Run("insert into spare capacity", func(t *testing.T) {
			var p soap.Presence
			for _, f := range []string{"a", "b", "c", "d", "e"} {
				p.Set(f, soap.Nil)
			}
			p.Set("e", soap.Default) // leaves spare capacity
			q := p
			q.Set("b0", soap.Absent)
			r := p
			r.Set("a0", soap.Present)
			if got, want := p.Fields(), []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
				t.Errorf("original Fields = %v, want %v", got, want)
			}
			if got, want := q.Fields(), []string{"a", "b", "b0", "c", "d"}; !slices.Equal(got, want) {
				t.Errorf("first copy Fields = %v, want %v", got, want)
			}
			if q.State("b0") != soap.Absent || q.State("a0") != soap.Default {
				t.Errorf("first copy states b0=%v a0=%v", q.State("b0"), q.State("a0"))
			}
		})
	})
	t.Run("State String", func(t *testing.T) {
		for s, want := range map[soap.State]string{soap.Default: "Default", soap.Present: "Present", soap.Absent: "Absent", soap.Nil: "Nil", soap.State(9): "State(9)"} {
			if got := s.String(); got != want {
				t.Errorf("%d.String() = %q, want %q", s, got, want)
			}
		}
	})
}

func TestCodecDecodeErrors(t *testing.T) {
	f := fldField(false, false, false)
	t.Run("invalid value", func(t *testing.T) {
		d := fldDecoder(t, `<v>x</v>`)
		se := decChild(t, d, "v")
		v := int32(5)
		p := fldPresence("V", soap.Nil)
		err := soap.XSInt.Decode(d, se, &f, &p, &v)
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
		d := fldDecoder(t, `<v>1<w/></v>`)
		se := decChild(t, d, "v")
		var v int32
		decWantDecodeError(t, soap.XSInt.Decode(d, se, &f, nil, &v), "element <w> inside simple content")
	})
	t.Run("nil with content is skipped", func(t *testing.T) {
		d := fldDecoder(t, `<v xsi:nil="true">7<w/></v><after>1</after>`)
		se := decChild(t, d, "v")
		v := int32(5)
		if err := soap.XSInt.Decode(d, se, &f, nil, &v); err != nil {
			t.Fatal(err)
		}
		if v != 0 {
			t.Errorf("v = %d, want 0", v)
		}
		decChild(t, d, "after")
	})
}

func TestCodecRef(t *testing.T) {
	ptr := func(s string) *string { return &s }
	tests := []struct {
		name  string
		field soap.Field
		wire  string
		want  *string
		state soap.State
	}{
		{"optional absent", fldField(true, true, true), ``, nil, soap.Default},
		{"optional nil", fldField(true, true, true), fldNil, nil, soap.Nil},
		{"optional empty", fldField(true, true, true), `<v></v>`, ptr(""), soap.Default},
		{"optional value", fldField(true, true, true), `<v>x</v>`, ptr("x"), soap.Default},
		{"nillable absent", fldField(false, true, true), ``, nil, soap.Absent},
		{"nillable nil", fldField(false, true, true), fldNil, nil, soap.Default},
		{"nillable empty", fldField(false, true, true), `<v></v>`, ptr(""), soap.Default},
		{"required absent", fldField(false, false, true), ``, nil, soap.Absent},
		{"required nil", fldField(false, false, true), fldNil, nil, soap.Nil},
		{"required value", fldField(false, false, true), `<v>y</v>`, ptr("y"), soap.Default},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct {
				V        *string
				Presence soap.Presence
			}
			err := fldDecodeOne(t, tt.wire, &tt.field, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
				return soap.XSString.DecodeRef(d, se, &tt.field, &v.Presence, &v.V)
			})
			if err != nil {
				t.Fatal(err)
			}
			if !gocmp.Equal(v.V, tt.want) {
				t.Errorf("decoded %v, want %v", v.V, tt.want)
			}
			if got := v.Presence.State("V"); got != tt.state {
				t.Errorf("recorded %v, want %v", got, tt.state)
			}
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSString.EncodeRef(e, &tt.field, &v.Presence, v.V) })
			if got != tt.wire {
				t.Errorf("re-encoded %q, want %q", got, tt.wire)
			}
		})
	}
	t.Run("nil pointer recorded Present writes the zero value", func(t *testing.T) {
		f := fldField(true, true, true)
		p := fldPresence("V", soap.Present)
		if got := fldMustEncode(t, func(e *soap.Encoder) { soap.XSInt.EncodeRef(e, &f, &p, nil) }); got != `<v>0</v>` {
			t.Errorf("got %q", got)
		}
	})
	t.Run("invalid value", func(t *testing.T) {
		f := fldField(true, true, true)
		d := fldDecoder(t, `<v>x</v>`)
		se := decChild(t, d, "v")
		old := int32(1)
		dst := &old
		decWantDecodeError(t, soap.XSInt.DecodeRef(d, se, &f, nil, &dst), "is not a valid xs:int")
		if dst != &old {
			t.Error("destination changed")
		}
	})
}

func TestPtr(t *testing.T) {
	tests := []struct {
		name  string
		field soap.Field
		wire  string
		want  *fldPoint
		state soap.State
	}{
		{"optional absent", fldField(true, true, true), ``, nil, soap.Default},
		{"optional nil", fldField(true, true, true), fldNil, nil, soap.Nil},
		{"optional empty", fldField(true, true, true), `<v/>`, &fldPoint{Presence: fldPresence("X", soap.Absent)}, soap.Default},
		{"optional value", fldField(true, true, true), `<v><f:X>0</f:X></v>`, &fldPoint{}, soap.Default},
		{"nillable absent", fldField(false, true, true), ``, nil, soap.Absent},
		{"nillable nil", fldField(false, true, true), fldNil, nil, soap.Default},
		{"nillable value", fldField(false, true, true), `<v><f:X>3</f:X></v>`, &fldPoint{X: 3}, soap.Default},
		{"required nil", fldField(false, false, true), fldNil, nil, soap.Nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct {
				V        *fldPoint
				Presence soap.Presence
			}
			err := fldDecodeOne(t, tt.wire, &tt.field, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
				return soap.DecodePtr(d, se, &tt.field, &v.Presence, &v.V)
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, v.V, fldCmp); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if got := v.Presence.State("V"); got != tt.state {
				t.Errorf("recorded %v, want %v", got, tt.state)
			}
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.EncodePtr(e, &tt.field, &v.Presence, v.V) })
			if got != tt.wire {
				t.Errorf("re-encoded %q, want %q", got, tt.wire)
			}
		})
	}
	t.Run("nil pointer recorded Present writes a new value", func(t *testing.T) {
		f := fldField(true, true, true)
		p := fldPresence("V", soap.Present)
		got := fldMustEncode(t, func(e *soap.Encoder) { soap.EncodePtr[fldPoint](e, &f, &p, nil) })
		if got != `<v><f:X>0</f:X></v>` {
			t.Errorf("got %q", got)
		}
	})
	t.Run("error inside", func(t *testing.T) {
		f := fldField(true, true, true)
		d := fldDecoder(t, `<v><f:X>x</f:X></v>`)
		se := decChild(t, d, "v")
		var dst *fldPoint
		de := decWantDecodeError(t, soap.DecodePtr(d, se, &f, nil, &dst), "is not a valid xs:int")
		if de.Path != "r/v/X" {
			t.Errorf("Path = %q, want r/v/X", de.Path)
		}
		if dst != nil {
			t.Error("destination set despite the error")
		}
	})
}

var fldPointArray = &soap.Array[*fldPoint]{
	Item:       soap.Field{Name: fldN("P"), Nillable: true, ZeroUnset: true},
	EncodeItem: soap.EncodePtr[fldPoint],
	DecodeItem: soap.DecodePtr[fldPoint],
}

func TestArray(t *testing.T) {
	optional := soap.Field{Name: xml.Name{Local: "a"}, GoName: "A", Optional: true, Nillable: true, ZeroUnset: true}
	nillable := soap.Field{Name: xml.Name{Local: "a"}, GoName: "A", Nillable: true, ZeroUnset: true}
	required := soap.Field{Name: xml.Name{Local: "a"}, GoName: "A"}
	items := []*fldPoint{{X: 1}, nil, {X: 0}}
	const itemsWire = `<a><f:P><f:X>1</f:X></f:P><f:P xsi:nil="true"/><f:P><f:X>0</f:X></f:P></a>`
	tests := []struct {
		name  string
		field soap.Field
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
			got := fldMustEncode(t, func(e *soap.Encoder) { fldPointArray.Encode(e, &tt.field, nil, tt.v) })
			if got != tt.wire {
				t.Fatalf("encoded %q, want %q", got, tt.wire)
			}
			var v struct {
				A        []*fldPoint
				Presence soap.Presence
			}
			err := fldDecodeOne(t, tt.wire, &tt.field, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
				return fldPointArray.Decode(d, se, &tt.field, &v.Presence, &v.A)
			})
			if err != nil {
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
		err := fldDecodeOne(t, `<a xsi:nil="true"/>`, &optional, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
			return fldPointArray.Decode(d, se, &optional, &v.Presence, &v.A)
		})
		if err != nil {
			t.Fatal(err)
		}
		if v.A != nil || v.Presence.State("A") != soap.Nil {
			t.Errorf("decoded %v, recorded %v; want nil, Nil", v.A, v.Presence.State("A"))
		}
		if got := fldMustEncode(t, func(e *soap.Encoder) { fldPointArray.Encode(e, &optional, &v.Presence, v.A) }); got != `<a xsi:nil="true"/>` {
			t.Errorf("re-encoded %q", got)
		}
	})
	t.Run("recorded Absent leaves items out", func(t *testing.T) {
		p := fldPresence("A", soap.Absent)
		if got := fldMustEncode(t, func(e *soap.Encoder) { fldPointArray.Encode(e, &optional, &p, items) }); got != "" {
			t.Errorf("got %q", got)
		}
	})
	const withUnknown = `<a><f:P><f:X>1</f:X></f:P><f:Q>skip<f:P/></f:Q><P/><f:P/></a>`
	t.Run("unknown children are skipped", func(t *testing.T) {
		d := fldDecoder(t, withUnknown)
		se := decChild(t, d, "a")
		var got []*fldPoint
		if err := fldPointArray.Decode(d, se, &optional, nil, &got); err != nil {
			t.Fatal(err)
		}
		want := []*fldPoint{{X: 1}, {Presence: fldPresence("X", soap.Absent)}}
		if diff := gocmp.Diff(want, got, fldCmp); diff != "" {
			t.Errorf("decoded (-want +got):\n%s", diff)
		}
		decNoChild(t, d)
	})
	t.Run("unknown children with DisallowUnknown", func(t *testing.T) {
		d := fldDecoder(t, withUnknown)
		d.DisallowUnknown = true
		se := decChild(t, d, "a")
		var got []*fldPoint
		de := decWantDecodeError(t, fldPointArray.Decode(d, se, &optional, nil, &got), "unknown element {urn:fld}Q")
		if de.Path != "r/a/Q" {
			t.Errorf("Path = %q", de.Path)
		}
	})
	t.Run("item error", func(t *testing.T) {
		d := fldDecoder(t, `<a><f:P><f:X>1</f:X></f:P><f:P><f:X>y</f:X></f:P></a>`)
		se := decChild(t, d, "a")
		var got []*fldPoint
		decWantDecodeError(t, fldPointArray.Decode(d, se, &optional, nil, &got), `"y" is not a valid xs:int`)
		if got != nil {
			t.Errorf("destination set to %v despite the error", got)
		}
	})
}

func TestArrayOfArray(t *testing.T) {
	inner := &soap.Array[int32]{
		Item:       soap.Field{Name: xml.Name{Local: "i"}},
		EncodeItem: soap.XSInt.Encode,
		DecodeItem: soap.XSInt.Decode,
	}
	tests := []struct {
		name string
		row  soap.Field
		v    [][]int32
		wire string
		want [][]int32
	}{
		{"rows required", soap.Field{Name: xml.Name{Local: "row"}},
			[][]int32{{1, 2}, {}, nil, {3}},
			`<m><row><i>1</i><i>2</i></row><row/><row/><row><i>3</i></row></m>`,
			[][]int32{{1, 2}, {}, {}, {3}}},
		{"rows nillable", soap.Field{Name: xml.Name{Local: "row"}, Nillable: true, ZeroUnset: true},
			[][]int32{{1, 2}, {}, nil, {3}},
			`<m><row><i>1</i><i>2</i></row><row/><row xsi:nil="true"/><row><i>3</i></row></m>`,
			[][]int32{{1, 2}, {}, nil, {3}}},
		{"no rows", soap.Field{Name: xml.Name{Local: "row"}}, [][]int32{}, `<m/>`, [][]int32{}},
	}
	f := soap.Field{Name: xml.Name{Local: "m"}, GoName: "M", Optional: true, ZeroUnset: true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outer := &soap.Array[[]int32]{Item: tt.row, EncodeItem: inner.Encode, DecodeItem: inner.Decode}
			got := fldMustEncode(t, func(e *soap.Encoder) { outer.Encode(e, &f, nil, tt.v) })
			if got != tt.wire {
				t.Fatalf("encoded %q, want %q", got, tt.wire)
			}
			d := fldDecoder(t, tt.wire)
			se := decChild(t, d, "m")
			var v [][]int32
			if err := outer.Decode(d, se, &f, nil, &v); err != nil {
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
	// The field of a repeated element describes one occurrence (as Array.Item does): it is not
	// Optional, since an item is never left out.
	plain := soap.Field{Name: xml.Name{Local: "s"}, GoName: "S"}
	nillable := soap.Field{Name: xml.Name{Local: "s"}, GoName: "S", Nillable: true, ZeroUnset: true}
	tests := []struct {
		name  string
		field soap.Field
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
			got := fldMustEncode(t, func(e *soap.Encoder) { soap.EncodeRepeated(e, &tt.field, nil, tt.v, soap.XSString.Encode) })
			if got != tt.wire {
				t.Fatalf("encoded %q, want %q", got, tt.wire)
			}
			var v []string
			var p soap.Presence
			err := fldDecodeOne(t, tt.wire, &tt.field, &p, func(d *soap.Decoder, se xml.StartElement) error {
				return soap.DecodeAppend(d, se, &tt.field, nil, &v, soap.XSString.Decode)
			})
			if err != nil {
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
		f := soap.Field{Name: fldN("P"), Nillable: true, ZeroUnset: true}
		v := []*fldPoint{{X: 1}, nil}
		got := fldMustEncode(t, func(e *soap.Encoder) { soap.EncodeRepeated(e, &f, nil, v, soap.EncodePtr[fldPoint]) })
		if want := `<f:P><f:X>1</f:X></f:P><f:P xsi:nil="true"/>`; got != want {
			t.Fatalf("encoded %q, want %q", got, want)
		}
		var back []*fldPoint
		err := fldDecodeOne(t, got, &f, nil, func(d *soap.Decoder, se xml.StartElement) error {
			return soap.DecodeAppend(d, se, &f, nil, &back, soap.DecodePtr[fldPoint])
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(v, back, fldCmp); diff != "" {
			t.Errorf("decoded (-want +got):\n%s", diff)
		}
	})
	t.Run("error leaves the slice alone", func(t *testing.T) {
		f := soap.Field{Name: xml.Name{Local: "n"}}
		v := []int32{1}
		err := fldDecodeOne(t, `<n>2</n><n>z</n>`, &f, nil, func(d *soap.Decoder, se xml.StartElement) error {
			return soap.DecodeAppend(d, se, &f, nil, &v, soap.XSInt.Decode)
		})
		decWantDecodeError(t, err, `"z" is not a valid xs:int`)
		if !slices.Equal(v, []int32{1, 2}) {
			t.Errorf("v = %v, want [1 2]", v)
		}
	})
}

func fldStringDict() *soap.Dict[string, string] {
	return &soap.Dict[string, string]{
		Pair:        xml.Name{Local: "kv"},
		Key:         soap.Field{Name: xml.Name{Local: "k"}, Nillable: true},
		Value:       soap.Field{Name: xml.Name{Local: "v"}, Nillable: true},
		EncodeKey:   soap.XSString.Encode,
		DecodeKey:   soap.XSString.Decode,
		EncodeValue: soap.XSString.Encode,
		DecodeValue: soap.XSString.Decode,
		Compare:     strings.Compare,
	}
}

// fldDictRoundTrip encodes m as <d>, compares with wire, decodes wire and compares with m.
func fldDictRoundTrip[K comparable, V any](t *testing.T, dict *soap.Dict[K, V], f *soap.Field, m map[K]V, wire string) {
	t.Helper()
	got := fldMustEncode(t, func(e *soap.Encoder) { dict.Encode(e, f, nil, m) })
	if got != wire {
		t.Fatalf("encoded\n%s\nwant\n%s", got, wire)
	}
	if wire == "" {
		return
	}
	d := fldDecoder(t, wire)
	se := decChild(t, d, "d")
	var back map[K]V
	if err := dict.Decode(d, se, f, nil, &back); err != nil {
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
	optional := soap.Field{Name: xml.Name{Local: "d"}, GoName: "D", Optional: true, Nillable: true, ZeroUnset: true}
	t.Run("string keys sorted", func(t *testing.T) {
		fldDictRoundTrip(t, fldStringDict(), &optional, map[string]string{"b": "2", "a": "1", "": "e", "c": "", "B": "3"},
			`<d><kv><k></k><v>e</v></kv><kv><k>B</k><v>3</v></kv><kv><k>a</k><v>1</v></kv><kv><k>b</k><v>2</v></kv><kv><k>c</k><v></v></kv></d>`)
	})
	t.Run("int32 keys sorted by number", func(t *testing.T) {
		dict := &soap.Dict[int32, string]{
			Pair: xml.Name{Local: "kv"}, Key: soap.Field{Name: xml.Name{Local: "k"}}, Value: soap.Field{Name: xml.Name{Local: "v"}},
			EncodeKey: soap.XSInt.Encode, DecodeKey: soap.XSInt.Decode,
			EncodeValue: soap.XSString.Encode, DecodeValue: soap.XSString.Decode,
			Compare: cmp.Compare[int32],
		}
		fldDictRoundTrip(t, dict, &optional, map[int32]string{10: "x", -1: "y", 2: "z", 0: ""},
			`<d><kv><k>-1</k><v>y</v></kv><kv><k>0</k><v></v></kv><kv><k>2</k><v>z</v></kv><kv><k>10</k><v>x</v></kv></d>`)
	})
	t.Run("DateTime keys sorted by instant", func(t *testing.T) {
		dict := &soap.Dict[soap.DateTime, int32]{
			Pair: xml.Name{Local: "kv"}, Key: soap.Field{Name: xml.Name{Local: "k"}}, Value: soap.Field{Name: xml.Name{Local: "v"}},
			EncodeKey: soap.XSDateTime.Encode, DecodeKey: soap.XSDateTime.Decode,
			EncodeValue: soap.XSInt.Encode, DecodeValue: soap.XSInt.Decode,
			Compare: soap.DateTime.Compare,
		}
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
		fldDictRoundTrip(t, dict, &optional, m,
			`<d><kv><k>2020-01-01T00:00:00Z</k><v>1</v></kv><kv><k>2019-12-31T23:00:00-02:00</k><v>2</v></kv><kv><k>2020-01-02T00:00:00Z</k><v>3</v></kv></d>`)
	})
	t.Run("pointer values", func(t *testing.T) {
		dict := &soap.Dict[string, *fldPoint]{
			Pair: xml.Name{Local: "kv"}, Key: soap.Field{Name: xml.Name{Local: "k"}, Nillable: true},
			Value:     soap.Field{Name: xml.Name{Local: "v"}, Nillable: true, ZeroUnset: true},
			EncodeKey: soap.XSString.Encode, DecodeKey: soap.XSString.Decode,
			EncodeValue: soap.EncodePtr[fldPoint], DecodeValue: soap.DecodePtr[fldPoint],
			Compare: strings.Compare,
		}
		fldDictRoundTrip(t, dict, &optional, map[string]*fldPoint{"p": {X: 4}, "n": nil},
			`<d><kv><k>n</k><v xsi:nil="true"/></kv><kv><k>p</k><v><f:X>4</f:X></v></kv></d>`)
	})
	t.Run("nil map, optional", func(t *testing.T) {
		fldDictRoundTrip(t, fldStringDict(), &optional, nil, ``)
	})
	t.Run("nil map, nillable", func(t *testing.T) {
		f := soap.Field{Name: xml.Name{Local: "d"}, GoName: "D", Nillable: true, ZeroUnset: true}
		got := fldMustEncode(t, func(e *soap.Encoder) { fldStringDict().Encode(e, &f, nil, nil) })
		if got != `<d xsi:nil="true"/>` {
			t.Errorf("got %q", got)
		}
		d := fldDecoder(t, got)
		se := decChild(t, d, "d")
		m := map[string]string{"old": "x"}
		var p soap.Presence
		if err := fldStringDict().Decode(d, se, &f, &p, &m); err != nil {
			t.Fatal(err)
		}
		if m != nil || p.State("D") != soap.Default {
			t.Errorf("decoded %v, recorded %v; want nil, Default", m, p.State("D"))
		}
	})
	t.Run("nil map, required", func(t *testing.T) {
		f := soap.Field{Name: xml.Name{Local: "d"}, GoName: "D"}
		if got := fldMustEncode(t, func(e *soap.Encoder) { fldStringDict().Encode(e, &f, nil, nil) }); got != `<d/>` {
			t.Errorf("got %q", got)
		}
	})
	t.Run("empty map", func(t *testing.T) {
		fldDictRoundTrip(t, fldStringDict(), &optional, map[string]string{}, `<d/>`)
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
			d := fldDecoder(t, tt.wire)
			se := decChild(t, d, "d")
			var m map[string]string
			if err := fldStringDict().Decode(d, se, &optional, nil, &m); err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, m); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			decNoChild(t, d)
		})
	}
	for _, wire := range []string{`<d><x/></d>`, `<d><kv><y/></kv></d>`} {
		t.Run("DisallowUnknown "+wire, func(t *testing.T) {
			d := fldDecoder(t, wire)
			d.DisallowUnknown = true
			se := decChild(t, d, "d")
			var m map[string]string
			decWantDecodeError(t, fldStringDict().Decode(d, se, &optional, nil, &m), "unknown element")
			if m != nil {
				t.Errorf("destination set to %v", m)
			}
		})
	}
}

func TestPoly(t *testing.T) {
	optional := fldField(true, true, true)
	nillable := fldField(false, true, true)
	encodeTests := []struct {
		name  string
		field soap.Field
		v     fldAnyPoint
		want  string
	}{
		{"nil interface, optional", optional, nil, ``},
		{"typed nil, optional", optional, (*fldPoint)(nil), ``},
		{"typed nil, nillable", nillable, (*fldPoint3)(nil), fldNil},
		{"typed nil, required", fldField(false, false, true), (*fldPoint)(nil), `<v/>`},
		{"base type: no xsi:type", optional, &fldPoint{X: 1}, `<v><f:X>1</f:X></v>`},
		{"derived type: xsi:type", optional, &fldPoint3{fldPoint: fldPoint{X: 1}, Z: 2}, `<v xsi:type="f:Point3"><f:X>1</f:X><f:Z>2</f:Z></v>`},
	}
	for _, tt := range encodeTests {
		t.Run("encode "+tt.name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *soap.Encoder) { fldPoly.Encode(e, &tt.field, nil, tt.v) })
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("encode recorded Nil", func(t *testing.T) {
		p := fldPresence("V", soap.Nil)
		if got := fldMustEncode(t, func(e *soap.Encoder) { fldPoly.Encode(e, &optional, &p, &fldPoint{}) }); got != fldNil {
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
			err := fldDecodeOne(t, tt.wire, &optional, &v.Presence, func(d *soap.Decoder, se xml.StartElement) error {
				return fldPoly.Decode(d, se, &optional, &v.Presence, &v.V)
			})
			if err != nil {
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
		if err := fldDecodeOne(t, wire, &optional, nil, func(d *soap.Decoder, se xml.StartElement) error {
			return fldPoly.Decode(d, se, &optional, nil, &got)
		}); err != nil {
			t.Fatal(err)
		}
		if out := fldMustEncode(t, func(e *soap.Encoder) { fldPoly.Encode(e, &optional, nil, got) }); out != wire {
			t.Errorf("re-encoded %q, want %q", out, wire)
		}
	})
	errorTests := []struct {
		name, wire, msg string
		types           soap.TypeRegistry
	}{
		{"unknown xsi:type", `<v xsi:type="f:Nope"/>`, "xsi:type {urn:fld}Nope is not a known type", fldTypes},
		{"not derived", `<v xsi:type="f:Other">x</v>`, "xsi:type {urn:fld}Other is not derived from {urn:fld}Point", fldTypes},
		{"no registry", `<v xsi:type="f:Point3"/>`, "xsi:type {urn:fld}Point3 is not a known type", nil},
		{"undeclared prefix", `<v xsi:type="g:Point3"/>`, `prefix "g" is not declared`, fldTypes},
		{"error inside", `<v xsi:type="f:Point3"><f:Z>z</f:Z></v>`, `"z" is not a valid xs:int`, fldTypes},
	}
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			d := fldDecoder(t, tt.wire)
			d.Types = tt.types
			se := decChild(t, d, "v")
			var v fldAnyPoint = &fldPoint{X: 9}
			decWantDecodeError(t, fldPoly.Decode(d, se, &optional, nil, &v), tt.msg)
			if diff := gocmp.Diff(fldAnyPoint(&fldPoint{X: 9}), v, fldCmp); diff != "" {
				t.Errorf("destination changed (-want +got):\n%s", diff)
			}
		})
	}
}
