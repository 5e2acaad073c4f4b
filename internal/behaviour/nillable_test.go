package behaviour_test

import (
	"context"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/golden/nillable"
	"github.com/sogen-go/sogen/soap"
)

const nsNillable = "http://example.com/sogen/nillable"

var nillableTypes = types(new(nillable.Inner), new(nillable.Matrix))

// matrixField is one element of the nillable fixture's Matrix, described from the schema.
type matrixField struct {
	name     string
	kind     string // Str, Int, Bool or Obj
	list     bool   // maxOccurs="unbounded"
	optional bool   // minOccurs="0"
	nillable bool
}

// matrixFields lists Matrix's elements in schema order.
func matrixFields() []matrixField {
	var out []matrixField
	for _, kind := range []string{"Str", "Int", "Bool", "Obj"} {
		for _, list := range []bool{false, true} {
			for _, opt := range []bool{true, false} {
				for _, nl := range []bool{true, false} {
					name := kind
					if list {
						name += "List"
					}
					if opt {
						name += "Opt"
					} else {
						name += "Req"
					}
					if nl {
						name += "Nil"
					} else {
						name += "NoNil"
					}
					out = append(out, matrixField{name: name, kind: kind, list: list, optional: opt, nillable: nl})
				}
			}
		}
	}
	return out
}

// value returns the Go value set in the tests, and its wire form.
func (f matrixField) value() (any, string) {
	switch f.kind {
	case "Str":
		return "v", `"v"`
	case "Int":
		return int32(7), `"7"`
	case "Bool":
		return true, `"true"`
	}
	return &nillable.Inner{Value: "v"}, `{Value="v"}`
}

// zeroForm is the wire form of the Go zero value written as a value: an empty string, 0, false, or
// the zero Inner, whose Value (an optional, non-nillable string) is written as an empty string.
func (f matrixField) zeroForm() string {
	switch f.kind {
	case "Int":
		return `"0"`
	case "Bool":
		return `"false"`
	case "Obj":
		return `{Value=empty}`
	}
	return "empty"
}

// valueXML returns the element written with the test value.
func (f matrixField) valueXML() string {
	switch f.kind {
	case "Str":
		return `<` + f.name + `>v</` + f.name + `>`
	case "Int":
		return `<` + f.name + `>7</` + f.name + `>`
	case "Bool":
		return `<` + f.name + `>true</` + f.name + `>`
	}
	return `<` + f.name + `><Value>v</Value></` + f.name + `>`
}

// set stores the test value in m's field (a one-value slice for a list).
func (f matrixField) set(m *nillable.Matrix) {
	v, _ := f.value()
	fv := reflect.ValueOf(m).Elem().FieldByName(f.name)
	if f.list {
		s := reflect.MakeSlice(fv.Type(), 1, 1)
		item := reflect.ValueOf(v)
		if s.Index(0).Kind() == reflect.Pointer && item.Kind() != reflect.Pointer {
			// A nillable number or boolean repeated element is a slice of pointers, so that
			// xsi:nil items are kept.
			p := reflect.New(item.Type())
			p.Elem().Set(item)
			item = p
		}
		s.Index(0).Set(item)
		fv.Set(s)
		return
	}
	fv.Set(reflect.ValueOf(v))
}

// noValue reports whether the Go zero value of the field means "no value": a nil pointer, or the
// empty string of a nillable string (README, "Optional and nillable elements").
func (f matrixField) noValue() bool {
	return f.kind == "Obj" || f.kind == "Str" && f.nillable
}

// wantEncoded returns the forms the occurrences of f take for one state, following the documented
// rules: an unset value is left out when optional, sent as xsi:nil when required and nillable, and
// written as the zero value otherwise; numbers and booleans are always sent; SetNil, SetAbsent and
// SetPresent force xsi:nil, absence and the Go value.
func (f matrixField) wantEncoded(state string) []string {
	_, valueForm := f.value()
	switch state {
	case "zero":
		switch {
		case f.list:
			return nil
		case !f.noValue():
			return []string{f.zeroForm()}
		case f.optional:
			return nil
		case f.nillable:
			return []string{"nil"}
		}
		return []string{f.zeroForm()}
	case "set":
		return []string{valueForm}
	case "SetNil":
		return []string{"nil"}
	case "SetAbsent":
		return nil
	case "SetPresent":
		return []string{f.zeroForm()}
	}
	panic(state)
}

// matrixFor returns a Matrix with field f in the given state, every other field zero — but
// ObjReqNoNil, which holds the zero Inner: the schema gives a nil *Inner no form in that required,
// non-nillable element, and encoding one is an error (see "ObjReqNoNil nil" below).
func matrixFor(f matrixField, state string) *nillable.Matrix {
	m := new(nillable.Matrix)
	if f.name != "ObjReqNoNil" {
		m.ObjReqNoNil = new(nillable.Inner)
	}
	switch state {
	case "set":
		f.set(m)
	case "SetNil":
		m.Presence.SetNil(f.name)
	case "SetAbsent":
		m.Presence.SetAbsent(f.name)
	case "SetPresent":
		m.Presence.SetPresent(f.name)
	}
	return m
}

