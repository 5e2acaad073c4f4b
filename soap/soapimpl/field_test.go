package soapimpl

import (
	"fmt"
	"slices"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

func fldFlags(f elem) string {
	return fmt.Sprintf("optional=%v,nillable=%v,zeroUnset=%v", f.flags&Optional != 0, f.flags&Nillable != 0, f.flags&ZeroUnset != 0)
}

// fldField returns the field v (unqualified, GoName V) with the given flags, converted by c.
func fldField(optional, nillable, zeroUnset bool, c *Codec) elem {
	var flags Flags
	if optional {
		flags |= Optional
	}
	if nillable {
		flags |= Nillable
	}
	if zeroUnset {
		flags |= ZeroUnset
	}
	return fld("", "v", "V", flags, c)
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
		f := fldField(tt.optional, tt.nillable, tt.zeroUnset, &XSString)
		fi := fldField(tt.optional, tt.nillable, tt.zeroUnset, &XSInt)
		name := fmt.Sprintf("%s,state=%v,zero=%v", fldFlags(f), tt.state, tt.zero)
		var p soap.Presence
		p.Set("V", tt.state)
		p.Set("Other", soap.Nil) // a state recorded for another field changes nothing
		s, i := "x", int32(7)
		if tt.zero {
			s, i = "", 0
		}
		t.Run("string/"+name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &p, &s) })
			if got != tt.wantString {
				t.Errorf("got %q, want %q", got, tt.wantString)
			}
		})
		t.Run("int32/"+name, func(t *testing.T) {
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &fi, &p, &i) })
			if got != tt.wantInt32 {
				t.Errorf("got %q, want %q", got, tt.wantInt32)
			}
		})
	}
}

func TestCodecEncodeNilPresence(t *testing.T) {
	// Array items and dictionary entries pass a nil Presence: the Go value decides alone.
	empty, lt := "", "a<b"
	f := fldField(true, true, true, &XSString)
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &empty) }); got != "" {
		t.Errorf("optional unset: got %q, want nothing", got)
	}
	f = fldField(false, true, true, &XSString)
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &empty) }); got != fldNil {
		t.Errorf("nillable unset: got %q, want %q", got, fldNil)
	}
	if got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, nil, &lt) }); got != `<v>a&lt;b</v>` {
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
		f := fldField(tt.optional, tt.nillable, tt.zeroUnset, &XSString)
		fi := fldField(tt.optional, tt.nillable, tt.zeroUnset, &XSInt)
		form := forms[tt.form]
		name := fldFlags(f) + "," + form.name
		t.Run("string/"+name, func(t *testing.T) {
			var v struct {
				V        string
				Presence soap.Presence
			}
			v.Presence.Set("Stale", soap.Absent)
			v.Presence.Set("Stale", soap.Default)
			err := fldDecodeOne(t, form.str, &f, &v.Presence, &v.V)
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Presence.State("V"); got != tt.want {
				t.Errorf("recorded %v, want %v", got, tt.want)
			}
			if want := fldPresence("V", tt.want); !v.Presence.Equal(want) {
				t.Errorf("Presence fields %v, want %v", v.Presence.Fields(), want.Fields())
			}
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &f, &v.Presence, &v.V) })
			if got != form.str {
				t.Errorf("re-encoded %q, want %q", got, form.str)
			}
		})
		t.Run("int32/"+name, func(t *testing.T) {
			var v struct {
				V        int32
				Presence soap.Presence
			}
			err := fldDecodeOne(t, form.i32, &fi, &v.Presence, &v.V)
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Presence.State("V"); got != tt.want {
				t.Errorf("recorded %v, want %v", got, tt.want)
			}
			got := fldMustEncode(t, func(e *Encoder) { fldEnc(e, &fi, &v.Presence, &v.V) })
			if got != form.i32 {
				t.Errorf("re-encoded %q, want %q", got, form.i32)
			}
		})
	}
}

func TestObserve(t *testing.T) {
	f := fldField(true, true, true, &XSString)
	t.Run("nil Presence records nothing", func(t *testing.T) {
		f.observe(nil, soap.Nil, true)
	})
	t.Run("observing the default removes a stale record", func(t *testing.T) {
		p := fldPresence("V", soap.Nil, "W", soap.Absent)
		f.observe(&p, soap.Present, false)
		if got, want := p.Fields(), []string{"W"}; !slices.Equal(got, want) {
			t.Errorf("Fields = %v, want %v", got, want)
		}
	})
	t.Run("observing a different state records it", func(t *testing.T) {
		var p soap.Presence
		f.observe(&p, soap.Present, true)
		if got := p.State("V"); got != soap.Present {
			t.Errorf("State = %v, want Present", got)
		}
	})
}
