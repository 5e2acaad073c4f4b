package soap_test

import (
	"slices"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// fldPresence builds a Presence from field, state pairs.
func fldPresence(kv ...any) soap.Presence {
	var p soap.Presence
	for i := 0; i < len(kv); i += 2 {
		p.Set(kv[i].(string), kv[i+1].(soap.State))
	}
	return p
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