// formsOf returns the forms of the children of n named local, in order.
func formsOf(n *node, local string) []string {
	var out []string
	for _, c := range n.Children {
		if c.Name.Local == local {
			out = append(out, c.form())
		}
	}
	return out
}

func matrixDoc(children string) []byte {
	return []byte(`<Matrix xmlns="` + nsNillable + `" xmlns:i="` + nsXSI + `">` + children + `</Matrix>`)
}

// TestNillable checks the minOccurs x nillable matrix (XML Schema Part 1 sections 3.3 and 3.9):
// what each Go value and each Presence state puts on the wire, and that every wire form a server sends
// is sent back as it came.
func TestNillable(t *testing.T) {
	ctx := context.Background()
	mn := xml.Name{Space: nsNillable, Local: "Matrix"}
	fields := matrixFields()
	states := []string{"zero", "set", "SetNil", "SetAbsent", "SetPresent"}

	for _, f := range fields {
		for _, state := range states {
			if f.list && state != "zero" && state != "set" {
				continue // see "a Presence state of a repeated field" below
			}
			t.Run("encode/"+f.name+"/"+state, func(t *testing.T) {
				m := matrixFor(f, state)
				if f.name == "ObjReqNoNil" && state == "zero" {
					// A nil pointer where the schema requires a non-nillable element: no wire form
					// says "nothing" there, so encoding refuses it, naming the field.
					_, err := marshal(m, mn)
					if err == nil || !strings.Contains(err.Error(), "Matrix.ObjReqNoNil has no value, but the element ObjReqNoNil is required and not nillable") {
						t.Fatalf("err = %v, want an error naming Matrix.ObjReqNoNil", err)
					}
					return
				}
				got := formsOf(parseTree(t, mustMarshal(t, m, mn)), f.name)
				diff(t, f.name+" on the wire", f.wantEncoded(state), got)
			})
		}
	}

	// The same states, for a value that is set: Presence wins over the Go value.
	for _, f := range fields {
		if f.list {
			continue
		}
		for _, state := range []string{"SetNil", "SetAbsent", "SetPresent"} {
			t.Run("encode/"+f.name+"/set+"+state, func(t *testing.T) {
				m := matrixFor(f, state)
				f.set(m)
				want := f.wantEncoded(state)
				if state == "SetPresent" {
					_, vf := f.value()
					want = []string{vf}
				}
				got := formsOf(parseTree(t, mustMarshal(t, m, mn)), f.name)
				diff(t, f.name+" on the wire", want, got)
			})
		}
	}

	// soap.CheckPresence promises that "a state the user set is never silently ignored". A repeated
	// element has no single wire state; a state recorded for one must then be refused, or have an
	// effect.
	for _, state := range []string{"SetNil", "SetAbsent", "SetPresent"} {
		t.Run("encode/a Presence state of a repeated field is not silently ignored/"+state, func(t *testing.T) {
			var ignored []string
			for _, f := range fields {
				if !f.list {
					continue
				}
				plain := matrixFor(f, "zero") // every field zero (ObjReqNoNil the zero Inner)
				m := matrixFor(f, state)
				if state == "SetAbsent" {
					f.set(plain)
					f.set(m)
				}
				want := mustMarshal(t, plain, mn)
				got, err := marshal(m, mn)
				if err == nil && string(got) == string(want) {
					ignored = append(ignored, f.name)
				}
			}
			if len(ignored) > 0 {
				t.Errorf("Presence.%s was accepted and changed nothing on the wire for %v", state, ignored)
			}
		})
	}

	t.Run("EchoMatrix requests", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<EchoMatrixResponse xmlns="`+nsNillable+`"/>`))
		c := nillable.NewMatricesClient(nil)
		c.Endpoint = srv.URL
		for _, state := range states {
			m := new(nillable.Matrix)
			if state == "zero" {
				m.ObjReqNoNil = new(nillable.Inner) // a nil one is refused (see "ObjReqNoNil nil")
			}
			for _, f := range fields {
				switch {
				case state == "set":
					f.set(m)
				case f.list || state == "zero":
				default:
					m.Presence.Set(f.name, map[string]soap.State{"SetNil": soap.Nil, "SetAbsent": soap.Absent, "SetPresent": soap.Present}[state])
				}
			}
			if _, err := c.EchoMatrix(ctx, m); err != nil {
				t.Fatal(err)
			}
			req := srv.Last(t)
			checkHTTP11(t, req, "http://example.com/sogen/nillable/EchoMatrix")
			tree := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11)).mustFind(t, nsNillable, "matrix")
			var want []string
			for _, f := range fields {
				ws := f.wantEncoded(state)
				if f.list && state != "set" {
					ws = nil
				}
				for _, w := range ws {
					want = append(want, f.name+"="+w)
				}
			}
			diff(t, state+" request", want, tree.childForms())
			checkGolden(t, "nillable", "EchoMatrix."+state+".request.xml", req.Body)
		}
	})

	// Wire forms a server may send; each must come back unchanged when the decoded value is encoded.
	for _, f := range fields {
		type form struct{ name, xml string }
		nilXML := `<` + f.name + ` i:nil="true"/>`
		emptyXML := `<` + f.name + `/>`
		var forms []form
		if f.list {
			forms = []form{{"none", ""}, {"one value", f.valueXML()}, {"two values", f.valueXML() + f.valueXML()}}
			// A nil item of a nillable string list decodes as "" (the documented rule for []string), so
			// only the number, boolean and complex lists, whose items are pointers, keep xsi:nil.
			if f.nillable && f.kind != "Str" {
				forms = append(forms, form{"nil item", nilXML}, form{"value nil value", f.valueXML() + nilXML + f.valueXML()})
			}
			if f.kind == "Str" || f.kind == "Obj" {
				forms = append(forms, form{"empty item", emptyXML})
			}
		} else {
			forms = []form{{"absent", ""}, {"xsi:nil", nilXML}, {"value", f.valueXML()}}
			if f.kind == "Str" || f.kind == "Obj" {
				forms = append(forms, form{"empty", emptyXML})
			}
		}
		for _, fm := range forms {
			t.Run("round trip/"+f.name+"/"+fm.name, func(t *testing.T) {
				doc := matrixDoc(fm.xml)
				var m nillable.Matrix
				if err := decodeXML(doc, &m, nillableTypes); err != nil {
					t.Fatal(err)
				}
				again, err := marshal(&m, mn)
				if err != nil {
					t.Fatal(err)
				}
				in, out := parseTree(t, doc), parseTree(t, again)
				if d := cmp.Diff(formsOf(in, f.name), formsOf(out, f.name)); d != "" {
					t.Fatalf("%s sent back differently (-received +sent):\n%s", f.name, d)
				}
				diff(t, "whole Matrix", in, out, ignoreTypeText)
			})
		}
	}

	t.Run("decoding/an empty xs:int or xs:boolean element is an error", func(t *testing.T) {
		for _, f := range fields {
			if f.kind != "Int" && f.kind != "Bool" {
				continue
			}
			var m nillable.Matrix
			if err := decodeXML(matrixDoc(`<`+f.name+`/>`), &m, nillableTypes); err == nil {
				t.Errorf("<%s/> decoded as %v", f.name, reflect.ValueOf(m).FieldByName(f.name))
			}
		}
	})

	t.Run("decoding/Presence records the wire state of each single field", func(t *testing.T) {
		var children strings.Builder
		want := map[string]soap.State{}
		for _, f := range fields {
			if f.list {
				continue
			}
			switch {
			case f.optional && f.nillable:
				children.WriteString(`<` + f.name + ` i:nil="true"/>`)
				want[f.name] = soap.Nil
			case f.optional:
				if f.kind == "Str" || f.kind == "Obj" {
					children.WriteString(`<` + f.name + `/>`) // the empty string, an empty Inner
				} else {
					children.WriteString(f.valueXML())
				}
			default:
				// Required fields left out.
				want[f.name] = soap.Absent
			}
		}
		var m nillable.Matrix
		if err := decodeXML(matrixDoc(children.String()), &m, nillableTypes); err != nil {
			t.Fatal(err)
		}
		got := map[string]soap.State{}
		for _, f := range fields {
			if s := m.Presence.State(f.name); !f.list && s != soap.Default {
				got[f.name] = s
			}
		}
		diff(t, "states of the single fields", want, got)
		diff(t, "StrOptNoNil", "", m.StrOptNoNil)
		// <ObjOptNoNil/>: an Inner whose optional Value was absent.
		diff(t, "ObjOptNoNil", &nillable.Inner{Presence: presence(map[string]soap.State{"Value": soap.Absent})}, m.ObjOptNoNil)
		again := mustMarshal(t, &m, mn)
		diff(t, "re-encoded", parseTree(t, matrixDoc(children.String())), parseTree(t, again), ignoreTypeText)
	})

	// Presence records a state when the wire differs from what the decoded Go value would produce on
	// its own (soap.Field.Observe). A repeated element that does not occur decodes as a nil slice,
	// which produces no element: nothing differs, and nothing should be recorded.
	t.Run("decoding/a repeated element that does not occur records no Presence state", func(t *testing.T) {
		var children strings.Builder
		for _, f := range fields {
			if !f.list {
				children.WriteString(f.valueXML())
			}
		}
		var m nillable.Matrix
		if err := decodeXML(matrixDoc(children.String()), &m, nillableTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "fields with a recorded state", []string{}, m.Presence.Fields())
	})
}
